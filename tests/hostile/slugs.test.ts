// Slugs from hostile titles: never `..`, a separator, NUL, a reserved device name or an
// over-long name (property test, fixed seed); files written from them stay in the
// articles folder and never collide, even for stories that share a title or have no URL.

import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import type { ClassifiedArticle } from '../../src/types.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import { makeSlug, MAX_SLUG_LENGTH } from '../../src/store/make-slug.js';
import { emptyState } from '../../src/state/run-state.js';
import { storeArticle } from '../../src/store/store-article.js';
import { makeTempDir } from './helpers/hostile-config.js';
import { storeOver } from '../helpers/state-store-over.js';

const SEED = 4_242;
const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const HOSTILE_TITLES = [
  '..',
  '../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share',
  'a\u0000b',
  '\u0000',
  'CON',
  'nul',
  'Com1',
  'LPT9',
  'aux.md',
  '.hidden',
  '...',
  '---',
  '',
  '   ',
  '\u202e\u2066evil',
  '%2e%2e%2f',
  '😀😀😀',
  'Ωμέγα',
  '日本語のタイトル',
  'x'.repeat(5_000),
  `${'word '.repeat(100)}`,
  'a/b\\c:d*e?f"g<h>i|j',
  '\ud800\udfff\ud800',
  'title\nwith\nnewlines',
  '  leading and trailing  ',
];

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

function article(title: string, source: string): ClassifiedArticle {
  return {
    title,
    date: '2026-01-01',
    excerpt: 'x',
    coverImage: '',
    author: 'A',
    tags: [],
    category: 'Work',
    source,
    extra: {},
    body: 'Body.\n',
  };
}

function checkSlug(slug: string): void {
  expect(slug).toMatch(SAFE_SLUG);
  expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  expect(slug).not.toMatch(RESERVED);
}

describe('slugs from hostile titles', () => {
  test.each(HOSTILE_TITLES.map((title) => [JSON.stringify(title).slice(0, 40), title]))('%s', (_label, title) => {
    checkSlug(makeSlug(title));
  });

  test('any string gives a safe slug (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (title) => checkSlug(makeSlug(title))),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  test('stored files stay in the folder and never collide', async () => {
    const root = await makeTempDir('slugs');
    dirs.push(root);
    const dir = join(root, 'data', 'articles');
    await mkdir(dir, { recursive: true });
    const state = emptyState();
    const stories = HOSTILE_TITLES.flatMap((title, index) => [
      { title, source: `https://a.example/${index}`, id: `a${index}` },
      { title, source: `https://b.example/${index}`, id: `b${index}` },
      { title, source: '', id: `c${index}` },
      { title, source: '', id: `d${index}` },
    ]);
    const outcomes = await Promise.all(
      stories.map((story) => storeArticle(dir, storeOver(state), article(story.title, story.source), story.id)),
    );
    expect(outcomes.every((outcome) => outcome.written)).toBe(true);
    expect(await readdir(root)).toEqual(['data']);
    const files = await listArticleFiles(dir);
    expect(files).toHaveLength(stories.length);
    const written = await Promise.all(files.map(async (file) => (await readArticleFile(file)).source));
    expect(written.filter((source) => source === '')).toHaveLength(HOSTILE_TITLES.length * 2);
    for (const outcome of outcomes) checkSlug(outcome.slug);
  });
});
