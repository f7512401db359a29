// The keys an article is indexed under for near-duplicate lookup (issue 16): its LSH band
// keys, none for a body too short to merge (similarity.ts MIN_SHINGLES).

import { bandKeys, minHashSignature } from './min-hash.js';
import { shingleText } from './shingle-text.js';
import { MIN_SHINGLES } from './similarity.js';

/** Deterministic band keys of a text's shingles; [] when it is under MIN_SHINGLES. */
export function nearDuplicateKeys(text: string): string[] {
  return keysOfShingles(shingleText(text));
}

/** The same from a shingle set already made (find-near-duplicate.ts verifies with it too). */
export function keysOfShingles(shingles: Uint32Array): string[] {
  return shingles.length < MIN_SHINGLES ? [] : bandKeys(minHashSignature(shingles));
}
