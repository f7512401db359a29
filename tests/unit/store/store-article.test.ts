import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ClassifiedArticle } from '../../../src/types.js';
import { readArticleFile } from '../../../src/store/article-file.js';
import { emptyState, loadState, createStateSaver } from '../../../src/state/run-state.js';
import { storeArticle } from '../../../src/store/store-article.js';
import { tempDirs } from '../../helpers/temp-dirs.js';
import { storeOver } from '../../helpers/state-store-over.js';

const tempDir = tempDirs('store');

function article(title: string, source: string): ClassifiedArticle {
  return {
    title,
    date: '2026-01-01',
    excerpt: 'x',
    coverImage: 'https://img.example/a.jpg',
    author: 'AIVibe',
    tags: ['Work'],
    category: 'Work',
    source,
    extra: {},
    body: 'Body.\n',
  };
}

describe('storeArticle', () => {
  test('writes <slug>.md and records the item and the URL', async () => {
    const dir = await tempDir();
    const state = emptyState();
    const outcome = await storeArticle(dir, storeOver(state), article('Hello World', 'https://a.example/1'), 'id1');
    expect(outcome).toMatchObject({ written: true, slug: 'hello-world' });
    expect(state.items.id1.slug).toBe('hello-world');
    expect(state.urls['https://a.example/1']).toBe('hello-world');
    expect((await readArticleFile(join(dir, 'hello-world.md'))).source).toBe('https://a.example/1');
  });

  test('the same story from two sources (same canonical URL) is one file', async () => {
    const dir = await tempDir();
    const state = emptyState();
    const [first, second] = await Promise.all([
      storeArticle(dir, storeOver(state), article('Same story', 'https://a.example/s'), 'from-a'),
      storeArticle(dir, storeOver(state), article('Same story, other title', 'https://a.example/s'), 'from-b'),
    ]);
    expect([first.written, second.written].sort()).toEqual([false, true]);
    expect(await readdir(dir)).toHaveLength(1);
    expect(state.items['from-a'].slug).toBe(state.items['from-b'].slug);
  });

  test('two different stories with the same title get different, stable slugs', async () => {
    const dir = await tempDir();
    const state = emptyState();
    const results = await Promise.all([
      storeArticle(dir, storeOver(state), article('Weekly roundup', 'https://a.example/w1'), 'w1'),
      storeArticle(dir, storeOver(state), article('Weekly roundup', 'https://a.example/w2'), 'w2'),
    ]);
    const slugs = results.map((result) => result.slug);
    expect(new Set(slugs).size).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(slugs.map((slug) => `${slug}.md`).sort());
  });

  test('a file left by a crash before the state was saved is reused, not doubled', async () => {
    const dir = await tempDir();
    const crashed = emptyState();
    await storeArticle(dir, storeOver(crashed), article('Crash test', 'https://a.example/c'), 'c');
    const fresh = emptyState();
    const again = await storeArticle(dir, storeOver(fresh), article('Crash test', 'https://a.example/c'), 'c');
    expect(again).toMatchObject({ written: true, slug: 'crash-test' });
    expect(await readdir(dir)).toEqual(['crash-test.md']);
  });

  test('state survives a save and load; a deleted file stays recorded as seen', async () => {
    const dir = await tempDir();
    const statePath = join(dir, 'state.json');
    const state = emptyState();
    await storeArticle(dir, storeOver(state), article('Keep me', 'https://a.example/k'), 'k');
    await createStateSaver(statePath, state).save();
    await unlink(join(dir, 'keep-me.md'));
    const loaded = await loadState(statePath);
    expect(loaded.items.k.slug).toBe('keep-me');
  });

  test('a corrupt state file is a clear error, not an empty state', async () => {
    const dir = await tempDir();
    const statePath = join(dir, 'state.json');
    await (await import('node:fs/promises')).writeFile(statePath, '{"items": ');
    await expect(loadState(statePath)).rejects.toThrow(/state\.json: state is not valid JSON/);
  });
});
