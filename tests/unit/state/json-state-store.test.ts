// The StateStore contract on its state.json implementation (issue 14), and what only a
// file store must show: what a save writes never holds a claim whose file is not written
// yet (a crash then loses nothing).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createJsonStateStore, emptyState, loadState } from '../../../src/state/index.js';
import { describeStateStoreContract } from '../../helpers/state-store-contract.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('state-store');

async function openStore() {
  const path = join(await tempDir(), 'state.json');
  return { path, store: createJsonStateStore(path, emptyState()) };
}

describeStateStoreContract('state.json', async () => {
  const { path, store } = await openStore();
  return { store, reopen: async () => createJsonStateStore(path, await loadState(path)) };
});

describe('state.json', () => {
  test('a save while a file is being written records no URL claim: after a crash the story is stored again', async () => {
    const { path, store } = await openStore();
    expect(await store.claimUrl('https://n.example/a', 'slug-1', 'i1')).toBeUndefined();
    await store.flush(); // another source's save, during this item's write; then the process dies
    const saved = JSON.parse(await readFile(path, 'utf8')) as { urls: Record<string, string> };
    expect(saved.urls).toEqual({});
    const next = createJsonStateStore(path, await loadState(path));
    expect(await next.findUrl('https://n.example/a')).toBeUndefined();
    expect(await next.claimUrl('https://n.example/a', 'slug-1', 'i1')).toBeUndefined();
  });
});
