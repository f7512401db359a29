// Store stage, edits at the source (issue 16): a stored article whose feed entry changed is
// rewritten in place when its title or body changed: the same slug, the same `id` and every
// other field as they were, a new `updated`, the new title and body, the excerpt made again.
//
// The editor wins: the file is rewritten only when its bytes are still those feedwright
// wrote (the hash in state). A file edited by hand is left alone and the conflict recorded;
// a deleted file stays deleted. The slug is reserved in the update's name while the file is
// checked and written, so two updates of one item (two workers) never interleave.

import { FeedwrightError } from '../lib/errors.js';
import { readFileIfExists } from '../lib/fs.js';
import type { ItemFingerprint, StateStore } from '../state/index.js';
import type { Article, ClassifiedArticle } from '../types.js';
import { articlePath, hashArticleText, parseArticle, serializeArticle, writeArticle } from './article-file.js';
import { findArticleTime } from './article-time.js';

export interface ArticleUpdate {
  itemId: string;
  /** The item's file and its hash, as recorded in state when feedwright last wrote it. */
  slug: string;
  fileHash: string;
  /** The entry's new version, recorded whatever becomes of it (so it is read once). */
  fingerprint: ItemFingerprint;
  /** The entry's own updated date, if it has one. */
  entryUpdated?: string;
  /** The source's state key, named by a conflict. */
  source: string;
  at: Date;
}

export type UpdateOutcome =
  | { kind: 'rewritten'; slug: string; path: string }
  /** The page gave the same title and body: nothing written. */
  | { kind: 'unchanged'; slug: string }
  /** Edited by hand since feedwright wrote it: left alone. */
  | { kind: 'conflict'; slug: string }
  /** Deleted: stays deleted. */
  | { kind: 'gone'; slug: string };

type FileCheck = { kind: 'ours'; text: string } | { kind: 'conflict' } | { kind: 'gone' };

async function checkFile(dir: string, update: ArticleUpdate): Promise<FileCheck> {
  const text = await readFileIfExists(articlePath(dir, update.slug));
  if (text === undefined) return { kind: 'gone' };
  return hashArticleText(text) === update.fileHash ? { kind: 'ours', text } : { kind: 'conflict' };
}

async function recordLeftAlone(
  state: StateStore,
  update: ArticleUpdate,
  kind: 'conflict' | 'gone',
): Promise<UpdateOutcome> {
  const { itemId, fingerprint, slug } = update;
  if (kind === 'gone') await state.recordUpdate(itemId, { kind: 'kept', fingerprint });
  else
    await state.recordUpdate(itemId, {
      kind: 'conflict',
      fingerprint,
      conflict: { at: update.at.toISOString(), source: update.source },
    });
  return { kind, slug };
}

/**
 * Before the page is read: a file edited by hand or deleted is recorded now (no page is
 * fetched for it); undefined when the file is still as feedwright wrote it.
 */
export async function findUpdateObstacle(
  dir: string,
  state: StateStore,
  update: ArticleUpdate,
): Promise<UpdateOutcome | undefined> {
  const check = await checkFile(dir, update);
  return check.kind === 'ours' ? undefined : recordLeftAlone(state, update, check.kind);
}

/** The entry's own updated date when it is real, not before the article and not ahead of now; else now. */
function resolveUpdated(article: Article, update: ArticleUpdate): string {
  const own = update.entryUpdated ? Date.parse(update.entryUpdated) : Number.NaN;
  const published = findArticleTime(article);
  const fits = !Number.isNaN(own) && own <= update.at.getTime() && !(own < published);
  return new Date(fits ? own : update.at.getTime()).toISOString();
}

async function rewrite(
  dir: string,
  state: StateStore,
  update: ArticleUpdate,
  fresh: ClassifiedArticle,
  text: string,
): Promise<UpdateOutcome> {
  const stored = parseArticle(text, update.slug);
  const { title, excerpt, body } = fresh;
  const same = { ...stored, title, excerpt, body };
  if (serializeArticle(same) === text) {
    await state.recordUpdate(update.itemId, { kind: 'kept', fingerprint: update.fingerprint });
    return { kind: 'unchanged', slug: update.slug };
  }
  const article = { ...same, extra: { ...stored.extra, updated: resolveUpdated(stored, update) } };
  const { path, fileHash } = await writeArticle(dir, article);
  await state.recordUpdate(update.itemId, {
    kind: 'rewritten',
    fingerprint: update.fingerprint,
    fileHash,
    at: update.at,
  });
  return { kind: 'rewritten', slug: update.slug, path };
}

/** Rewrites the item's file from `fresh` (the page read again, classified) when the editor has not touched it. */
export async function updateArticle(
  dir: string,
  state: StateStore,
  update: ArticleUpdate,
  fresh: ClassifiedArticle,
): Promise<UpdateOutcome> {
  // In the name of this version of the entry: a retry of it takes its reservation back.
  const owner = `${update.itemId}:update:${update.fingerprint.title}:${update.fingerprint.content}`;
  if (!(await state.reserveSlug(update.slug, owner)))
    throw new FeedwrightError('IO', `${update.slug}: another update of this article is being written`, {
      stage: 'store',
    });
  try {
    const check = await checkFile(dir, update);
    if (check.kind !== 'ours') return await recordLeftAlone(state, update, check.kind);
    return await rewrite(dir, state, update, fresh, check.text);
  } finally {
    await state.releaseSlug(update.slug, owner);
  }
}
