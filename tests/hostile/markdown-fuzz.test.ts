// Article bodies against a real CommonMark renderer with raw HTML on (issue 13): for
// generated hostile HTML (code, pre, backtick runs, entities, tags, event handlers,
// script URLs in links and images, tables, and the three reproductions of the issue),
// the Markdown written for an article (from a page, and from the feed's own content)
// renders with no raw tag, no on* attribute and no javascript:/vbscript:/data: URL.
// The construction alone (sanitize + convertToMarkdown, before the raw-HTML guard) is
// held to the same oracle, so the guard stays a backstop and not the defence.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { convertToMarkdown } from '../../src/extract/markdown/convert-to-markdown.js';
import { extractArticle, extractFromFeed } from '../../src/extract/extract-article.js';
import { sanitizeContent } from '../../src/extract/content/sanitize-content.js';
import type { FeedItem } from '../../src/types.js';
import { findMarkdownHtml } from './helpers/markdown-oracle.js';

const PAYLOAD = '&lt;img src=x onerror=alert(1)&gt;';
/** The three reproductions: an escaped backtick beside markup, a code line of three backticks, a backtick in a language class. */
const REPRODUCTIONS = [
  `<p>Write \`${PAYLOAD}\` to see it.</p>`,
  `<pre><code>\`\`\`</code></pre><p>After the block ${PAYLOAD} here.</p>`,
  `<pre><code class="language-x\`y">${PAYLOAD}</code></pre>`,
];

const TEXT_PIECES = [
  'plain words',
  ' ',
  '\n',
  '1 < 2',
  'a&b',
  'AT&T',
  PAYLOAD,
  '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;b&#62;',
  '&amp;#106;avascript:alert(1)',
  '`',
  '``',
  '```',
  '````',
  '~~~',
  '\\',
  '\\`',
  '|',
  '*',
  '_',
  '#',
  '> ',
  '- ',
  '1. ',
  '[x](javascript:alert(1))',
  '![i](javascript:alert(2))',
  '&lt;!-- c --&gt;',
  '&lt;![CDATA[x]]&gt;',
  '&lt;/p&gt;',
  '&lt;a href="javascript:alert(1)"&gt;',
  '&lt;http://x.example&gt;',
  '&lt;?php ?&gt;',
  '&lt;',
  '&gt;',
  '&amp;',
  '&quot;',
  '    indented',
];
const URLS = [
  'https://ok.example/a',
  'https://ok.example/a b',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;',
  'https://ok.example/?a=1&amp;b=2',
  'https://ok.example/x)(y',
  'https://ok.example/x\\',
  '&amp;#106;avascript:alert(1)',
  'https://ok.example/&amp;#106;',
  ' javascript:alert(1)',
  'https://ok.example/&quot;onmouseover=&quot;alert(1)',
  'https://ok.example/&lt;img src=x onerror=alert(1)&gt;',
  'relative/path x',
  'https://ok.example/a&#10;b',
  'https://ok.example/`x`',
  'mailto:a@b.example',
];
const HANDLERS = [
  '',
  ' onerror="alert(1)"',
  ' onclick=alert(1)',
  ' onmouseover="&quot;x&quot;"',
  ' style="background:url(javascript:alert(1))"',
];
const LANGUAGES = ['', 'js', 'x`y', 'x y', 'x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;', '```', 'a&#10;b', '~~~'];
const RAW_TAGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<svg onload=alert(1)>',
  '<b onclick=alert(1)>bold</b>',
  '<br>',
  '<hr>',
  '<!-- comment -->',
  '<a href="javascript:alert(1)">js</a>',
  '<table><tr><td>`a|b` <code>c|d</code></td><td>x</td></tr></table>',
  '<details open ontoggle=alert(1)>d</details>',
];
const ELEMENTS = [
  'p',
  'div',
  'code',
  'pre',
  'b',
  'em',
  'span',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h2',
  'table',
  'tr',
  'td',
  'th',
  'kbd',
  'a',
];

const text = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 6 }).map((pieces) => pieces.join(''));
const leaf = fc.oneof(
  text,
  fc.constantFrom(...RAW_TAGS),
  fc
    .tuple(text, text, fc.constantFrom(...HANDLERS))
    .map(([code, tail, handler]) => `<code${handler}>${code}</code>${tail}`),
  fc
    .tuple(fc.constantFrom(...LANGUAGES), text)
    .map(([language, code]) => `<pre><code class="language-${language}">${code}</code></pre>`),
  fc
    .tuple(fc.constantFrom(...URLS), text, text, fc.constantFrom(...HANDLERS))
    .map(([href, label, title, handler]) => `<a href="${href}" title="${title}"${handler}>${label}</a>`),
  fc
    .tuple(fc.constantFrom(...URLS), text, text, fc.constantFrom(...HANDLERS))
    .map(([src, alt, title, handler]) => `<img src="${src}" alt="${alt}" title="${title}"${handler}>`),
);
const { node } = fc.letrec<{ node: string; element: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('element')),
  element: fc
    .tuple(fc.constantFrom(...ELEMENTS), fc.constantFrom(...HANDLERS), fc.array(tie('node'), { maxLength: 4 }))
    .map(([tag, handler, children]) => `<${tag}${handler}>${children.join('')}</${tag}>`),
}));
const body = fc.array(node, { minLength: 1, maxLength: 6 }).map((nodes) => nodes.join(''));

const RUNS = 400;
const examples = REPRODUCTIONS.map((html): [string] => [html]);

function feedItem(contentHtml: string): FeedItem {
  return {
    id: 'fuzz',
    url: 'https://news.example/2026/01/05/story/',
    title: 'Story',
    authors: [],
    categories: [],
    media: [],
    enclosures: [],
    contentHtml,
  };
}

function page(html: string): string {
  return `<html><head><title>Story</title></head><body><article><h1>Story</h1><p>${'Plain words of the story. '.repeat(8)}</p>${html}</article></body></html>`;
}

describe('article Markdown rendered by CommonMark with raw HTML on', () => {
  test.each(REPRODUCTIONS)('reproduction %s: no raw HTML from the page or from the feed', (html) => {
    expect(
      findMarkdownHtml(extractArticle({ html: page(html), url: 'https://news.example/a', siteRules: {} }).markdown),
    ).toEqual([]);
    expect(findMarkdownHtml(extractFromFeed(feedItem(html)).markdown)).toEqual([]);
    expect(findMarkdownHtml(convertToMarkdown(sanitizeContent(html)))).toEqual([]);
  });

  test(`${RUNS} generated bodies: the construction, the page path and the feed path`, () => {
    let checked = 0;
    fc.assert(
      fc.property(body, (html) => {
        checked += 1;
        expect(findMarkdownHtml(convertToMarkdown(sanitizeContent(html)))).toEqual([]);
        expect(findMarkdownHtml(extractFromFeed(feedItem(html)).markdown)).toEqual([]);
        expect(
          findMarkdownHtml(extractArticle({ html: page(html), url: 'https://news.example/a', siteRules: {} }).markdown),
        ).toEqual([]);
      }),
      { seed: 13_001, numRuns: RUNS, examples },
    );
    expect(checked).toBeGreaterThanOrEqual(RUNS);
  }, 60_000);
});
