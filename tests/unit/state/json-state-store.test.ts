// The StateStore contract on its state.json implementation (issue 14), and what only a
// file store must show: what a save writes never holds a claim whose file is not written
// yet (a crash then loses nothing).

import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashIndexKey } from '../../../src/dedupe/index.js';
import {
  createJsonStateStore,
  emptyState,
  loadState,
  nearDuplicatesPath,
  openJsonStateStore,
} from '../../../src/state/index.js';
import { describeStateStoreContract } from '../../helpers/state-store-contract.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('state-store');

async function openStore() {
  const path = join(await tempDir(), 'state.json');
  return { path, store: createJsonStateStore(path, emptyState()) };
}

describeStateStoreContract('state.json', async () => {
  const { path, store } = await openStore();
  return { store, reopen: async () => openJsonStateStore(path) };
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

  test('the near-duplicate index is its own file beside state.json, written only when it changed', async () => {
    const { path, store } = await openStore();
    const side = nearDuplicatesPath(path);
    expect(side).toBe(join(dirname(path), 'state.near-duplicates.json'));
    await store.flush();
    await expect(stat(side)).rejects.toThrow(/ENOENT/);
    await store.nearDuplicates.add('a', ['k1', 'k2'], new Date(Date.UTC(2026, 0, 1)));
    await store.flush();
    expect(JSON.parse(await readFile(side, 'utf8'))).toEqual({
      version: 1,
      entries: [['a', Date.UTC(2026, 0, 1), [hashIndexKey('k1'), hashIndexKey('k2')]]],
    });
    expect(await readFile(path, 'utf8')).not.toContain(String(hashIndexKey('k1')));
    const written = (await stat(side)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.nearDuplicates.prune(new Date(Date.UTC(2025, 0, 1))); // nothing that old
    await store.flush();
    expect((await stat(side)).mtimeMs).toBe(written);
  });

  test('a side file that cannot be read starts an empty index; the run goes on', async () => {
    const { path } = await openStore();
    await writeFile(nearDuplicatesPath(path), '{"version":1,"entries":[["a",1,');
    const store = await openJsonStateStore(path);
    expect(await store.nearDuplicates.candidates(['k1'], new Date(0))).toEqual([]);
    expect(await store.claimItem('i1')).toBe(true);
  });
});
