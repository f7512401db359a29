// The rendering path's shortcuts give what the long way gives: attributes dropped in the
// tree before sanitizing change nothing the sanitizer writes, and text without any
// character turndown escapes skips its escapes unchanged.

import TurndownService from 'turndown';
import { describe, expect, test } from 'vitest';
import { dropDisallowedAttributes, sanitizeContent } from '../../../src/extract/content/sanitize-content.js';
import { loadDocument } from '../../../src/extract/load-document.js';
import { escapeMarkdownText } from '../../../src/extract/markdown/markdown-escapes.js';

const FRAGMENTS = [
  '<p class="lead" id="x" style="color:red" data-x="1">Text <a href="https://a.example/" class="l" rel="nofollow" title="t" target="_blank">link</a></p>',
  '<img src="https://a.example/i.jpg" alt="a" title="t" width="10" loading="lazy" srcset="b.jpg 2x">',
  '<table><tr><td colspan="2" class="c" onclick="x()">a</td><th rowspan="3" scope="col">b</th></tr></table>',
  '<pre class="language-js" data-line="1"><code class="language-js" id="c">x</code></pre>',
  '<a href="javascript:alert(1)" onclick="alert(2)">bad</a><a href="//evil.example/" title="">rel</a>',
  '<font face="x" color="red">kept text</font><svg viewBox="0 0 1 1"><title>icon</title></svg>',
];

describe('dropDisallowedAttributes', () => {
  test.each(FRAGMENTS)('the sanitizer writes the same without the dropped attributes: %s', (html) => {
    const $ = loadDocument(`<div>${html}</div>`);
    const root = $('div').first()[0]!;
    dropDisallowedAttributes(root);
    expect(sanitizeContent($(root).html() ?? '')).toBe(sanitizeContent(html));
  });

  test('keeps only what the allowlist keeps, per tag', () => {
    const $ = loadDocument(`<div>${FRAGMENTS[0]}${FRAGMENTS[2]}</div>`);
    const root = $('div').first()[0]!;
    dropDisallowedAttributes(root);
    expect($('p').first().attr()).toEqual({});
    expect($('a').first().attr()).toEqual({ href: 'https://a.example/', title: 't' });
    expect($('td').first().attr()).toEqual({ colspan: '2' });
    expect($('th').first().attr()).toEqual({ rowspan: '3' });
  });
});

describe('escapeMarkdownText', () => {
  const turndownEscape = TurndownService.prototype.escape;
  test.each([
    'plain words, no marks',
    '- starts a list',
    '+ plus item',
    '+no space',
    '=== setext',
    '## heading',
    '####### seven',
    '~~~ fence',
    '> quote',
    '12. numbered',
    '12.no space',
    'a * b _ c ` d [e] \\ f',
    'mid - dash > gt + plus = eq # hash 1. one',
    '1 < 2 &amp; AT&T',
  ])('as turndown escapes it, after & and < are made inert: %s', (text) => {
    const inert = text.replace(/&(?=#[0-9xX]|[A-Za-z][A-Za-z0-9]*;)/g, '&amp;').replace(/</g, '&lt;');
    expect(escapeMarkdownText(text)).toBe(turndownEscape(inert));
  });
});
