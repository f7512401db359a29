// One story, one article (issue 16): before a new article gets a file, its body is checked
// against the articles stored in the last `dedupe.windowDays` days through the state's
// near-duplicate index (band keys, then the exact similarity against each candidate's
// stored body, read from its file). A near copy of an article from another source is not
// written: the item is recorded as done with the first article's slug (as a duplicate
// canonical URL is), its URL is claimed for that slug, and the first file gains the later
// source in `alsoFrom`, nothing else in it changed. Near copies from one source stay two
// articles: different stories of one site must never merge, and a site reposting its own
// text under a new URL is rare.
//
// Races: the check and the write run holding the article's band keys (near-duplicate-store
// in state/), so near copies stored at the same moment are checked one after the other and
// the second is merged. A merge holds the first article's slug while it rewrites the file.
// A claim not had within CLAIM_WAIT_MS (a worker died holding it) is gone without: at worst
// two files, never a story lost. A file the first article no longer has, or one edited so
// it no longer reads back as written, is not touched: the new article is written (gone),
// or the merge is kept without naming the source (edited: the editor wins).

import { sleep } from '../lib/backoff.js';
import { readFileIfExists, writeFileAtomic } from '../lib/fs.js';
import { stripMarkdown } from '../lib/strip-markdown.js';
import { hostKey, resolveUrl } from '../lib/url.js';
import { findNearDuplicate, nearDuplicateKeys } from '../dedupe/index.js';
import type { StateStore } from '../state/index.js';
import type { Article, ClassifiedArticle } from '../types.js';
import { addAlsoFrom } from './also-from.js';
import { articlePath, parseArticle, serializeArticle } from './article-file.js';
import type { StoreOutcome } from './store-article.js';

export interface NearDuplicateSettings {
  threshold: number;
  windowDays: number;
  /** The run's clock: the article is indexed at this time, the window ends here. */
  now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a claim held by another item is waited for before going on without it. */
const CLAIM_WAIT_MS = 5000;

/** Tries `take` until it succeeds or CLAIM_WAIT_MS have passed (short waits, growing). */
async function waitForClaim(take: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + CLAIM_WAIT_MS;
  for (let delayMs = 5; ; delayMs = Math.min(delayMs * 2, 200)) {
    if (await take()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(delayMs);
  }
}

/** Who published an article: its source's name, else its URL's host ('' when neither). */
const sourceOf = (article: Pick<Article, 'source' | 'extra'>): string =>
  article.extra.sourceName || hostKey(article.source);

/** The stored article's file, when it is readable. */
async function readStored(dir: string, slug: string): Promise<{ text: string; article: Article } | undefined> {
  try {
    const text = await readFileIfExists(articlePath(dir, slug));
    return text === undefined ? undefined : { text, article: parseArticle(text, slug) };
  } catch {
    return undefined;
  }
}

/** Adds the source to the stored article's `alsoFrom`; false when its file is gone. */
async function noteSource(dir: string, slug: string, article: ClassifiedArticle): Promise<boolean> {
  const stored = await readStored(dir, slug);
  if (!stored) return false;
  const alsoFrom = addAlsoFrom(stored.article.alsoFrom, { name: sourceOf(article), url: article.source });
  const unchanged = alsoFrom.length === (stored.article.alsoFrom?.length ?? 0);
  // Only a file that reads back as written is rewritten: a hand edit is never undone.
  if (unchanged || serializeArticle(stored.article) !== stored.text) return true;
  await writeFileAtomic(articlePath(dir, slug), serializeArticle({ ...stored.article, alsoFrom }), { root: dir });
  return true;
}

/** Merges the item into the stored article `slug`; undefined when it must be written as its own. */
async function mergeInto(
  dir: string,
  state: StateStore,
  article: ClassifiedArticle,
  itemId: string,
  slug: string,
): Promise<StoreOutcome | undefined> {
  if (!(await waitForClaim(() => state.reserveSlug(slug, itemId)))) return undefined;
  const url = article.source;
  try {
    const taken = await state.claimUrl(url, slug, itemId);
    if (taken) {
      await state.recordItem(itemId, taken);
      return { written: false, slug: taken, reason: 'duplicate-url' };
    }
    let noted = false;
    try {
      noted = await noteSource(dir, slug, article);
    } finally {
      if (!noted) await state.releaseUrl(url, itemId);
    }
    if (!noted) return undefined;
    await state.recordStored(itemId, slug, url);
    return { written: false, slug, reason: 'near-duplicate' };
  } finally {
    await state.releaseSlug(slug, itemId);
  }
}

/**
 * Stores the article through `write` unless it is a near copy of a stored article from
 * another source (then merged into it); a written article is indexed for later checks.
 */
export async function storeUnlessNearDuplicate(
  dir: string,
  state: StateStore,
  article: ClassifiedArticle,
  itemId: string,
  settings: NearDuplicateSettings,
  write: () => Promise<StoreOutcome>,
): Promise<StoreOutcome> {
  const text = stripMarkdown(article.body);
  const keys = nearDuplicateKeys(text);
  if (keys.length === 0) return write();
  const index = state.nearDuplicates;
  const held = await waitForClaim(() => index.claim(keys, itemId));
  try {
    const since = new Date(settings.now.getTime() - settings.windowDays * DAY_MS);
    await index.prune(since);
    const source = sourceOf(article);
    // An item without a URL has nothing to name in `alsoFrom`: it is indexed, never merged.
    const readText = async (slug: string) => {
      const stored = await readStored(dir, slug);
      return stored && sourceOf(stored.article) !== source ? stripMarkdown(stored.article.body) : undefined;
    };
    if (resolveUrl(article.source) !== undefined) {
      const { match } = await findNearDuplicate(text, index, { threshold: settings.threshold, since, readText });
      const merged = match && (await mergeInto(dir, state, article, itemId, match.slug));
      if (merged) return merged;
    }
    const outcome = await write();
    if (outcome.written) await index.add(outcome.slug, keys, settings.now);
    return outcome;
  } finally {
    if (held) await index.release(keys, itemId);
  }
}
