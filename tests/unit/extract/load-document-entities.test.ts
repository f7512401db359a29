// loadDocument has htmlparser2's tokenizer leave entities as written and decodes them itself
// (load-document.ts). The tree must be the one htmlparser2 builds when it decodes them, for
// any input, whole or in pieces cut anywhere (through an entity, a tag, a stray end tag):
// the same pieces htmlparser2 is given.
// property tests against htmlparser2's own decoding parse, fixed seed.

import fc from 'fast-check';
import type { AnyNode } from 'domhandler';
import { DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';
import { expect, test } from 'vitest';
import { loadDocument } from '../../../src/extract/load-document.js';

const SEED = 20_261_206;
const OPTIONS = { xmlMode: false, decodeEntities: true, lowerCaseAttributeNames: true } as const;

const PIECES = [
  '&amp;',
  '&amp',
  '&ampx',
  '&amp=',
  '&am',
  '&',
  '&#65;',
  '&#65',
  '&#x41;',
  '&#x;',
  '&#0;',
  '&#xD800;',
  '&#1114112;',
  '&#128;',
  '&#x80',
  '&notit;',
  '&not',
  '&notin;',
  '&lt',
  '&gt;',
  '&nbsp',
  '&AElig',
  '&copy=',
  '&quot;',
  ';',
  '=',
  '"',
  "'",
  '<',
  '>',
  ' ',
  'a',
  '\n',
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<title>',
  '</title>',
  '<TITLE>',
  '</titl',
  '<script>',
  '</script>',
  '<style>',
  '</style>',
  '<textarea>',
  '</textarea>',
  '<xmp>',
  '</xmp>',
  '<svg>',
  '</svg>',
  '<math>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?x',
  '<!doctype html>',
  '<a href="',
  '<a href=',
  "<img alt='",
  '" c=',
  ' x=&amp;y ',
  '<br/>',
  '</br>',
  '<li>',
  '<table>',
  '<tr>',
  '<select>',
  '<option>',
];

const html = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

/** The same text cut at the given offsets. */
function cut(text: string, offsets: number[]): string[] {
  const at = [...new Set(offsets.map((offset) => offset % (text.length + 1)))].sort((a, b) => a - b);
  return [...at, text.length].map((end, index) => text.slice(index === 0 ? 0 : at[index - 1], end));
}

/** htmlparser2 decoding entities itself, fed the same pieces (a cut can change its tree). */
function reference(pieces: string[]): AnyNode[] {
  const handler = new DomHandler();
  const parser = new Parser(handler, OPTIONS);
  for (const piece of pieces) parser.write(piece);
  parser.end();
  return handler.root.children;
}

/** Type, name, attributes, text and children: what a tree holds, as plain data. */
function shape(nodes: readonly AnyNode[]): unknown[] {
  return nodes.map((node) =>
    'children' in node
      ? {
          type: node.type,
          name: 'name' in node ? node.name : '',
          attribs: 'attribs' in node ? node.attribs : {},
          children: shape(node.children),
        }
      : { type: node.type, data: 'data' in node ? node.data : '' },
  );
}

test('entities decode as htmlparser2 decodes them, in text, attributes and <title>', () => {
  const $ = loadDocument(
    '<title>A &amp; B &lt</title><p title="x &quot;y&quot; &copy=1 &amp">a &notin; b &#65&lt;</p>',
  );
  expect($('title').text()).toBe('A & B <');
  expect($('p').attr('title')).toBe('x "y" &copy=1 &');
  expect($('p').text()).toBe('a ∉ b A<');
  expect(loadDocument('<script>a &amp; b</script>')('script').text()).toBe('a &amp; b');
});

test("any input gives htmlparser2's own tree, whole or in pieces", () => {
  fc.assert(
    fc.property(html, fc.array(fc.nat(), { maxLength: 8 }), (text, offsets) => {
      const pieces = cut(text, offsets);
      expect(shape(loadDocument(text).root()[0]!.children)).toEqual(shape(reference([text])));
      expect(shape(loadDocument(pieces).root()[0]!.children)).toEqual(shape(reference(pieces)));
    }),
    { seed: SEED, numRuns: 3000 },
  );
});
