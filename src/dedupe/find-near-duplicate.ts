// One near-duplicate check (issue 16): the new text's band keys looked up in the index, then
// each candidate's stored text verified exactly (similarity.ts): of those at or over the threshold, the
// best score wins (the first MAX_CANDIDATES candidates, most shared keys first, are read).
// The keys are returned too, so the caller indexes a new article without hashing it twice.

import type { NearDuplicateIndex } from './near-duplicate-index.js';
import { keysOfShingles } from './near-duplicate-keys.js';
import { shingleText } from './shingle-text.js';
import { meetsThreshold, scoreShingles } from './similarity.js';

export interface FindNearDuplicateOptions {
  threshold: number;
  /** Only articles indexed at or after this time count (the window). */
  since: Date;
  /** The stored body of a candidate; undefined when it is gone (the candidate is skipped). */
  readText: (slug: string) => Promise<string | undefined>;
  /** Candidates verified at most, most shared keys first. */
  maxCandidates?: number;
}

export interface NearDuplicateCheck {
  keys: string[];
  /** The stored article the text is a near copy of, if any. */
  match?: { slug: string; score: number };
}

const MAX_CANDIDATES = 20;

export async function findNearDuplicate(
  text: string,
  index: NearDuplicateIndex,
  options: FindNearDuplicateOptions,
): Promise<NearDuplicateCheck> {
  const shingles = shingleText(text);
  const keys = keysOfShingles(shingles);
  if (keys.length === 0) return { keys };
  const candidates = (await index.candidates(keys, options.since)).slice(0, options.maxCandidates ?? MAX_CANDIDATES);
  let match: NearDuplicateCheck['match'];
  for (const slug of candidates) {
    const stored = await options.readText(slug);
    if (stored === undefined) continue;
    const score = scoreShingles(shingles, shingleText(stored));
    if (meetsThreshold(score, options.threshold) && score > (match?.score ?? 0)) match = { slug, score };
  }
  return match ? { keys, match } : { keys };
}
