import { expect, test } from 'vitest';
import { createMemoryNearDuplicateIndex } from '../../../src/dedupe/index.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

test('candidates are the slugs sharing a key, most shared keys first, then by slug', async () => {
  const index = createMemoryNearDuplicateIndex();
  await index.add('c', ['k1'], day(1));
  await index.add('b', ['k1', 'k2'], day(1));
  await index.add('a', ['k1'], day(1));
  await index.add('z', ['k9'], day(1));
  expect(await index.candidates(['k1', 'k2', 'k3'], day(1))).toEqual(['b', 'a', 'c']);
  expect(await index.candidates([], day(1))).toEqual([]);
});

test('the window: only slugs added at or after `since` are candidates; adding again moves the time', async () => {
  const index = createMemoryNearDuplicateIndex();
  await index.add('old', ['k'], day(1));
  await index.add('edge', ['k'], day(3));
  await index.add('new', ['k'], day(8));
  expect(await index.candidates(['k'], day(3))).toEqual(['edge', 'new']);
  await index.add('old', ['k'], day(9));
  expect(await index.candidates(['k'], day(9))).toEqual(['old']);
});

test('prune drops what was added before the date, and keeps the rest', async () => {
  const index = createMemoryNearDuplicateIndex();
  await index.add('old', ['k1', 'k2'], day(1));
  await index.add('new', ['k2'], day(8));
  await index.prune(day(5));
  expect(index.size()).toBe(1);
  expect(await index.candidates(['k1', 'k2'], day(0))).toEqual(['new']);
});
