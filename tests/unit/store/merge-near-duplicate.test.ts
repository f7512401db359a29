// The store's near-duplicate merge (issue 16) over the state.json store: a near copy from
// another source becomes the first article's `alsoFrom`, with nothing else in its file
// changed; what must stay two articles stays two.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyState } from '../../../src/state/run-state.js';
import type { NearDuplicateSettings } from '../../../src/store/index.js';
import { storeArticle } from '../../../src/store/store-article.js';
import { updateArticle } from '../../../src/store/update-article.js';
import type { ClassifiedArticle } from '../../../src/types.js';
import { articleText, firstPart } from '../dedupe/corpus-texts.js';
import { storeOver } from '../../helpers/state-store-over.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('merge');

const STORY = articleText('most-detailed-universe-simulation');
/** The same story as another site runs it: its own headline and furniture, the end cut. */
const COPY = `Space | Science\nAstronomers build the biggest cosmos yet\n${firstPart(STORY, 0.85)}\nShare this article`;
const NOW = new Date('2026-03-10T12:00:00Z');
const SETTINGS: NearDuplicateSettings = { threshold: 0.75, windowDays: 7, now: NOW };

function article(title: string, sourceName: string, source: string, body: string): ClassifiedArticle {
  return {
    title,
    date: '2026-03-10',
    excerpt: body.slice(0, 20),
    coverImage: 'https://img.example/a.jpg',
    author: 'AIVibe',
    tags: ['Science'],
    category: 'Science',
    source,
    extra: { sourceName, id: `id-${title}` },
    body: `${body}\n`,
  };
}

const first = article('The most detailed universe simulation', 'Wire A', 'https://a.example/sim', STORY);
const copy = article('Biggest cosmos simulation yet', 'Wire B', 'https://b.example/news/1', COPY);

