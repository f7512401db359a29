// The state saver spaces its writes during a run (one serialization of the whole state per
// interval, not one per source) and writes at once on flush, always the newest state.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createStateSaver, emptyState, loadState } from '../../../src/state/run-state.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function statePath(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'feedwright-saver-'));
  dirs.push(dir);
  return join(dir, 'state.json');
}

test('the first save writes at once; later ones within the interval wait and share one write', async () => {
  const path = await statePath();
  const state = emptyState();
  const saver = createStateSaver(path, state, 60_000);
  state.items.a = { seenAt: '2026-01-01T00:00:00.000Z' };
  await saver.save();
  expect(Object.keys((await loadState(path)).items)).toEqual(['a']);

  state.items.b = { seenAt: '2026-01-01T00:00:00.000Z' };
  const saves = [saver.save(), saver.save(), saver.save()];
  expect(new Set(saves).size).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(Object.keys((await loadState(path)).items)).toEqual(['a']);

  state.items.c = { seenAt: '2026-01-01T00:00:00.000Z' };
  const started = performance.now();
  await Promise.all([saver.flush(), ...saves]);
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(Object.keys((await loadState(path)).items)).toEqual(['a', 'b', 'c']);
});

test('every save resolves after a write holding the state as it was at the call', async () => {
  const path = await statePath();
  const state = emptyState();
  const saver = createStateSaver(path, state, 0);
  for (let round = 0; round < 5; round += 1) {
    const pending = saver.save();
    state.items[`item-${round}`] = { seenAt: '2026-01-01T00:00:00.000Z' };
    await Promise.all([pending, saver.save()]);
    expect(JSON.parse(await readFile(path, 'utf8')).items[`item-${round}`]).toBeDefined();
  }
});

test('a failed write rejects the saves waiting on it and later saves still write', async () => {
  const path = await statePath();
  const state = emptyState();
  await createStateSaver(path, state, 0).flush();
  const broken = createStateSaver(join(path, 'state.json'), state, 0);
  await expect(broken.flush()).rejects.toThrow();
  const saver = createStateSaver(path, state, 0);
  await saver.flush();
  expect((await loadState(path)).version).toBe(2);
});
