import { describe, expect, test } from 'vitest';
import { tidyMarkdown } from '../../../src/extract/markdown/convert-to-markdown.js';
import { extractArticle, extractFromFeed } from '../../../src/extract/extract-article.js';
import { pickLargestSrcset } from '../../../src/extract/content/resolve-content-urls.js';
import { stripMarkdown } from '../../../src/lib/strip-markdown.js';
import type { FeedItem } from '../../../src/types.js';
import { extractPage, PARAGRAPH, prose } from './helpers/article-snippets.js';

const pageWith = (content: string, head = '') =>
  `<html><head>${head}</head><body><nav><a href="/">Home</a></nav><article class="post-content">${prose(4)}${content}${prose(2)}</article><footer>Footer</footer></body></html>`;
const extract = extractPage;
const item = (fields: Partial<FeedItem> = {}): FeedItem => ({
  id: 'i',
  title: 'Feed title',
  authors: [],
  categories: [],
  media: [],
  enclosures: [],
  ...fields,
});

describe('images and URLs', () => {
  test.each([
    [
      'data-src over a placeholder src',
      '<img src="data:image/gif;base64,R0lGOD" data-src="/img/a.jpg">',
      '![](https://site.example/img/a.jpg)',
    ],
    [
      'data-lazy-src',
      '<img src="/blank.gif" data-lazy-src="img/b.jpg" alt="B">',
      '![B](https://site.example/news/img/b.jpg)',
    ],
    [
      'the largest srcset candidate',
      '<img src="/s.jpg" srcset="/m.jpg 600w, /l.jpg 1200w, /xs.jpg 100w">',
      '![](https://site.example/l.jpg)',
    ],
    ['data-srcset by density', '<img data-srcset="/1x.jpg 1x, /2x.jpg 2x">', '![](https://site.example/2x.jpg)'],
    [
      '<picture> sources',
      '<picture><source srcset="/p-800.webp 800w, /p-1600.webp 1600w"><img></picture>',
      '![](https://site.example/p-1600.webp)',
    ],
    [
      'relative links',
      '<p>See <a href="../other.html">the other story</a>.</p>',
      '[the other story](https://site.example/other.html)',
    ],
    ['protocol-relative links', '<p>See <a href="//cdn.example/x">this</a>.</p>', '[this](https://cdn.example/x)'],
  ])('%s', (_name, content, expected) => {
    expect(extract(pageWith(content)).markdown).toContain(expected);
  });

  test('URLs resolve against <base href>', () => {
    const { markdown } = extract(
      pageWith('<p>A <a href="page">link</a> <img src="pic.jpg"></p>', '<base href="https://static.example/root/">'),
    );
    expect(markdown).toContain('[link](https://static.example/root/page)');
    expect(markdown).toContain('![](https://static.example/root/pic.jpg)');
  });

  test('video iframes become links, other iframes vanish', () => {
    const { markdown } = extract(
      pageWith(
        '<iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe><iframe src="https://ads.example/frame"></iframe>',
      ),
    );
    expect(markdown).toContain('(https://www.youtube.com/watch?v=abcdefghijk)');
    expect(markdown).not.toContain('ads.example');
  });

  test.each([
    ['a.jpg 300w, b.jpg 1024w, c.jpg 600w', 'b.jpg'],
    ['x,w_1.jpg 1x,y,w_2.jpg 2x', 'y,w_2.jpg'],
    ['only.jpg', 'only.jpg'],
    ['', undefined],
  ])('pickLargestSrcset(%j)', (srcset, expected) => {
    expect(pickLargestSrcset(srcset)).toBe(expected);
  });
});

describe('sanitizing', () => {
  const hostile = [
    '<script>alert("x")</script>',
    '<p onclick="steal()">Click <a href="javascript:alert(1)">here</a> or <a href="vbscript:msgbox">there</a> or <a href="data:text/html,hi">data</a>.</p>',
    '<img src="x.jpg" onerror="steal()">',
    '<style>p { color: red }</style><form action="/x"><input name="q"></form><object data="x.swf"></object><embed src="y.swf">',
    '<a href="&#106;avascript:alert(2)">encoded</a>',
  ].join('');

  test('scripts, handlers and dangerous URLs never reach the markdown', () => {
    const { markdown, text } = extract(pageWith(hostile));
    for (const bad of [
      'alert',
      'steal',
      'javascript:',
      'vbscript:',
      'data:',
      'color: red',
      '<script',
      'onclick',
      'onerror',
      '.swf',
    ]) {
      expect(markdown).not.toContain(bad);
    }
    expect(text).toContain('Click here or there or data.');
  });

  test('the same holds for feed content', () => {
    const { markdown } = extractFromFeed(item({ contentHtml: `<p>${PARAGRAPH}</p>${hostile}` }));
    for (const bad of ['alert', 'steal', 'javascript:', '<script', 'onclick']) expect(markdown).not.toContain(bad);
  });
});

