// The StateStore contract on its state.json implementation (issue 14): claims are taken
// once and given back, validators are kept only from a feed that parsed, and what a save
// writes never holds a claim whose file is not written yet (a crash then loses nothing).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createJsonStateStore, emptyState, loadState } from '../../../src/state/index.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('state-store');
const SETTINGS = { minIntervalMinutes: 0, maxBackoffMinutes: 1440 };
const URL_A = 'https://a.example/feed.xml';
const AT = new Date('2026-01-01T00:00:00Z');

async function openStore() {
  const path = join(await tempDir(), 'state.json');
  return { path, store: createJsonStateStore(path, emptyState()) };
}

describe('claims', () => {
  test('an item, a slug and a URL are each claimed once until given back', async () => {
    const { store } = await openStore();
    expect(store.claimItem('i1')).toBe(true);
    expect(store.claimItem('i1')).toBe(false);
    store.releaseItem('i1');
    expect(store.claimItem('i1')).toBe(true);
    expect(store.reserveSlug('s')).toBe(true);
    expect(store.reserveSlug('s')).toBe(false);
    store.releaseSlug('s');
    expect(store.reserveSlug('s')).toBe(true);
    expect(store.claimUrl('https://n.example/a', 'a')).toBeUndefined();
    expect(store.claimUrl('https://n.example/a', 'b')).toBe('a');
    expect(store.findUrl('https://n.example/a')).toBe('a');
    store.releaseUrl('https://n.example/a');
    expect(store.claimUrl('https://n.example/a', 'b')).toBeUndefined();
  });

  test('a stored item is not claimed again, in this run or the next', async () => {
    const { path, store } = await openStore();
    expect(store.claimItem('i1')).toBe(true);
    store.recordStored('i1', 'slug-1', 'https://n.example/a');
    store.releaseItem('i1');
    expect(store.claimItem('i1')).toBe(false);
    await store.flush();
    const next = createJsonStateStore(path, await loadState(path));
    expect(next.claimItem('i1')).toBe(false);
    expect(next.findItem('i1')?.slug).toBe('slug-1');
    expect(next.findUrl('https://n.example/a')).toBe('slug-1');
  });

  test('a save while a file is being written records no URL claim: after a crash the story is stored again', async () => {
    const { path, store } = await openStore();
    expect(store.claimUrl('https://n.example/a', 'slug-1')).toBeUndefined();
    await store.flush(); // another source's save, during this item's write; then the process dies
    const saved = JSON.parse(await readFile(path, 'utf8')) as { urls: Record<string, string> };
    expect(saved.urls).toEqual({});
    const next = createJsonStateStore(path, await loadState(path));
    expect(next.findUrl('https://n.example/a')).toBeUndefined();
    expect(next.claimUrl('https://n.example/a', 'slug-1')).toBeUndefined();
  });
});

describe('fetch outcomes', () => {
  test('validators come only from a feed that parsed; a failure keeps the last good ones and counts', async () => {
    const { store } = await openStore();
    const parsed = {
      at: AT,
      status: 200,
      etag: '"v1"',
      lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT',
      itemCount: 3,
      newItems: 3,
      itemsLeft: false,
    };
    store.recordSuccess(URL_A, parsed, SETTINGS);
    expect(store.findSource(URL_A)).toMatchObject({ etag: '"v1"', failures: 0, lastOutcome: 'ok' });
    for (const failures of [1, 2, 3]) {
      store.recordFailure(URL_A, { at: AT, code: 'PARSE', message: 'not a feed' }, SETTINGS);
      expect(store.findSource(URL_A)).toMatchObject({
        etag: '"v1"',
        failures,
        lastOutcome: 'error',
        lastErrorCode: 'PARSE',
      });
    }
    store.recordSuccess(URL_A, { ...parsed, etag: '"v2"', itemsLeft: true }, SETTINGS);
    // Items left for the next run: no validator, so a 304 cannot hide them.
    expect(store.findSource(URL_A)).toMatchObject({ etag: undefined, lastModified: undefined, failures: 0 });
  });
});
