// The `alsoFrom` front-matter field (issue 16): written last, read back the same, read
// leniently, and checked by `validate`.

import { describe, expect, test } from 'vitest';
import { findAlsoFromProblems, readAlsoFrom } from '../../../src/store/also-from.js';
import { parseArticle, serializeArticle } from '../../../src/store/article-file.js';
import type { Article } from '../../../src/types.js';

const article: Article = {
  slug: 'merged',
  title: 'Merged story',
  date: '2026-03-10',
  excerpt: 'An excerpt.',
  coverImage: 'https://img.example/a.jpg',
  author: 'AIVibe',
  tags: ['Science'],
  category: 'Science',
  source: 'https://a.example/sim',
  extra: { sourceName: 'Wire A', id: 'abc' },
  alsoFrom: [
    { name: 'Wire B', url: 'https://b.example/news/1' },
    { name: 'Wire: "C"', url: 'https://c.example/3?x=1&y=2' },
  ],
  body: 'Body.\n',
};

describe('alsoFrom in the article file', () => {
  test('written after every other field, and read back to the same bytes', () => {
    const text = serializeArticle(article);
    expect(text).toMatch(/\nid: abc\nalsoFrom:\n {2}- name: Wire B\n/);
    expect(parseArticle(text, 'merged')).toEqual(article);
    expect(serializeArticle(parseArticle(text, 'merged'))).toBe(text);
  });

  test('an article without it is written as before', () => {
    const { alsoFrom: _none, ...plain } = article;
    expect(serializeArticle({ ...plain, alsoFrom: [] })).toBe(serializeArticle(plain));
    expect(serializeArticle(plain)).not.toContain('alsoFrom');
  });

  test.each([
    [undefined, {}],
    ['Wire B', {}],
    [
      [{ name: 'B' }, 'x', { name: 'C', url: 'https://c.example/' }],
      { alsoFrom: [{ name: 'C', url: 'https://c.example/' }] },
    ],
  ])('read leniently: %j', (value, read) => {
    expect(readAlsoFrom(value)).toEqual(read);
  });
});

describe('findAlsoFromProblems', () => {
  const head = (yaml: string) => `---\ntitle: T\n${yaml}---\n`;
  test.each([
    ['', []],
    ['alsoFrom:\n  - name: B\n    url: https://b.example/1\n', []],
    ['alsoFrom: Wire B\n', ['alsoFrom is not a list of { name, url }']],
    [
      'alsoFrom:\n  - name: B\n    url: /relative\n  - url: https://c.example/\n  - plain\n  - name: D\n    url: ftp://d.example/\n',
      [
        'alsoFrom[0] url is not an absolute http(s) URL',
        'alsoFrom[1] has no name',
        'alsoFrom[2] is not a { name, url } pair',
        'alsoFrom[3] url is not an absolute http(s) URL',
      ],
    ],
  ])('%j', (yaml, problems) => {
    expect(findAlsoFromProblems(head(yaml))).toEqual(problems);
  });
});
