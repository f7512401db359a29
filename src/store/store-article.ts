// Store stage: gives a classified article its slug and writes its file, once per story.
//
// - An item already in state is never written again (even if its file was deleted).
// - The same canonical URL reached through two sources is one file.
// - The slug is stable once written: it is recorded in state; a file left by a crash
//   between write and state save is recognised by its `source` and reused, not doubled.

import { readFile } from 'node:fs/promises';
import { hashId } from '../lib/hash.js';
import type { ClassifiedArticle } from '../classify/classify-article.js';
import { articlePath, parseArticle, writeArticle } from './article-file.js';
import { makeSlug, makeUniqueSlug } from './make-slug.js';
import type { RunState } from './run-state.js';

export type StoreOutcome = { written: true; slug: string; path: string } | { written: false; slug: string; reason: 'duplicate-url' };

async function sourceOfFile(dir: string, slug: string): Promise<string | undefined | null> {
  try {
    const text = await readFile(articlePath(dir, slug), 'utf8');
    return parseArticle(text, slug).source;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return undefined;
  }
}

/** A slug whose file is free, or holds this very story (left by an interrupted run). */
async function findFreeSlug(dir: string, title: string, source: string, reserved: Set<string>): Promise<string> {
  const base = makeSlug(title);
  const candidates = [base, makeUniqueSlug(base, hashId(source, 6)), makeUniqueSlug(base, hashId(source, 12))];
  for (const slug of candidates) {
    if (reserved.has(slug)) continue;
    const existing = await sourceOfFile(dir, slug);
    if (existing === null || existing === source) return slug;
  }
  return makeUniqueSlug(base, hashId(`${source}\n${Date.now()}`, 12));
}

export async function storeArticle(
  dir: string,
  state: RunState,
  article: ClassifiedArticle,
  itemId: string,
  reserved: Set<string>,
): Promise<StoreOutcome> {
  const slug = state.urls[article.source] ?? (await findFreeSlug(dir, article.title, article.source, reserved));
  // Checked again after the await: a concurrent item may have claimed this story meanwhile.
  const claimed = article.source ? state.urls[article.source] : undefined;
  if (claimed) {
    state.items[itemId] = { seenAt: new Date().toISOString(), slug: claimed };
    return { written: false, slug: claimed, reason: 'duplicate-url' };
  }
  if (article.source) state.urls[article.source] = slug;
  reserved.add(slug);
  try {
    const path = await writeArticle(dir, { ...article, slug });
    state.items[itemId] = { seenAt: new Date().toISOString(), slug };
    return { written: true, slug, path };
  } catch (error) {
    if (article.source) delete state.urls[article.source];
    throw error;
  } finally {
    reserved.delete(slug);
  }
}
