// A small seeded PRNG (the bench's mulberry32) so every hostile test is reproducible: the
// same seed gives the same mutations, kill points and inputs on every machine.

import { createRandom } from '../../../bench/seeded-random.js';

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createPrng(seed: number): Prng {
  const next = createRandom(seed);
  const int = (max: number): number => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)] };
}