describe('near-duplicates at the store', () => {
  test('a near copy from another source is one file: the source added in alsoFrom, nothing else changed', async () => {
    const dir = await tempDir();
    const state = emptyState();
    const store = storeOver(state);
    const stored = await storeArticle(dir, store, first, 'a1', { nearDuplicates: SETTINGS });
    expect(stored.written).toBe(true);
    const before = await readFile(join(dir, `${stored.slug}.md`), 'utf8');

    const merged = await storeArticle(dir, store, copy, 'b1', { nearDuplicates: SETTINGS });
    expect(merged).toEqual({ written: false, slug: stored.slug, reason: 'near-duplicate' });
    expect(await readdir(dir)).toEqual([`${stored.slug}.md`]);
    const after = await readFile(join(dir, `${stored.slug}.md`), 'utf8');
    const note = "alsoFrom:\n  - name: Wire B\n    url: 'https://b.example/news/1'\n";
    expect(after).toBe(before.replace(/\n---\n/, `\n${note}---\n`));
    expect(state.items.b1?.slug).toBe(stored.slug);
    expect(state.urls['https://b.example/news/1']).toBe(stored.slug);

    const third = article('Cosmos in a computer', 'Wire C', 'https://c.example/3', `${COPY}\nMore at Wire C.`);
    expect(await storeArticle(dir, store, third, 'c1', { nearDuplicates: SETTINGS })).toMatchObject({
      reason: 'near-duplicate',
    });
    const listed = await readFile(join(dir, `${stored.slug}.md`), 'utf8');
    expect(listed).toContain(`${note}  - name: Wire C\n    url: 'https://c.example/3'\n---\n`);
  });

  test('two near copies stored at the same moment are one file (the band keys are claimed)', async () => {
    const dir = await tempDir();
    const state = emptyState();
    const outcomes = await Promise.all([
      storeArticle(dir, storeOver(state), first, 'a1', { nearDuplicates: SETTINGS }),
      storeArticle(dir, storeOver(state), copy, 'b1', { nearDuplicates: SETTINGS }),
    ]);
    expect(outcomes.map((outcome) => outcome.written).sort()).toEqual([false, true]);
    expect(await readdir(dir)).toHaveLength(1);
    expect(state.items.a1?.slug).toBe(state.items.b1?.slug);
  });

  test.each([
    ['from the same source', { ...copy, extra: { sourceName: 'Wire A' } }, SETTINGS],
    ['older than windowDays', copy, { ...SETTINGS, now: new Date(NOW.getTime() + 8 * 86_400_000) }],
    [
      'a different story',
      article('Duvet lung', 'Wire B', 'https://b.example/2', articleText('feather-duvet-lung')),
      SETTINGS,
    ],
    ['with the check off', copy, undefined],
  ])('a near copy %s is its own file', async (_case, later, settings) => {
    const dir = await tempDir();
    const store = storeOver(emptyState());
    await storeArticle(dir, store, first, 'a1', { nearDuplicates: SETTINGS });
    expect(await storeArticle(dir, store, later, 'b1', { nearDuplicates: settings })).toMatchObject({ written: true });
    expect(await readdir(dir)).toHaveLength(2);
    for (const file of await readdir(dir)) expect(await readFile(join(dir, file), 'utf8')).not.toContain('alsoFrom');
  });

  test('a first file edited by hand is left as the editor wrote it; the copy is still not a second file', async () => {
    const dir = await tempDir();
    const store = storeOver(emptyState());
    const stored = await storeArticle(dir, store, first, 'a1', { nearDuplicates: SETTINGS });
    const path = join(dir, `${stored.slug}.md`);
    const edited = (await readFile(path, 'utf8')).replace('---\n', '---\n# checked by the desk\n');
    await writeFile(path, edited);
    expect(await storeArticle(dir, store, copy, 'b1', { nearDuplicates: SETTINGS })).toMatchObject({
      reason: 'near-duplicate',
    });
    expect(await readFile(path, 'utf8')).toBe(edited);
    expect(await readdir(dir)).toHaveLength(1);
  });

  test('a written article is indexed under its keys at the run time; one without a URL is indexed, never merged', async () => {
    const dir = await tempDir();
    const store = storeOver(emptyState());
    const stored = await storeArticle(dir, store, first, 'a1', { nearDuplicates: SETTINGS });
    const noUrl = await storeArticle(dir, store, { ...copy, source: '' }, 'b1', { nearDuplicates: SETTINGS });
    expect(noUrl.written).toBe(true);
    const { nearDuplicateKeys } = await import('../../../src/dedupe/index.js');
    const keys = nearDuplicateKeys(STORY);
    expect(await store.nearDuplicates.candidates(keys, NOW)).toContain(stored.slug);
    expect(await store.nearDuplicates.candidates(keys, new Date(NOW.getTime() + 1))).toEqual([]);
  });
});

describe('near-duplicates and edits at the source', () => {
  test('a merged file is still as feedwright wrote it: an update rewrites it and keeps alsoFrom', async () => {
    const dir = await tempDir();
    const state = emptyState();
    const store = storeOver(state);
    const fingerprint = { title: 't1', content: 'c1' };
    const stored = await storeArticle(dir, store, first, 'a1', { fingerprint, nearDuplicates: SETTINGS });
    expect(stored.written).toBe(true);
    expect(await storeArticle(dir, store, copy, 'b1', { nearDuplicates: SETTINGS })).toMatchObject({
      reason: 'near-duplicate',
    });
    const seen = state.items.a1!;
    const update = {
      itemId: 'a1',
      slug: stored.slug,
      fileHash: seen.fileHash!,
      fingerprint: { title: 't2', content: 'c2' },
      source: 'https://a.example/feed',
      at: NOW,
    };
    const outcome = await updateArticle(dir, store, update, { ...first, title: 'The universe simulation, corrected' });
    expect(outcome).toMatchObject({ kind: 'rewritten', slug: stored.slug });
    const text = await readFile(join(dir, `${stored.slug}.md`), 'utf8');
    expect(text).toMatch(/^title: 'The universe simulation, corrected'$/m);
    expect(text).toMatch(/^alsoFrom:\n {2}- name: Wire B\n {4}url: 'https:\/\/b\.example\/news\/1'$/m);
    expect(state.items.a1?.conflict).toBeUndefined();
  });
});
