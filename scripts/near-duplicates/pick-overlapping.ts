// The pairs of texts sharing the most words: the hardest pairs that must stay apart.
// Overlap is the Jaccard index of the two texts' sets of words of four letters or more.

import { tokenizeWords } from '../../src/dedupe/index.js';
import type { BaseText } from './load-base-texts.js';

function wordSet(text: string): Set<string> {
  return new Set(tokenizeWords(text).filter((word) => word.length >= 4));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
}

/**
 * Up to `limit` pairs allowed by `admit`, most overlapping first. With `bestOnly`, only each
 * text's own best partner is a candidate (so one text does not fill the list).
 */
export function pickOverlapping(
  texts: readonly BaseText[],
  limit: number,
  admit: (a: BaseText, b: BaseText) => boolean,
  bestOnly = false,
): Array<[BaseText, BaseText]> {
  const sets = texts.map((text) => wordSet(text.text));
  const scored: Array<{ i: number; j: number; score: number }> = [];
  for (let i = 0; i < texts.length; i += 1) {
    let best: { i: number; j: number; score: number } | undefined;
    for (let j = 0; j < texts.length; j += 1) {
      if (i === j || (!bestOnly && j < i) || !admit(texts[i]!, texts[j]!)) continue;
      const pair = { i: Math.min(i, j), j: Math.max(i, j), score: overlap(sets[i]!, sets[j]!) };
      if (!bestOnly) scored.push(pair);
      else if (!best || pair.score > best.score) best = pair;
    }
    if (best) scored.push(best);
  }
  const seen = new Set<string>();
  const unique = scored.filter(({ i, j }) => !seen.has(`${i}:${j}`) && seen.add(`${i}:${j}`));
  unique.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  return unique.slice(0, limit).map(({ i, j }) => [texts[i]!, texts[j]!]);
}
