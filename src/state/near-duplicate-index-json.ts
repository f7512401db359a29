// The near-duplicate index of one machine (issue 16): in memory (the dedupe folder's index),
// saved beside state.json in its own file (`<state>.near-duplicates.json`), so the state's
// save never grows with it. Written only when it changed, atomically and spaced like the
// state (run-state.ts's saver); each entry is `[slug, time ms, [key hash, ...]]`, oldest first
// (the memory index's 30-bit hashes of the band keys: the file is read back without hashing). Pruned to the window as articles are stored, so it holds only the last
// `dedupe.windowDays` days. The file is derived data: one that cannot be read is started
// again empty (a near copy of an older article is then written as its own file), never a
// reason to stop a run. It is read at its first use, so a run that stores nothing (and
// `status`) never reads it. Claims live in memory: the run lock makes this process the only writer.

import { basename, dirname, extname, join } from 'node:path';
import { createMemoryNearDuplicateIndex, type MemoryNearDuplicateIndex } from '../dedupe/index.js';
import { readFileIfExists } from '../lib/fs.js';
import type { NearDuplicateStore } from './near-duplicate-store.js';
import { createStateSaver, type StateSaver } from './run-state.js';

const VERSION = 1;

type SavedEntry = [slug: string, atMs: number, hashes: number[]];

/** The index file beside a state file: `data/state.json` → `data/state.near-duplicates.json`. */
export function nearDuplicatesPath(statePath: string): string {
  return join(dirname(statePath), `${basename(statePath, extname(statePath))}.near-duplicates.json`);
}

function isSavedEntry(value: unknown): value is SavedEntry {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[1]) &&
    Array.isArray(value[2]) &&
    value[2].every((hash) => Number.isInteger(hash) && hash >= 0 && hash < 2 ** 30)
  );
}

/** The saved entries of the index file, [] when there is none or it cannot be read. */
async function readEntries(path: string): Promise<SavedEntry[]> {
  try {
    const text = await readFileIfExists(path);
    if (text === undefined) return [];
    const saved = JSON.parse(text) as { version?: unknown; entries?: unknown };
    return saved.version === VERSION && Array.isArray(saved.entries) ? saved.entries.filter(isSavedEntry) : [];
  } catch {
    return [];
  }
}

export type JsonNearDuplicateStore = NearDuplicateStore & StateSaver;

async function loadIndex(path: string): Promise<MemoryNearDuplicateIndex> {
  const index = createMemoryNearDuplicateIndex();
  for (const [slug, atMs, hashes] of await readEntries(path))
    index.restore({ slug, atMs, hashes: Uint32Array.from(hashes) });
  return index;
}

/** The index saved at `path`, read at its first use: a run that stores nothing, or `status`, never reads it. */
export function openJsonNearDuplicateStore(path: string): JsonNearDuplicateStore {
  return createJsonNearDuplicateStore(path, () => loadIndex(path));
}

/** An index saved at `path`, starting from `load` (default: empty, the file not read). */
export function createJsonNearDuplicateStore(
  path: string,
  load: () => Promise<MemoryNearDuplicateIndex> = async () => createMemoryNearDuplicateIndex(),
): JsonNearDuplicateStore {
  let loading: Promise<MemoryNearDuplicateIndex> | undefined;
  let loaded: MemoryNearDuplicateIndex | undefined;
  const ready = async () => {
    loading ??= load().then((index) => (loaded = index));
    return loading;
  };
  let changed = false;
  // Serialized when a write begins (the saver calls toJSON then): a change after it is saved
  // next time. Only a loaded index can have changed.
  const document = {
    toJSON() {
      changed = false;
      const entries = loaded ? [...loaded.entries()] : [];
      return { version: VERSION, entries: entries.map(({ slug, atMs, hashes }) => [slug, atMs, [...hashes]]) };
    },
  };
  const saver = createStateSaver(path, document);
  const claims = new Map<string, string>();
  /** The last write asked for: a flush with nothing new still waits for it. */
  let last: Promise<void> = Promise.resolve();
  const remember = (write: Promise<void>) => {
    last = write.catch(() => undefined);
    return write;
  };
  return {
    async add(slug, keys, at) {
      await (await ready()).add(slug, keys, at);
      changed = true;
    },
    candidates: async (keys, since) => (await ready()).candidates(keys, since),
    async prune(before) {
      const index = await ready();
      const size = index.size();
      await index.prune(before);
      if (index.size() !== size) changed = true;
    },
    async claim(keys, owner) {
      if (keys.some((key) => (claims.get(key) ?? owner) !== owner)) return false;
      for (const key of keys) claims.set(key, owner);
      return true;
    },
    async release(keys, owner) {
      for (const key of keys) if (claims.get(key) === owner) claims.delete(key);
    },
    save: () => (changed ? remember(saver.save()) : last),
    flush: () => (changed ? remember(saver.flush()) : last),
  };
}
