// Seeded mutations of a document for fuzzing: byte flips, truncations, tag and attribute
// duplication, entity injection (including an entity-expansion DOCTYPE), deep nesting and
// chunk copies. The same seed gives the same mutants.

import type { Prng } from './prng.js';

const ENTITIES = [
  '&amp;',
  '&',
  '&#',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '&#x110000;',
  '&nbsp;',
  '&unknown;',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#x09;',
  '&#65',
  '&amp;amp;amp;',
  '&lol9;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '\u0000',
  '\ufeff',
  '\ud800',
];
const DOCTYPE =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>';
const NEST_TAGS = ['div', 'span', 'item', 'entry', 'p', 'a', 'table', 'ul', 'li', 'b', 'blockquote', 'content'];
const FLIP_CHARS = ['<', '>', '&', '"', "'", '/', '=', '\u0000', '\u001f', '\n', ']', '[', '!', '?', '\ufffd', 'é'];

export type MutationKind =
  | 'flip'
  | 'truncate'
  | 'duplicate-tag'
  | 'duplicate-attribute'
  | 'entity'
  | 'doctype'
  | 'nest'
  | 'copy-chunk';
export const MUTATION_KINDS: readonly MutationKind[] = [
  'flip',
  'truncate',
  'duplicate-tag',
  'duplicate-attribute',
  'entity',
  'doctype',
  'nest',
  'copy-chunk',
];

function at(text: string, prng: Prng): number {
  return prng.int(text.length + 1);
}

function findTag(text: string, prng: Prng): { start: number; tag: string } | undefined {
  const start = text.indexOf('<', at(text, prng));
  if (start < 0) return undefined;
  const end = text.indexOf('>', start);
  return end < 0 || end - start > 2_000 ? undefined : { start, tag: text.slice(start, end + 1) };
}

function mutateOnce(text: string, kind: MutationKind, prng: Prng): string {
  const pos = at(text, prng);
  switch (kind) {
    case 'flip': {
      let out = text;
      for (let i = 0, count = 1 + prng.int(20); i < count; i += 1) {
        const p = prng.int(out.length);
        out = out.slice(0, p) + prng.pick(FLIP_CHARS) + out.slice(p + 1);
      }
      return out;
    }
    case 'truncate':
      return text.slice(0, pos);
    case 'duplicate-tag': {
      const found = findTag(text, prng);
      return found ? text.slice(0, found.start) + found.tag.repeat(1 + prng.int(200)) + text.slice(found.start) : text;
    }
    case 'duplicate-attribute': {
      const found = findTag(text, prng);
      const attribute = found ? /\s[\w:-]+="[^"]*"/.exec(found.tag) : null;
      if (!found || !attribute) return text;
      const insert = found.start + attribute.index;
      return text.slice(0, insert) + attribute[0].repeat(1 + prng.int(100)) + text.slice(insert);
    }
    case 'entity':
      return (
        text.slice(0, pos) +
        Array.from({ length: 1 + prng.int(10) }, () => prng.pick(ENTITIES)).join('') +
        text.slice(pos)
      );
    case 'doctype': {
      const decl = text.indexOf('?>');
      const p = decl >= 0 ? decl + 2 : 0;
      return `${text.slice(0, p)}${DOCTYPE}${text.slice(p)}`.replace(/(<title[^>]*>)/, '$1&lol9;');
    }
    case 'nest': {
      const tag = prng.pick(NEST_TAGS);
      const depth = 100 + prng.int(5_000);
      return (
        text.slice(0, pos) +
        `<${tag}>`.repeat(depth) +
        'deep' +
        (prng.next() < 0.5 ? `</${tag}>`.repeat(depth) : '') +
        text.slice(pos)
      );
    }
    case 'copy-chunk': {
      const from = prng.int(text.length);
      const chunk = text.slice(from, from + prng.int(5_000));
      return text.slice(0, pos) + chunk + text.slice(pos);
    }
  }
}

/** One to three mutations; returns the mutant and the kinds applied. */
export function mutate(text: string, prng: Prng): { text: string; kinds: MutationKind[] } {
  const kinds = Array.from({ length: 1 + prng.int(3) }, () => prng.pick(MUTATION_KINDS));
  return { text: kinds.reduce((current, kind) => mutateOnce(current, kind, prng), text), kinds };
}
