// The time of one near-duplicate check (band keys, index lookup, exact verification of the
// candidates) against an index of N stored articles: the state.json store's (what one
// machine runs: in memory, saved in its side file), or the bare in-memory index. The stored articles are
// synthetic: 12 to 40 sentences drawn (seeded by the article's number) from all the test
// set's texts, so their length and vocabulary are real; each is made again from its number
// when a check reads it, so 100,000 of them cost no memory but the index's.

import { createRandom } from '../../bench/seeded-random.js';
import {
  createMemoryNearDuplicateIndex,
  findNearDuplicate,
  nearDuplicateKeys,
  type NearDuplicateIndex,
} from '../../src/dedupe/index.js';
import type { LoadedPair } from './pair-set.js';
import { splitSentences } from './rewrite-text.js';

export interface CheckTiming {
  stored: number;
  checks: number;
  buildMs: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  meanCandidates: number;
  /** Checks that matched a synthetic article (none should). */
  syntheticMatches: number;
}

const SINCE = new Date('2026-01-01T00:00:00Z');

export function synthesize(sentences: readonly string[], number: number): string {
  const random = createRandom(number + 1);
  const count = 12 + Math.floor(random() * 29);
  return Array.from({ length: count }, () => sentences[Math.floor(random() * sentences.length)]!).join(' ');
}

/** The sentences synthetic articles are drawn from. */
export function sentencesOf(pairs: readonly LoadedPair[]): string[] {
  return [...new Set(pairs.flatMap((pair) => [...splitSentences(pair.textA), ...splitSentences(pair.textB)]))];
}

export async function timeChecks(
  pairs: readonly LoadedPair[],
  stored: number,
  threshold: number,
  index: NearDuplicateIndex = createMemoryNearDuplicateIndex(),
): Promise<CheckTiming> {
  const sentences = sentencesOf(pairs);
  const at = new Date('2026-01-02T00:00:00Z');
  const started = performance.now();
  for (let number = 0; number < stored; number += 1)
    await index.add(`s${number}`, nearDuplicateKeys(synthesize(sentences, number)), at);
  const buildMs = performance.now() - started;
  for (const pair of pairs) await index.add(pair.id, nearDuplicateKeys(pair.textB), at);
  const byId = new Map(pairs.map((pair) => [pair.id, pair.textB]));
  let candidatesRead = 0;
  const readText = async (slug: string) => {
    candidatesRead += 1;
    return byId.get(slug) ?? synthesize(sentences, Number(slug.slice(1)));
  };
  const times: number[] = [];
  let syntheticMatches = 0;
  for (const pair of pairs) {
    const begun = performance.now();
    const check = await findNearDuplicate(pair.textA, index, { threshold, since: SINCE, readText });
    times.push(performance.now() - begun);
    if (check.match && !byId.has(check.match.slug)) syntheticMatches += 1;
  }
  times.sort((a, b) => a - b);
  return {
    stored,
    checks: times.length,
    buildMs,
    meanMs: times.reduce((sum, time) => sum + time, 0) / times.length,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    maxMs: times[times.length - 1]!,
    meanCandidates: candidatesRead / times.length,
    syntheticMatches,
  };
}
