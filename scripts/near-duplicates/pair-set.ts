// The near-duplicate test set's file (tests/corpus/near-duplicates/pairs.json.gz): texts
// stored once by id, pairs naming two texts, whether they must merge, and whether they
// come from one site. Halves as the extraction evaluation's (scripts/eval/load-corpora.ts):
// by the SHA-256 of the pair's id, tuned on half A.

import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { halfOf } from '../eval/load-corpora.js';

export type PairKind =
  | 'furniture'
  | 'headline'
  | 'edited'
  | 'truncated'
  | 'reworded'
  | 'syndicated'
  | 'found-copy'
  | 'same-site'
  | 'same-topic'
  | 'boilerplate';

export interface Pair {
  id: string;
  kind: PairKind;
  /** True when the two texts are one story and must merge. */
  merge: boolean;
  /** True when both texts are pages of one site. */
  sameSite: boolean;
  a: string;
  b: string;
}

export interface PairSet {
  /** How the set was made (README): the base texts and the changes. */
  about: string;
  texts: Record<string, string>;
  pairs: Pair[];
}

export interface LoadedPair extends Pair {
  half: 'A' | 'B';
  textA: string;
  textB: string;
}

export function writePairSet(file: string, set: PairSet): void {
  const lines = [
    `{"about":${JSON.stringify(set.about)},`,
    `"pairs":[\n${set.pairs.map((pair) => JSON.stringify(pair)).join(',\n')}\n],`,
    `"texts":{\n${Object.entries(set.texts)
      .map(([id, text]) => `${JSON.stringify(id)}:${JSON.stringify(text)}`)
      .join(',\n')}\n}}\n`,
  ];
  writeFileSync(file, gzipSync(lines.join('\n'), { level: 9 }));
}

export function readPairSet(file: string): LoadedPair[] {
  const set = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as PairSet;
  return set.pairs.map((pair) => ({
    ...pair,
    half: halfOf(pair.id),
    textA: set.texts[pair.a]!,
    textB: set.texts[pair.b]!,
  }));
}
