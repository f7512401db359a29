// The changes that turn one article into its near copy for the test set, each drawn from a
// seeded generator (bench/seeded-random.ts) so the set is the same on every run: page
// furniture around the body, another headline, a few sentences edited, the text cut short,
// words reworded.

import { firstWords } from '../../src/lib/text.js';

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function between(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/** Sentences: split after . ! ? (and the CJK stops), or at line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|(?<=[。！？])|\n+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** `count` lines of page furniture drawn from the pool, the same for the same random state. */
export function drawFurniture(random: Random, pool: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () => pick(random, pool));
}

/** The body with furniture lines before and after it, as a page's chrome left in the extraction. */
export function addFurniture(random: Random, text: string, lines: readonly string[]): string {
  const before = Math.floor(random() * (lines.length + 1));
  return [...lines.slice(0, before), text, ...lines.slice(before)].join('\n');
}

/** A headline made of another text's first words, on a line before the body. */
export function addHeadline(text: string, donor: string): string {
  return `${firstWords(splitSentences(donor)[0] ?? donor, 10).replace(/…$/, '')}\n${text}`;
}

/** `edits` sentences changed: each one replaced by a donor sentence, dropped, or a donor sentence inserted. */
export function editSentences(random: Random, text: string, donor: string, edits: number): string {
  const sentences = splitSentences(text);
  const donors = splitSentences(donor);
  for (let edit = 0; edit < edits && sentences.length > 2; edit += 1) {
    const at = Math.floor(random() * sentences.length);
    const kind = edit % 3;
    if (kind === 0) sentences[at] = pick(random, donors);
    else if (kind === 1) sentences.splice(at, 1);
    else sentences.splice(at, 0, pick(random, donors));
  }
  return sentences.join(' ');
}

/** The first sentences holding `fraction` of the words (at least the first sentence). */
export function truncateText(text: string, fraction: number): string {
  const sentences = splitSentences(text);
  const target = wordCount(text) * fraction;
  const kept: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    if (kept.length > 0 && words + wordCount(sentence) > target) break;
    kept.push(sentence);
    words += wordCount(sentence);
  }
  return kept.join(' ');
}

/** About `rate` of the words touched: replaced by another word of the text, dropped, or swapped with the next. */
export function rewordText(random: Random, text: string, rate: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (random() >= rate) {
      out.push(word);
      continue;
    }
    const kind = Math.floor(random() * 3);
    if (kind === 0) out.push(pick(random, words));
    else if (kind === 2 && index + 1 < words.length) {
      out.push(words[index + 1]!, word);
      index += 1;
    }
  }
  return out.join(' ');
}
