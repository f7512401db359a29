// What the near-duplicate index costs the state.json store at N stored articles (issue 16):
// the index is its own file beside state.json, so the state's save is timed alone (the
// index unchanged: not written) and with the index changed (both files written at once),
// with the side file's size, the time to load it (at a run's first check), and the heap the
// loaded index holds. The state holds N seen items and N canonical URLs, as a site of N
// articles has; the index N synthetic articles' keys (time-checks.ts).

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nearDuplicateKeys } from '../../src/dedupe/index.js';
import {
  createJsonStateStore,
  emptyState,
  loadState,
  nearDuplicatesPath,
  openJsonStateStore,
} from '../../src/state/index.js';
import type { LoadedPair } from './pair-set.js';
import { sentencesOf, synthesize } from './time-checks.js';

export interface SaveTiming {
  stored: number;
  stateSaveMs: number;
  bothSaveMs: number;
  indexMb: number;
  /** state.json alone, then state.json and the index (read at the first check). */
  stateLoadMs: number;
  loadMs: number;
  /** Heap held by the loaded state and index (measured only with --expose-gc). */
  heapMb?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function timeSaves(pairs: readonly LoadedPair[], stored: number): Promise<SaveTiming> {
  const dir = await mkdtemp(join(tmpdir(), 'feedwright-eval-dedupe-'));
  try {
    const path = join(dir, 'state.json');
    const state = emptyState();
    const at = new Date();
    for (let number = 0; number < stored; number += 1) {
      const slug = `synthetic-article-number-${number}-with-a-headline-of-usual-length`;
      state.items[`${number.toString(16).padStart(16, '0')}`] = { seenAt: at.toISOString(), slug };
      state.urls[`https://news.example/2026/03/${slug}/`] = slug;
    }
    const store = createJsonStateStore(path, state);
    const sentences = sentencesOf(pairs);
    for (let number = 0; number < stored; number += 1) {
      const slug = `synthetic-article-number-${number}-with-a-headline-of-usual-length`;
      await store.nearDuplicates.add(slug, nearDuplicateKeys(synthesize(sentences, number)), at);
    }
    const stateSaves: number[] = [];
    const bothSaves: number[] = [];
    await store.flush();
    for (let round = 0; round < 3; round += 1) {
      state.items[`extra-${round}`] = { seenAt: at.toISOString() };
      stateSaves.push(await timed(() => store.flush()));
      await store.nearDuplicates.add(`extra-${round}`, ['k'], at);
      bothSaves.push(await timed(() => store.flush()));
    }
    const stateLoadMs = await timed(() => loadState(path));
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let reopened: Awaited<ReturnType<typeof openJsonStateStore>> | undefined;
    // The index file is read at the first check.
    const loadMs = await timed(async () => {
      reopened = await openJsonStateStore(path);
      await reopened.nearDuplicates.candidates(['k'], at);
    });
    gc?.();
    const heapMb = gc && reopened ? (process.memoryUsage().heapUsed - heapBefore) / 1e6 : undefined;
    return {
      stored,
      stateSaveMs: median(stateSaves),
      bothSaveMs: median(bothSaves),
      indexMb: (await stat(nearDuplicatesPath(path))).size / 1e6,
      stateLoadMs,
      loadMs,
      ...(heapMb === undefined ? {} : { heapMb }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
