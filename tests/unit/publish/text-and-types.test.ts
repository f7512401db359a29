import { describe, expect, test } from 'vitest';
import { findImageType } from '../../../src/publish/image-type.js';
import { buildItemModel } from '../../../src/publish/build-item-model.js';
import { slugifyCategory } from '../../../src/publish/select-articles.js';
import { makeArticle, SITE } from './helpers/publish-fixture.js';
import { escapeHtml, escapeXmlAttribute, stripInvalidXmlChars } from '../../../src/lib/xml-text.js';

describe('findImageType', () => {
  test.each([
    ['https://a.example/x.jpg', 'image/jpeg'],
    ['https://a.example/x.JPEG?w=1', 'image/jpeg'],
    ['https://a.example/x.png#f', 'image/png'],
    ['https://a.example/x.webp', 'image/webp'],
    ['https://a.example/x.svg', 'image/svg+xml'],
    ['https://images.unsplash.com/photo-1677442136019-21780ecad995?w=400&fmt=.jpg', undefined],
    ['https://a.example/dir.v2/image', undefined],
    ['https://a.example/x.php', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, type) => {
    expect(findImageType(url)).toBe(type);
  });
});

describe('stripInvalidXmlChars', () => {
  test.each([
    ['a\u0000b\u0008c', 'abc'],
    ['tab\tnl\ncr\r', 'tab\tnl\ncr\r'],
    ['x\uFFFEy\uFFFF', 'xy'],
    ['lone \uD800 high, lone \uDC00 low', 'lone  high, lone  low'],
    ['pair \uD83D\uDE00 kept', 'pair \uD83D\uDE00 kept'],
  ])('%j', (input, output) => {
    expect(stripInvalidXmlChars(input)).toBe(output);
  });
});

describe('escaping', () => {
  test('HTML and XML attributes', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(escapeXmlAttribute('https://a.example/?a=1&b="2"<')).toBe('https://a.example/?a=1&amp;b=&quot;2&quot;&lt;');
  });
});

describe('slugifyCategory', () => {
  test.each([
    ['Work', 'work'],
    ['Machine Learning', 'machine-learning'],
    ['  Éthique & IA  ', 'ethique-ia'],
    ['C++/Rust', 'c-rust'],
  ])('%s → %s', (name, slug) => {
    expect(slugifyCategory(name)).toBe(slug);
  });

  test('a name without ASCII letters still gets a stable slug', () => {
    expect(slugifyCategory('日本')).toMatch(/^category-[0-9a-f]{8}$/);
    expect(slugifyCategory('日本')).toBe(slugifyCategory('日本'));
    expect(slugifyCategory('日本')).not.toBe(slugifyCategory('中国'));
  });
});

describe('a feed item summary made from the body (no excerpt)', () => {
  // One excerpt rule (lib/make-excerpt.ts) for the front matter and the feed summary:
  // 150 code points, so an emoji on the cut is kept whole, never half a surrogate pair.
  test('cuts at 150 code points and never splits an emoji', () => {
    const body = `${'a'.repeat(149)}😀 and more text after the cut.\n`;
    const item = buildItemModel(makeArticle({ slug: 'emoji', excerpt: '', body }), Date.UTC(2025, 10, 3), {
      ...SITE,
      maxContentChars: 100_000,
    } as never);
    expect(item.summary).toBe(`${'a'.repeat(149)}😀...`);
    expect(item.summary).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
