// Builds the near-duplicate test set (issue 16) from the corpus pages' text, the same on
// every run: tests/corpus/near-duplicates/pairs.json.gz (its README says how and why).
//   npm run make:near-duplicates
// Pairs that must merge: one article with other page furniture, another headline, a few
// sentences edited, cut to 60-80%, lightly reworded, and all of these at once
// ("syndicated"), and the two copies found in the corpus itself (FOUND_COPIES). Pairs that must not: different articles of one site (those sharing the
// most words), same-topic stories (each text's most word-sharing partner from another
// site), and short different articles under the same heavy page furniture.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, hashSeed } from '../bench/seeded-random.js';
import { loadBaseTexts, type BaseText } from './near-duplicates/load-base-texts.js';
import { pickOverlapping } from './near-duplicates/pick-overlapping.js';
import type { PairKind, PairSet } from './near-duplicates/pair-set.js';
import { writePairSet } from './near-duplicates/pair-set.js';
import {
  addFurniture,
  addHeadline,
  between,
  drawFurniture,
  editSentences,
  rewordText,
  splitSentences,
  truncateText,
  type Random,
} from './near-duplicates/rewrite-text.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusRoot = resolve(root, 'tests', 'corpus');
const OUT = resolve(corpusRoot, 'near-duplicates', 'pairs.json.gz');

/**
 * Pairs of corpus texts that are one story, found by reading every pair of base texts whose
 * shingle containment is 0.25 or more: they must merge, so they are never picked as pairs
 * that must not. The first is one press release on two German sites (djz.de, jagdverband.de),
 * one of them rewritten into reported speech; the second is a feed item and, in the same
 * feed, its own teaser (a tenth of its length).
 */
const FOUND_COPIES: Array<[string, string]> = [
  ['extraction-snippets/0094', 'extraction-snippets/0366'],
  ['feeds/real-world/content-encoded.rss#3', 'feeds/real-world/content-encoded.rss#6'],
];

const isFoundCopy = (a: BaseText, b: BaseText) =>
  FOUND_COPIES.some(([x, y]) => (a.id === x && b.id === y) || (a.id === y && b.id === x));

const PER_KIND = 70;
const SAME_SITE_PER_SITE = 80;
const SAME_TOPIC = 150;
const BOILERPLATE = 100;

interface Context {
  random: Random;
  furniture: string[];
  texts: BaseText[];
}

type Change = (ctx: Context, base: BaseText, donor: BaseText) => [string, string];

/** Furniture lines around the text, at most a quarter of its length (at least one line). */
function furnished(ctx: Context, text: string): string {
  const lines = drawFurniture(ctx.random, ctx.furniture, 3 + Math.floor(ctx.random() * 8));
  while (lines.length > 1 && lines.join(' ').length > text.length / 4) lines.pop();
  return addFurniture(ctx.random, text, lines);
}

/** "A few" sentences: one per six, one to three. */
const fewEdits = (text: string) => Math.min(3, Math.max(1, Math.round(splitSentences(text).length / 6)));

const CHANGES: Record<Exclude<PairKind, 'found-copy' | 'same-site' | 'same-topic' | 'boilerplate'>, Change> = {
  furniture: (ctx, base) => [furnished(ctx, base.text), furnished(ctx, base.text)],
  headline: (ctx, base, donor) => [
    addHeadline(base.text, base.text),
    addHeadline(furnished(ctx, base.text), donor.text),
  ],
  edited: (ctx, base, donor) => [base.text, editSentences(ctx.random, base.text, donor.text, fewEdits(base.text))],
  truncated: (ctx, base) => [base.text, truncateText(base.text, between(ctx.random, 0.6, 0.8))],
  reworded: (ctx, base) => [base.text, rewordText(ctx.random, base.text, 0.05)],
  syndicated: (ctx, base, donor) => {
    const cut = truncateText(editSentences(ctx.random, base.text, donor.text, 1), between(ctx.random, 0.7, 0.9));
    return [furnished(ctx, base.text), furnished(ctx, addHeadline(rewordText(ctx.random, cut, 0.02), donor.text))];
  },
};

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

