// The text guards behind the sanitizers: the Markdown converter writes markup-looking
// text, code, links, images and tables so that a CommonMark renderer with raw HTML on
// shows them as written (issue 13), the raw-HTML guard catches what it would miss, and
// plain-text fields lose tags that a double escape uncovered.

import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { stripMarkup } from '../../src/lib/strip-markup.js';
import { convertToMarkdown } from '../../src/extract/markdown/convert-to-markdown.js';
import { guardRawHtml } from '../../src/extract/markdown/guard-raw-html.js';
import { stripMarkdown } from '../../src/lib/strip-markdown.js';
import { findMarkdownHtml } from './helpers/markdown-oracle.js';

const render = (markdown: string) => new MarkdownIt({ html: true }).render(markdown);
const PAYLOAD = '&lt;img src=x onerror=alert(1)&gt;';

describe('text is written so it cannot open markup', () => {
  test.each([
    [
      '<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>',
      'a &lt;script>alert(1)&lt;/script> b',
      '<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n',
    ],
    [`<p>${PAYLOAD}</p>`, '&lt;img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n'],
    [
      '<p>&lt;!-- c --&gt; and &lt;?php ?&gt;</p>',
      '&lt;!-- c --> and &lt;?php ?>',
      '<p>&lt;!-- c --&gt; and &lt;?php ?&gt;</p>\n',
    ],
    [
      '<p>1 &lt; 2, AT&amp;T, &amp;lt;b&amp;gt;</p>',
      '1 &lt; 2, AT&T, &amp;lt;b&amp;gt;',
      '<p>1 &lt; 2, AT&amp;T, &amp;lt;b&amp;gt;</p>\n',
    ],
    [
      `<p>Write \`${PAYLOAD}\` here</p>`,
      'Write \\`&lt;img src=x onerror=alert(1)>\\` here',
      '<p>Write `&lt;img src=x onerror=alert(1)&gt;` here</p>\n',
    ],
  ])('%s', (html, markdown, rendered) => {
    expect(convertToMarkdown(html)).toBe(markdown);
    expect(render(markdown)).toBe(rendered);
  });

  test('the plain text reads as the page did', () => {
    expect(stripMarkdown(convertToMarkdown('<p>1 &lt; 2, AT&amp;T, &amp;lt;b&amp;gt; `x` a|b</p>'))).toBe(
      '1 < 2, AT&T, &lt;b&gt; `x` a b',
    );
  });
});

describe('code keeps its text, and only its text is code', () => {
  test.each([
    ['a code span holding backticks', '<p>Use <code>a `b` c</code> now</p>', 'Use ``a `b` c`` now'],
    ['a code span starting with a backtick', '<p><code>`&lt;b&gt;</code></p>', '`` `<b> ``'],
    [
      'the second of two code spans side by side is text',
      '<p><code>\\`</code><code>&lt;b&gt;</code></p>',
      '`` \\` ``&lt;b>',
    ],
    [
      'side by side through an empty image and a span',
      '<p><code>a`</code><img alt=""><kbd><code>&lt;b&gt; </code></kbd></p>',
      '`` a` ``&lt;b>',
    ],
    [
      'a block of code lines of backticks',
      '<pre><code>```\n   ```\n&lt;b&gt;</code></pre>',
      '````\n```\n   ```\n<b>\n````',
    ],
    [
      'a language of unsafe characters',
      `<pre><code class="language-x\`y&quot;z">${PAYLOAD}</code></pre>`,
      '```xyz\n<img src=x onerror=alert(1)>\n```',
    ],
    [
      'a code block inside emphasis',
      `<p><em><pre><code>${PAYLOAD}</code></pre></em></p>`,
      '_`<img src=x onerror=alert(1)>`_',
    ],
    ['line breaks in code', '<pre><code>a<br>b</code></pre>', '```\na\nb\n```'],
    [
      'a list item after inline text',
      `<ol><a href="https://x.example/">x</a><li><pre><code>${PAYLOAD}</code></pre></li></ol>`,
      '[x](https://x.example/)\n\n2. ```\n   <img src=x onerror=alert(1)>\n   ```',
    ],
  ])('%s', (_name, html, markdown) => {
    expect(convertToMarkdown(html)).toBe(markdown);
    expect(findMarkdownHtml(markdown)).toEqual([]);
  });
});

describe('links and images cannot end early or change scheme', () => {
  test.each([
    [
      'a title with a quote and a backslash',
      `<a href="https://x.example/" title='a\\" ${PAYLOAD}'>t</a>`,
      '[t](https://x.example/ "a\\\\\\" &lt;img src=x onerror=alert(1)>")',
    ],
    [
      'spaces, parentheses and markup in the destination',
      '<a href="https://x.example/a b(c)&lt;d&gt;">t</a>',
      '[t](https://x.example/a%20b\\(c\\)%3Cd%3E)',
    ],
    [
      'an entity in the destination',
      '<a href="https://x.example/&amp;#106;s">t</a>',
      '[t](https://x.example/\\&#106;s)',
    ],
    [
      'markup in an alt text',
      `<img src="https://x.example/i.png" alt="${PAYLOAD}">`,
      '![&lt;img src=x onerror=alert(1)>](https://x.example/i.png)',
    ],
  ])('%s', (_name, html, markdown) => {
    expect(convertToMarkdown(html)).toBe(markdown);
    expect(findMarkdownHtml(markdown)).toEqual([]);
  });
});

describe('tables are Markdown, never raw HTML', () => {
  test.each([
    [
      'a heading row',
      '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>',
      '| A | B |\n| --- | --- |\n| 1 | 2 |',
    ],
    [
      'no heading row: an empty one',
      '<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>',
      '|  |  |\n| --- | --- |\n| 1 | 2 |\n| 3 |',
    ],
    [
      'a pipe in code in a cell',
      `<table><tr><th>A</th></tr><tr><td><code>a|${PAYLOAD}|</code></td></tr></table>`,
      '| A |\n| --- |\n| `a\\|<img src=x onerror=alert(1)>\\|` |',
    ],
    [
      'a layout table: its cells as blocks',
      '<table><tr><td><p>One</p><p>Two</p></td><td><h2>Three</h2></td></tr></table>',
      'One\n\nTwo\n\n## Three',
    ],
  ])('%s', (_name, html, markdown) => {
    expect(convertToMarkdown(html)).toBe(markdown);
    expect(findMarkdownHtml(markdown)).toEqual([]);
  });
});

describe('guardRawHtml', () => {
  test('raw HTML left in Markdown loses every <', () => {
    expect(guardRawHtml('`a``` `<img src=x onerror=alert(1)>` ``')).toBe('`a``` `&lt;img src=x onerror=alert(1)>` ``');
    expect(findMarkdownHtml(guardRawHtml('x <b onclick=alert(1)>y</b>\n\n<div>z</div>'))).toEqual([]);
  });

  test('Markdown without raw HTML is left as it is', () => {
    const markdown = 'Use `<script>` here.\n\n```html\n<iframe></iframe>\n```\n\n1 &lt; 2';
    expect(guardRawHtml(markdown)).toBe(markdown);
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
