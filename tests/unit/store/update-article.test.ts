// Rewriting a stored article for an edit at the source (issue 16): only its title, body,
// excerpt and a new `updated` change; the same page changes nothing; an editor's file and a
// deleted file are left alone and recorded; two updates of one item never interleave.

import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyState, fingerprintItem, type RunState } from '../../../src/state/index.js';
import { readArticleFile, serializeArticle } from '../../../src/store/article-file.js';
import { storeArticle } from '../../../src/store/store-article.js';
import { findUpdateObstacle, updateArticle, type ArticleUpdate } from '../../../src/store/update-article.js';
import type { ClassifiedArticle, FeedItem } from '../../../src/types.js';
import { storeOver } from '../../helpers/state-store-over.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('update');
const SOURCE = 'https://a.example/feed';
const AT = new Date('2026-01-06T12:00:00.000Z');

const entry = (title: string): FeedItem => ({
  id: 'item-1',
  title,
  categories: [],
  authors: [],
  media: [],
  enclosures: [],
});

function article(title: string, body: string, excerpt = body.trim()): ClassifiedArticle {
  return {
    title,
    date: '2026-01-05',
    excerpt,
    coverImage: 'https://img.example/a.jpg',
    author: 'AIVibe',
    tags: ['Work'],
    category: 'Work',
    source: 'https://a.example/story',
    extra: { published: '2026-01-05T10:00:00.000Z', sourceName: 'A', id: 'item-1', extraction: 'generic' },
    body,
  };
}

/** One article stored from its first entry; the update describing its second. */
async function storedArticle(): Promise<{ dir: string; state: RunState; update: ArticleUpdate; path: string }> {
  const dir = await tempDir();
  const state = emptyState();
  const first = await storeArticle(dir, storeOver(state), article('Title', 'Body one.\n'), 'item-1', {
    fingerprint: fingerprintItem(entry('Title')),
  });
  expect(first.written).toBe(true);
  const seen = state.items['item-1']!;
  const update: ArticleUpdate = {
    itemId: 'item-1',
    slug: seen.slug!,
    fileHash: seen.fileHash!,
    fingerprint: fingerprintItem(entry('Title, corrected')),
    source: SOURCE,
    at: AT,
  };
  return { dir, state, update, path: join(dir, `${seen.slug}.md`) };
}

describe('updateArticle', () => {
  test('rewrites title, body and excerpt in place with `updated`; every other field as it was', async () => {
    const { dir, state, update, path } = await storedArticle();
    const before = await readArticleFile(path);
    const outcome = await updateArticle(dir, storeOver(state), update, {
      ...article('Title, corrected', 'Body two.\n'),
      tags: ['Other'],
      category: 'Other',
    });
    expect(outcome).toEqual({ kind: 'rewritten', slug: update.slug, path });
    const after = await readArticleFile(path);
    expect(after).toEqual({
      ...before,
      title: 'Title, corrected',
      excerpt: 'Body two.',
      body: 'Body two.\n',
      extra: { ...before.extra, updated: AT.toISOString() },
    });
    const text = await readFile(path, 'utf8');
    expect(text).toBe(serializeArticle(after));
    expect(state.items['item-1']).toMatchObject({ fingerprint: update.fingerprint, storedAt: AT.toISOString() });
    expect(state.items['item-1']!.fileHash).not.toBe(update.fileHash);
  });

  test.each([
    [
      'its own, when after the publication and not ahead of now',
      '2026-01-06T08:00:00.000Z',
      '2026-01-06T08:00:00.000Z',
    ],
    ['now, when the entry says it was updated before it was published', '2026-01-04T00:00:00.000Z', AT.toISOString()],
    ['now, when the entry says a time still to come', '2027-01-01T00:00:00.000Z', AT.toISOString()],
    ['now, when the entry gives none', undefined, AT.toISOString()],
  ])('`updated` is the entry’s date: %s', async (_name, entryUpdated, expected) => {
    const { dir, state, update, path } = await storedArticle();
    await updateArticle(dir, storeOver(state), { ...update, entryUpdated }, article('Title', 'Body two.\n'));
    expect((await readArticleFile(path)).extra.updated).toBe(expected);
  });

  test('the same title and body write nothing; the new entry is recorded', async () => {
    const { dir, state, update, path } = await storedArticle();
    const text = await readFile(path, 'utf8');
    const mtime = (await stat(path)).mtimeMs;
    const outcome = await updateArticle(dir, storeOver(state), update, article('Title', 'Body one.\n'));
    expect(outcome.kind).toBe('unchanged');
    expect(await readFile(path, 'utf8')).toBe(text);
    expect((await stat(path)).mtimeMs).toBe(mtime);
    expect(state.items['item-1']!.fingerprint).toEqual(update.fingerprint);
  });

  test('a file edited by hand is never overwritten: the conflict is recorded', async () => {
    const { dir, state, update, path } = await storedArticle();
    const edited = `${await readFile(path, 'utf8')}\nAn editor's line.\n`;
    await writeFile(path, edited);
    expect(await findUpdateObstacle(dir, storeOver(state), update)).toEqual({ kind: 'conflict', slug: update.slug });
    const outcome = await updateArticle(dir, storeOver(state), update, article('Title, corrected', 'Body two.\n'));
    expect(outcome.kind).toBe('conflict');
    expect(await readFile(path, 'utf8')).toBe(edited);
    expect(state.items['item-1']!.conflict).toEqual({ at: AT.toISOString(), source: SOURCE });
    expect(await storeOver(state).findConflicts()).toEqual([
      { itemId: 'item-1', slug: update.slug, conflict: { at: AT.toISOString(), source: SOURCE } },
    ]);
  });

  test('a deleted file stays deleted', async () => {
    const { dir, state, update, path } = await storedArticle();
    await unlink(path);
    expect(await findUpdateObstacle(dir, storeOver(state), update)).toEqual({ kind: 'gone', slug: update.slug });
    expect((await updateArticle(dir, storeOver(state), update, article('T', 'B.\n'))).kind).toBe('gone');
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(state.items['item-1']!.conflict).toBeUndefined();
  });

  test('an update of the article while another is being written is refused, not interleaved', async () => {
    const { dir, state, update } = await storedArticle();
    const store = storeOver(state);
    expect(await store.reserveSlug(update.slug, 'item-1:update:other-version')).toBe(true);
    await expect(updateArticle(dir, store, update, article('T', 'B.\n'))).rejects.toThrow(
      /another update of this article is being written/,
    );
  });
});
