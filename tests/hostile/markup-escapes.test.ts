// The two text guards behind the sanitizers: Markdown keeps markup-looking text as text
// (outside code), and plain-text fields lose tags that a double escape uncovered.

import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { stripMarkup } from '../../src/lib/strip-markup.js';
import { escapeMarkdownHtml } from '../../src/extract/escape-markdown-html.js';

const render = (markdown: string) => new MarkdownIt({ html: true }).render(markdown);

describe('escapeMarkdownHtml', () => {
  test.each([
    ['a <script>alert(1)</script> b', '<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n'],
    ['<!-- c --> and <!DOCTYPE x> and <?php ?>', '<p>&lt;!-- c --&gt; and &lt;!DOCTYPE x&gt; and &lt;?php ?&gt;</p>\n'],
    ['1 < 2 and a <- b', '<p>1 &lt; 2 and a &lt;- b</p>\n'],
  ])('%s renders as the same text, not as markup', (markdown, html) => {
    expect(render(escapeMarkdownHtml(markdown))).toBe(html);
  });

  test('code spans and fenced code keep their text as written', () => {
    const markdown = 'Use `<script>` here and ``a `<b>` c``.\n\n```html\n<iframe src="x"></iframe>\n```\n\nafter <b>';
    const escaped = escapeMarkdownHtml(markdown);
    expect(escaped).toBe('Use `<script>` here and ``a `<b>` c``.\n\n```html\n<iframe src="x"></iframe>\n```\n\nafter &lt;b>');
    expect(render(escaped)).not.toMatch(/<(script|iframe|b)[ >]/);
  });
});

describe('stripMarkup', () => {
  test.each([
    ['Escaped markup: <script>alert(1)</script>', 'Escaped markup: alert(1)'],
    ['<img src=x onerror=alert(1)> text', 'text'],
    ['cut <img src=x onerror=alert(1)', 'cut < img src=x onerror=alert(1)'],
    ['a <!-- hidden --> b', 'a b'],
    ['1 < 2 > 0', '1 < 2 > 0'],
    ['no markup at all', 'no markup at all'],
  ])('%s → %s', (input, output) => {
    expect(stripMarkup(input)).toBe(output);
  });
});
