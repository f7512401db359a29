// The exact check behind a candidate (issue 16): two texts' shingle sets compared in full.
// Jaccard (shared / union) is low for a copy cut short, containment (shared / the smaller
// set) is 1 for it, so the score is containment: how much of the shorter text the longer
// one holds. A text under MIN_SHINGLES shingles (about as many words) is too short to
// tell a copy from a common phrase: it scores 0 and is never merged.

import { shingleText } from './shingle-text.js';

/** Shingles a body needs before it can be merged with another. */
export const MIN_SHINGLES = 25;

/**
 * The merge threshold the test set supports (tests/corpus/near-duplicates, npm run
 * eval:dedupe): the highest that keeps recall at 0.9 or more on half A, since a false
 * merge hides a story and a missed one only shows it twice. Precision is 1.0 there from 0.5
 * up; different stories score at most 0.69 (one site's templated notices), copies mostly
 * 0.8 and more. At 0.8 recall on half A is 0.89 (copies cut short under other furniture).
 */
export const DEFAULT_THRESHOLD = 0.75;

export interface ShingleOverlap {
  shared: number;
  /** shared / union. */
  jaccard: number;
  /** shared / the smaller set. */
  containment: number;
}

/** Shared shingles of two sorted sets, by one merge pass. */
export function compareShingles(a: Uint32Array, b: Uint32Array): ShingleOverlap {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i += 1;
    else if (a[i]! > b[j]!) j += 1;
    else {
      shared += 1;
      i += 1;
      j += 1;
    }
  }
  const smaller = Math.min(a.length, b.length);
  return {
    shared,
    jaccard: shared === 0 ? 0 : shared / (a.length + b.length - shared),
    containment: smaller === 0 ? 0 : shared / smaller,
  };
}

/** The similarity score of two shingle sets, 0 when either is too short to judge. */
export function scoreShingles(a: Uint32Array, b: Uint32Array): number {
  if (a.length < MIN_SHINGLES || b.length < MIN_SHINGLES) return 0;
  return compareShingles(a, b).containment;
}

/** How near a copy of each other two texts are, 0 to 1. */
export function similarity(textA: string, textB: string): number {
  return scoreShingles(shingleText(textA), shingleText(textB));
}

/** A score merges at `threshold` or above; a score of 0 (nothing shared, or too short) never does. */
export function meetsThreshold(score: number, threshold: number): boolean {
  return score > 0 && score >= threshold;
}

export function isNearDuplicate(textA: string, textB: string, threshold = DEFAULT_THRESHOLD): boolean {
  return meetsThreshold(similarity(textA, textB), threshold);
}
