// MinHash and LSH banding over a shingle set (issue 16). SIGNATURE_SIZE minimums, each under
// its own fixed seed (the shingle hash, already well mixed, xor the seed, multiplied and
// folded: three operations, a third of a full mix), so a text's keys are the same on every
// machine and every run. The signature is cut into BANDS bands of ROWS_PER_BAND rows;
// a band's rows hash to one key. Two texts share at least one key with probability
// 1 - (1 - J^ROWS_PER_BAND)^BANDS for shingle Jaccard J: with 32 bands of 3 rows, 0.99 at
// J = 0.5 (a copy cut to 60% under other page furniture), 0.03 at J = 0.1, and nearly never
// for unrelated stories, so a lookup brings few candidates to verify.

import { mix32 } from './shingle-text.js';

export const BANDS = 32;
export const ROWS_PER_BAND = 3;
export const SIGNATURE_SIZE = BANDS * ROWS_PER_BAND;

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, index) => mix32(Math.imul(index + 1, 0x9e3779b9)));

/** The MinHash signature of a (non-empty) shingle set. */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let index = 0; index < shingles.length; index += 1) {
    const shingle = shingles[index]!;
    for (let seat = 0; seat < SIGNATURE_SIZE; seat += 1) {
      let value = Math.imul(shingle ^ SEEDS[seat]!, 0x85ebca6b);
      value = (value ^ (value >>> 15)) >>> 0;
      if (value < signature[seat]!) signature[seat] = value;
    }
  }
  return signature;
}

/** One key per band: `<band>-<hash of its rows>` (base 36), so equal rows in different bands never meet. */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    let hash = band;
    for (let row = band * ROWS_PER_BAND; row < (band + 1) * ROWS_PER_BAND; row += 1) {
      hash = mix32(hash ^ signature[row]!) + 0x9e3779b9;
    }
    keys.push(`${band.toString(36)}-${(hash >>> 0).toString(36)}`);
  }
  return keys;
}