describe('markdown shape', () => {
  test('ATX headings, dash bullets, fenced code, GFM tables', () => {
    const { markdown } = extract(
      pageWith(
        '<h2>Section</h2><ul><li>One</li><li>Two</li></ul><pre><code>const x = 1;</code></pre><table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><blockquote><p>Quoted words here.</p></blockquote>',
      ),
    );
    expect(markdown).toContain('## Section');
    expect(markdown).toContain('- One\n- Two');
    expect(markdown).toContain('```\nconst x = 1;\n```');
    expect(markdown).toContain('| A | B |');
    expect(markdown).toContain('> Quoted words here.');
  });

  test('boilerplate around the article is dropped', () => {
    const junk =
      '<div class="share-bar"><a href="/s">Share on X</a></div><div class="newsletter-signup"><p>Sign up for our daily newsletter, it is great and you will love it.</p></div><div class="related-articles"><ul><li><a href="/a">Another story headline here</a></li><li><a href="/b">Yet another story headline</a></li></ul></div>';
    const { markdown } = extract(pageWith(junk));
    expect(markdown).not.toMatch(/Share on X|Sign up|Another story|Footer|Home/);
    expect(markdown).toContain(PARAGRAPH);
  });

  test('tidyMarkdown collapses blank runs, trailing spaces and tab-indented junk lines', () => {
    expect(tidyMarkdown('a  \n\n\n\t\n\t\t\n   \nb\t\n\n\n```\n  code  \n\n\n```\n')).toBe(
      'a\n\nb\n\n```\n  code\n\n\n```',
    );
  });

  test.each([
    ['# Head\n\n**bold** and _em_ [link](https://x.example) ![img](https://x.example/i.png)', 'Head bold and em link'],
    ['- one\n- two\n\n1. three\n\n> quote', 'one two three quote'],
    ['| a | b |\n| --- | --- |\n| 1 | 2 |', 'a b 1 2'],
    ['snake\\_case and 2 \\* 3', 'snake_case and 2 * 3'],
    ['"_The spell brings water._" —_Book of Spells_', '"The spell brings water." —Book of Spells'],
    ['as they wish_ \\- we read_._', 'as they wish - we read.'],
    [
      'a [b](https://x.example/\\(1\\) "T (x) \\"q\\"") c ![i](https://x.example/i.png "t (1)") [![R](p.png)](h) d',
      'a b c d',
    ],
  ])('stripMarkdown(%j)', (markdown, expected) => {
    expect(stripMarkdown(markdown)).toBe(expected);
  });
});

describe('feed fallback', () => {
  test('a page with nothing falls back to the feed content', () => {
    const feedItem = item({
      url: 'https://site.example/a',
      contentHtml: `<p>${PARAGRAPH}</p><p>Second <a href="/b">link</a>.</p>`,
      published: '2024-01-02T03:04:05Z',
      authors: ['Ann'],
    });
    const article = extractArticle({
      html: '<html><body><div id="app"></div></body></html>',
      url: 'https://site.example/a',
      item: feedItem,
      siteRules: {},
    });
    expect(article.method).toBe('feed');
    expect(article.fallbackReason).toBe(
      'generic: no text; json-ld: no text; relaxed: no text; readability: no text; page yielded no text',
    );
    expect(article.title).toBe('Feed title');
    expect(article.published).toBe('2024-01-02T03:04:05.000Z');
    expect(article.byline).toBe('Ann');
    expect(article.markdown).toContain('[link](https://site.example/b)');
  });

  test('the feed wins when it has more text than the page', () => {
    const html = `<html><body><article><p>${PARAGRAPH}</p></article></body></html>`;
    const feedItem = item({ contentHtml: prose(5) });
    expect(extractArticle({ html, url: 'https://site.example/a', item: feedItem, siteRules: {} }).method).toBe('feed');
    expect(
      extractArticle({
        html: pageWith(''),
        url: 'https://site.example/a',
        item: item({ summary: 'Short summary.' }),
        siteRules: {},
      }).method,
    ).toBe('generic');
  });

  test('a rule matching nothing falls back to generic, then records why', () => {
    const article = extractArticle({
      html: pageWith(''),
      url: 'https://site.example/a',
      siteRules: { 'site.example': { content: '.missing', strip: [] } },
    });
    expect(article.method).toBe('generic');
    expect(article.fallbackReason).toBe('site-rule site.example matched no text');
  });

  test('extractFromFeed uses the summary when there is no content, and media for the cover', () => {
    const article = extractFromFeed(
      item({
        url: 'https://site.example/a?utm_source=rss',
        summary: 'Plain <b>summary</b> text.',
        enclosures: [{ url: 'https://cdn.example/e.jpg', type: 'image/jpeg' }],
      }),
      'fetch failed',
    );
    expect(article).toMatchObject({
      method: 'feed',
      fallbackReason: 'fetch failed',
      markdown: 'Plain **summary** text.',
      text: 'Plain summary text.',
      coverImage: 'https://cdn.example/e.jpg',
      canonicalUrl: 'https://site.example/a',
    });
  });
});

describe('site rules', () => {
  test.each(['constructor', '__proto__', 'hasOwnProperty'])(
    'a host named %s finds no rule in an empty table',
    (host) => {
      const result = extract(pageWith(''), `http://${host}/story`);
      expect(result.method).toBe('generic');
      expect(result.fallbackReason).toBeUndefined();
    },
  );
});