function addPositives(ctx: Context, set: PairSet): void {
  const order = shuffled(ctx.random, ctx.texts);
  let next = 0;
  for (const [kind, change] of Object.entries(CHANGES) as [PairKind, Change][]) {
    for (let n = 0; n < PER_KIND; n += 1) {
      const base = order[next++ % order.length]!;
      const donor = order[(next + 97) % order.length]!;
      const id = `${kind}-${String(n).padStart(3, '0')}`;
      ctx.random = createRandom(hashSeed(id));
      const [a, b] = change(ctx, base, donor);
      set.texts[`${id}/a`] = a;
      set.texts[`${id}/b`] = b;
      set.pairs.push({ id, kind, merge: true, sameSite: false, a: `${id}/a`, b: `${id}/b` });
    }
  }
}

function addBase(set: PairSet, kind: PairKind, n: number, a: BaseText, b: BaseText): void {
  set.texts[a.id] = a.text;
  set.texts[b.id] = b.text;
  const id = `${kind}-${String(n).padStart(3, '0')}`;
  set.pairs.push({ id, kind, merge: kind === 'found-copy', sameSite: a.site === b.site, a: a.id, b: b.id });
}

function addFoundCopies(ctx: Context, set: PairSet): void {
  const byId = new Map(ctx.texts.map((text) => [text.id, text]));
  for (const [n, [a, b]] of FOUND_COPIES.entries()) addBase(set, 'found-copy', n, byId.get(a)!, byId.get(b)!);
}

function addNegatives(ctx: Context, set: PairSet): void {
  const sites = new Map<string, BaseText[]>();
  for (const text of ctx.texts) sites.set(text.site, [...(sites.get(text.site) ?? []), text]);
  let n = 0;
  for (const group of sites.values()) {
    for (const [a, b] of pickOverlapping(group, SAME_SITE_PER_SITE, (a, b) => !isFoundCopy(a, b)))
      addBase(set, 'same-site', n++, a, b);
  }
  n = 0;
  for (const [a, b] of pickOverlapping(ctx.texts, SAME_TOPIC, (a, b) => a.site !== b.site && !isFoundCopy(a, b), true))
    addBase(set, 'same-topic', n++, a, b);
  const short = [...ctx.texts].sort((a, b) => a.text.length - b.text.length).slice(0, ctx.texts.length / 2);
  for (let index = 0; index < BOILERPLATE; index += 1) {
    const id = `boilerplate-${String(index).padStart(3, '0')}`;
    ctx.random = createRandom(hashSeed(id));
    const [a, b] = shuffled(ctx.random, short).slice(0, 2) as [BaseText, BaseText];
    const chrome: string[] = [];
    const wanted = Math.min(a.text.length, b.text.length) * 0.6;
    while (chrome.join(' ').length < wanted) chrome.push(...drawFurniture(ctx.random, ctx.furniture, 1));
    set.texts[`${id}/a`] = addFurniture(ctx.random, a.text, chrome);
    set.texts[`${id}/b`] = addFurniture(ctx.random, b.text, chrome);
    set.pairs.push({ id, kind: 'boilerplate', merge: false, sameSite: true, a: `${id}/a`, b: `${id}/b` });
  }
}

const ABOUT = 'feedwright near-duplicate test set: see README.md beside this file (npm run make:near-duplicates)';

const corpus = loadBaseTexts(corpusRoot);
const ctx: Context = { random: createRandom(hashSeed('near-duplicates')), ...corpus };
const set: PairSet = { about: ABOUT, texts: {}, pairs: [] };
addPositives(ctx, set);
addFoundCopies(ctx, set);
addNegatives(ctx, set);
writePairSet(OUT, set);
const count = (merge: boolean) => set.pairs.filter((pair) => pair.merge === merge).length;
console.log(
  `${set.pairs.length} pairs (${count(true)} merge, ${count(false)} distinct) from ${corpus.texts.length} texts`,
);
