// "Also reported by" (issue 16): an article's `alsoFrom` closes its item's HTML content,
// escaped as text from a file anyone may edit; without it the item is as before.

import { expect, test } from 'vitest';
import { buildItemModel } from '../../../src/publish/build-item-model.js';
import { renderAlsoFrom } from '../../../src/publish/render-also-from.js';
import { makeArticle, SITE } from './helpers/publish-fixture.js';

const site = { ...SITE, maxItems: 50, maxContentChars: 100_000, maxFeedFileBytes: 10_000_000 };
const TIME = Date.UTC(2025, 10, 3);

test('the sources are linked after the body, in their order', () => {
  const article = makeArticle({
    slug: 'merged',
    alsoFrom: [
      { name: 'Wire B', url: 'https://b.example/news/1' },
      { name: 'C & Co', url: 'https://c.example/story?id=2&ref=x' },
    ],
  });
  const plain = buildItemModel({ ...article, alsoFrom: undefined }, TIME, site);
  expect(buildItemModel(article, TIME, site).contentHtml).toBe(
    `${plain.contentHtml}<p>Also reported by <a href="https://b.example/news/1">Wire B</a>, ` +
      '<a href="https://c.example/story?id=2&amp;ref=x">C &amp; Co</a>.</p>',
  );
});

test('an article without alsoFrom (or with an empty one) has the same item as before', () => {
  const article = makeArticle({ slug: 'alone' });
  const before = buildItemModel(article, TIME, site);
  expect(before.contentHtml).toBe('<p>Body of alone.</p>');
  expect(buildItemModel({ ...article, alsoFrom: [] }, TIME, site)).toEqual(before);
});

test.each([
  [
    'markup in a name is dropped, quotes escaped',
    { name: '<script>alert(1)</script>Evil "Wire" \u0001', url: 'https://e.example/a' },
    '<p>Also reported by <a href="https://e.example/a">alert(1) Evil &quot;Wire&quot;</a>.</p>',
  ],
  [
    'a URL cannot close its attribute',
    { name: 'Quote', url: 'https://e.example/"><script>x</script>' },
    '<p>Also reported by <a href="https://e.example/%22%3E%3Cscript%3Ex%3C/script%3E">Quote</a>.</p>',
  ],
  ['a javascript: URL is left out', { name: 'Bad', url: 'javascript:alert(1)' }, ''],
  ['a relative URL is left out', { name: 'Rel', url: '/news/1' }, ''],
  [
    'an empty name shows the host',
    { name: '  ', url: 'https://www.wire.example/x' },
    '<p>Also reported by <a href="https://www.wire.example/x">wire.example</a>.</p>',
  ],
])('%s', (_case, source, html) => {
  expect(renderAlsoFrom([source])).toBe(html);
});
