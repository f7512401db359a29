// Store stage: gives a classified article its slug and writes its file, once per story.
//
// - An item already in state is never written again (even if its file was deleted).
// - The same canonical URL reached through two sources is one file.
// - The same item reached through two sources at once is written once.
// - A near copy of a recent article from another source is merged into it (merge-near-duplicate.ts).
// - The slug is stable once written: it is recorded in state; a file left by a crash
//   between write and state save is recognised by its `source` and reused, not doubled.

import { readFileIfExists } from '../lib/fs.js';
import { hashId } from '../lib/hash.js';
import type { ItemFingerprint, StateStore } from '../state/index.js';
import type { ClassifiedArticle } from '../types.js';
import { articlePath, parseArticle, writeArticle } from './article-file.js';
import { makeSlug, makeUniqueSlug } from './make-slug.js';
import { storeUnlessNearDuplicate, type NearDuplicateSettings } from './merge-near-duplicate.js';

export type StoreOutcome =
  | { written: true; slug: string; path: string }
  | { written: false; slug: string; reason: 'duplicate-url' | 'duplicate-item' | 'near-duplicate' };

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
async function findFreeSlug(
  dir: string,
  title: string,
  source: string,
  itemId: string,
  state: StateStore,
): Promise<string> {
  const base = makeSlug(title);
  const seed = source || `item:${itemId}`;
  const candidates = [base, makeUniqueSlug(base, hashId(seed, 6)), makeUniqueSlug(base, hashId(seed, 12))];
  for (const slug of candidates) {
    // Reserved before the file is read: a concurrent item cannot take it meanwhile.
    if (!(await state.reserveSlug(slug, itemId))) continue;
    const existing = await storyOfFile(dir, slug);
    const same = existing ? (source !== '' && existing.source === source) || existing.id === itemId : false;
    if (existing === null || same) return slug;
    await state.releaseSlug(slug, itemId);
  }
  const last = makeUniqueSlug(base, hashId(`${seed}\n${Date.now()}`, 12));
  await state.reserveSlug(last, itemId);
  return last;
}

async function recordDuplicate(state: StateStore, itemId: string, slug: string): Promise<StoreOutcome> {
  await state.recordItem(itemId, slug);
  return { written: false, slug, reason: 'duplicate-url' };
}

/**
 * `fingerprint`: the feed entry the article was made from, recorded with the file's hash
 * so a later edit at the source can rewrite it, and an editor's edit is never overwritten.
 */
export async function storeArticle(
  dir: string,
  state: StateStore,
  article: ClassifiedArticle,
  itemId: string,
  options: { fingerprint?: ItemFingerprint; nearDuplicates?: NearDuplicateSettings } = {},
): Promise<StoreOutcome> {
  const key = article.source;
  const known = key ? await state.findUrl(key) : undefined;
  if (known) return recordDuplicate(state, itemId, known);
  // The same item from two sources at once (no URL to dedupe on): the first stores it.
  if (!(await state.claimItem(itemId)))
    return { written: false, slug: (await state.findItem(itemId))?.slug ?? '', reason: 'duplicate-item' };
  try {
    const write = () => claimAndWrite(dir, state, article, { itemId, fingerprint: options.fingerprint });
    // Issue 16: a near copy of a recent article from another source is merged into it.
    if (options.nearDuplicates)
      return await storeUnlessNearDuplicate(dir, state, article, itemId, options.nearDuplicates, write);
    return await write();
  } finally {
    await state.releaseItem(itemId);
  }
}

async function claimAndWrite(
  dir: string,
  state: StateStore,
  article: ClassifiedArticle,
  { itemId, fingerprint }: { itemId: string; fingerprint?: ItemFingerprint },
): Promise<StoreOutcome> {
  const key = article.source;
  const slug = await findFreeSlug(dir, article.title, key, itemId, state);
  try {
    // Claimed after the await: a concurrent item may have stored this story meanwhile.
    const taken = key ? await state.claimUrl(key, slug, itemId) : undefined;
    if (taken) return recordDuplicate(state, itemId, taken);
    try {
      const { path, fileHash } = await writeArticle(dir, { ...article, slug });
      await state.recordStored(itemId, slug, key || undefined, fingerprint && { fingerprint, fileHash });
      return { written: true, slug, path };
    } catch (error) {
      if (key) await state.releaseUrl(key, itemId);
      throw error;
    }
  } finally {
    await state.releaseSlug(slug, itemId);
  }
}
