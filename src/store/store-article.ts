// Store stage: gives a classified article its slug and writes its file, once per story.
//
// - An item already in state is never written again (even if its file was deleted).
// - The same canonical URL reached through two sources is one file.
// - The same item reached through two sources at once is written once.
// - The slug is stable once written: it is recorded in state; a file left by a crash
//   between write and state save is recognised by its `source` and reused, not doubled.

import { readFileIfExists } from '../lib/fs.js';
import { hashId } from '../lib/hash.js';
import type { ClassifiedArticle } from '../classify/classify-article.js';
import { articlePath, parseArticle, writeArticle } from './article-file.js';
import { makeSlug, makeUniqueSlug } from './make-slug.js';
import type { RunState } from '../state/run-state.js';

export type StoreOutcome =
  | { written: true; slug: string; path: string }
  | { written: false; slug: string; reason: 'duplicate-url' | 'duplicate-item' };

/** The story a file holds (`source`, item `id`); null when there is no file, undefined when unreadable. */
async function storyOfFile(dir: string, slug: string): Promise<{ source: string; id?: string } | undefined | null> {
  try {
    const text = await readFileIfExists(articlePath(dir, slug));
    if (text === undefined) return null;
    const article = parseArticle(text, slug);
    return { source: article.source, id: article.extra.id };
  } catch {
    return undefined;
  }
}

/**
 * Reserves a slug whose file is free, or holds this very story (left by an interrupted
 * run): the same source URL, or, for an item without one, the same item id. Two stories
 * without a URL never share a file.
 */
async function findFreeSlug(dir: string, title: string, source: string, itemId: string, reserved: Set<string>): Promise<string> {
  const base = makeSlug(title);
  const seed = source || `item:${itemId}`;
  const candidates = [base, makeUniqueSlug(base, hashId(seed, 6)), makeUniqueSlug(base, hashId(seed, 12))];
  for (const slug of candidates) {
    if (reserved.has(slug)) continue;
    const existing = await storyOfFile(dir, slug);
    const same = existing ? (source !== '' && existing.source === source) || existing.id === itemId : false;
    // Checked again after the await: a concurrent item may have reserved it meanwhile.
    if ((existing === null || same) && !reserved.has(slug)) {
      reserved.add(slug);
      return slug;
    }
  }
  const last = makeUniqueSlug(base, hashId(`${seed}\n${Date.now()}`, 12));
  reserved.add(last);
  return last;
}

function recordDuplicate(state: RunState, itemId: string, slug: string): StoreOutcome {
  state.items[itemId] = { seenAt: new Date().toISOString(), slug };
  return { written: false, slug, reason: 'duplicate-url' };
}

export async function storeArticle(
  dir: string,
  state: RunState,
  article: ClassifiedArticle,
  itemId: string,
  reserved: Set<string>,
): Promise<StoreOutcome> {
  const key = article.source;
  if (key && state.urls[key]) return recordDuplicate(state, itemId, state.urls[key]);
  // The same item from two sources at once (no URL to dedupe on): the first stores it.
  const claim = `item:${itemId}`;
  const stored = state.items[itemId]?.slug;
  if (stored || reserved.has(claim)) return { written: false, slug: stored ?? '', reason: 'duplicate-item' };
  reserved.add(claim);
  try {
    return await claimAndWrite(dir, state, article, itemId, reserved);
  } finally {
    reserved.delete(claim);
  }
}

async function claimAndWrite(dir: string, state: RunState, article: ClassifiedArticle, itemId: string, reserved: Set<string>): Promise<StoreOutcome> {
  const key = article.source;
  const slug = await findFreeSlug(dir, article.title, key, itemId, reserved);
  try {
    // Checked again after the await: a concurrent item may have claimed this story meanwhile.
    if (key && state.urls[key]) return recordDuplicate(state, itemId, state.urls[key]);
    if (key) state.urls[key] = slug;
    try {
      const path = await writeArticle(dir, { ...article, slug });
      state.items[itemId] = { seenAt: new Date().toISOString(), slug };
      return { written: true, slug, path };
    } catch (error) {
      if (key) delete state.urls[key];
      throw error;
    }
  } finally {
    reserved.delete(slug);
  }
}
