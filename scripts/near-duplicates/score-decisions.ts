// The merge decision on each pair of the test set, as the pipeline will make it: the second
// text indexed under its band keys, the first looked up (an LSH candidate or not), then
// scored exactly. A pair merges at threshold t when it is a candidate and scores t or more.

import { compareShingles, nearDuplicateKeys, shingleText, similarity } from '../../src/dedupe/index.js';
import type { LoadedPair } from './pair-set.js';

export interface PairOutcome {
  pair: LoadedPair;
  candidate: boolean;
  score: number;
  jaccard: number;
}

export interface DecisionScore {
  pairs: number;
  merged: number;
  truePositives: number;
  falseMerges: number;
  sameSiteMerges: number;
  precision: number;
  recall: number;
}

export function scorePairs(pairs: readonly LoadedPair[]): PairOutcome[] {
  return pairs.map((pair) => {
    const keys = new Set(nearDuplicateKeys(pair.textB));
    return {
      pair,
      candidate: nearDuplicateKeys(pair.textA).some((key) => keys.has(key)),
      score: similarity(pair.textA, pair.textB),
      jaccard: compareShingles(shingleText(pair.textA), shingleText(pair.textB)).jaccard,
    };
  });
}

/** The score a decision reads: containment (the detector's similarity) or, to compare, Jaccard. */
export type Measure = 'score' | 'jaccard';

export const isMerged = (outcome: PairOutcome, threshold: number, measure: Measure = 'score') =>
  outcome.candidate && outcome.score > 0 && outcome[measure] >= threshold;

export function scoreDecisions(outcomes: readonly PairOutcome[], threshold: number, measure?: Measure): DecisionScore {
  const merged = outcomes.filter((outcome) => isMerged(outcome, threshold, measure));
  const truePositives = merged.filter((outcome) => outcome.pair.merge).length;
  const positives = outcomes.filter((outcome) => outcome.pair.merge).length;
  return {
    pairs: outcomes.length,
    merged: merged.length,
    truePositives,
    falseMerges: merged.length - truePositives,
    sameSiteMerges: merged.filter((outcome) => !outcome.pair.merge && outcome.pair.sameSite).length,
    precision: merged.length === 0 ? 1 : truePositives / merged.length,
    recall: positives === 0 ? 1 : truePositives / positives,
  };
}
