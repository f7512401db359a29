// The fuzz loop shared by the tests and scripts/fuzz.ts: mutate a seed document, call
// the target, and record anything but a result or a FeedwrightError, and any call slower
// than the hang guard. Bounded in both iterations and wall time.

import { FeedwrightError } from '../../../src/lib/errors.js';
import type { Seed } from './fuzz-corpus.js';
import { mutate, type MutationKind } from './mutate.js';
import { createPrng } from './prng.js';

export interface FuzzOptions {
  seed: number;
  maxIterations: number;
  budgetMs: number;
  /** A single call slower than this is a hang. */
  hangMs: number;
}

export interface FuzzReport {
  iterations: number;
  rejected: number;
  mutations: Record<string, number>;
  failures: string[];
  slowest: { ms: number; name: string; kinds: MutationKind[] };
}

export function runFuzz(
  seeds: readonly { name: string; text: string }[],
  target: (text: string, seed: Seed) => unknown,
  options: FuzzOptions,
): FuzzReport {
  const prng = createPrng(options.seed);
  const report: FuzzReport = {
    iterations: 0,
    rejected: 0,
    mutations: {},
    failures: [],
    slowest: { ms: 0, name: '', kinds: [] },
  };
  const started = performance.now();
  while (report.iterations < options.maxIterations && performance.now() - started < options.budgetMs) {
    const seed = prng.pick(seeds);
    const mutant = mutate(seed.text, prng);
    for (const kind of mutant.kinds) report.mutations[kind] = (report.mutations[kind] ?? 0) + 1;
    const label = `${seed.name} #${report.iterations} [${mutant.kinds.join(', ')}]`;
    const callStarted = performance.now();
    try {
      target(mutant.text, seed);
    } catch (error) {
      if (error instanceof FeedwrightError) report.rejected += 1;
      else
        report.failures.push(`${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
    const ms = performance.now() - callStarted;
    if (ms > report.slowest.ms) report.slowest = { ms, name: label, kinds: mutant.kinds };
    if (ms > options.hangMs) report.failures.push(`${label}: took ${Math.round(ms)} ms`);
    report.iterations += 1;
  }
  return report;
}
