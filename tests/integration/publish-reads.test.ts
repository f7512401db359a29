// Memory contract: over an archive larger than maxItems, only the selected articles' bodies
// are read (readArticleFile); the rest is read only up to the end of the front matter.

import { afterEach, describe, expect, test, vi } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import * as store from '../../src/store/article-file.js';
import { makeArticle, makeFixture, type PublishFixture } from '../unit/publish/helpers/publish-fixture.js';

vi.mock('../../src/store/article-file.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/store/article-file.js')>();
  return { ...original, readArticleFile: vi.fn(original.readArticleFile) };
});

let fixture: PublishFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

describe('publish reads bodies of selected items only', () => {
  test('60 files, maxItems 3: bodies read = the union of the feeds shown', async () => {
    const articles = Array.from({ length: 60 }, (_, index) =>
      makeArticle({
        slug: `a-${String(index).padStart(2, '0')}`,
        category: index % 2 === 0 ? 'Business' : 'Research',
        extra: { published: new Date(Date.UTC(2026, 0, 1, index)).toISOString() },
        body: `Body ${index}\n\n${'word '.repeat(2000)}\n`,
      }),
    );
    fixture = await makeFixture({ maxItems: 3 }, articles);
    const read = vi.mocked(store.readArticleFile);
    read.mockClear();
    const report = await publishFeeds(fixture.config, silentLogger);
    expect(report.articles).toBe(61);
    const slugs = read.mock.calls.map(([path]) => path.split(/[\\/]/).pop()).sort();
    // all newer than the hand-written file. site-wide: 59, 58, 57; Business: 58, 56, 54; Research: 59, 57, 55; Machine Learning: none.
    expect(slugs).toEqual(['a-54.md', 'a-55.md', 'a-56.md', 'a-57.md', 'a-58.md', 'a-59.md']);
  });
});
