import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';

const page = (head: string) =>
  `<html><head>${head}</head><body><article><p>${'Enough text for the article body to count. '.repeat(20)}</p></article></body></html>`;

describe('canonical URL', () => {
  test.each([
    [
      'rel=canonical on the same site',
      '<link rel="canonical" href="/2026/01/story?utm_source=x">',
      'https://www.news.example/2026/01/story',
    ],
    [
      'og:url when there is no rel=canonical',
      '<meta property="og:url" content="https://news.example/s/1#top">',
      'https://news.example/s/1',
    ],
    [
      'not the home page (a common mistake)',
      '<link rel="canonical" href="https://www.news.example/">',
      'https://www.news.example/a/b?id=7',
    ],
    [
      'not another site',
      '<link rel="canonical" href="https://other.example/stolen">',
      'https://www.news.example/a/b?id=7',
    ],
    ['not a non-http scheme', '<link rel="canonical" href="javascript:alert(1)">', 'https://www.news.example/a/b?id=7'],
  ])('%s', (_name, head, expected) => {
    const article = extractArticle({
      html: page(head),
      url: 'https://www.news.example/a/b?id=7&utm_medium=rss',
      siteRules: {},
    });
    expect(article.canonicalUrl).toBe(expected);
  });
});
