// The first pass over the archive: front matter only. Over 10,000+ files the bodies would
// cost hundreds of MB, and only maxItems of them are published, so each file is read just
// up to the end of its front matter (the head), parsed with the store's parseArticle, and
// kept as small metadata. Bodies are read in a second pass for the selected items only.
// The heads are read with synchronous calls, a batch at a time, yielding to the event loop
// between batches: at 100,000 files the promise API's FileHandle per file cost ~10x more
// CPU than the reads themselves (bench/: 15 s down to a few).

import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Logger } from '../lib/log.js';
import { describeError } from '../lib/errors.js';
import { ARTICLE_EXTENSION, listArticleFiles, parseArticle } from './article-file.js';
import type { Article } from '../types.js';
import { findArticleTime } from './article-time.js';
import { toHeadText } from './head-text.js';

export interface ArticleMeta {
  path: string;
  /** What selection needs, no more: 100,000 whole front matters would cost ~150 MB. */
  article: Pick<Article, 'slug' | 'category'>;
  /** findArticleTime: the sort key. */
  timeMs: number;
}

const CHUNK_BYTES = 4096;
const MAX_HEAD_BYTES = 1024 * 1024;
const BATCH_FILES = 256;
const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /\r?\n---[ \t]*(\r?\n|$)/;

/** The end of the front matter (closing delimiter line included), or -1 when not there yet. */
function findHeadEnd(text: string): number {
  const opening = OPENING.exec(text);
  if (!opening) return -1;
  const rest = text.slice(opening[0].length - 1);
  const closing = CLOSING.exec(rest);
  if (!closing) return -1;
  return opening[0].length - 1 + closing.index + closing[0].length;
}

/** The file's text up to the end of its front matter; the whole file when it has none. */
export function readArticleHeadSync(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let wholeFile = false;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const bytesRead = readSync(fd, buffer, 0, CHUNK_BYTES, total);
      if (bytesRead === 0) return Buffer.concat(chunks).toString('utf8');
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (wholeFile) continue;
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
      // No front matter (or an unterminated one): parseArticle needs all of it.
      wholeFile = !OPENING.test(text.slice(0, 16)) || total > MAX_HEAD_BYTES;
      const end = wholeFile ? -1 : findHeadEnd(text);
      // Decoded afresh rather than sliced: a slice (and every YAML value sliced from it)
      // would keep the whole chunk alive, ~4 KB per article kept in memory.
      if (end >= 0) return Buffer.concat(chunks).toString('utf8', 0, Buffer.byteLength(text.slice(0, end)));
    }
  } finally {
    closeSync(fd);
  }
}

/** `categories` keeps one copy of each name, so no meta holds on to its file's text. */
function scanOne(path: string, logger: Logger, categories: Map<string, string>): ArticleMeta | undefined {
  const slug = basename(path, ARTICLE_EXTENSION);
  try {
    const head = readArticleHeadSync(path);
    const parsed = parseArticle(head, slug, path);
    const timeMs = findArticleTime(parsed);
    if (Number.isNaN(timeMs)) {
      logger.warn('Article skipped: no usable date', { file: basename(path), date: parsed.date });
      return undefined;
    }
    // The category names a feed ("Site: Category"): plain text, as the items' fields are.
    const category = toHeadText(parsed.category);
    if (!categories.has(category)) categories.set(category, category);
    return { path, article: { slug, category: categories.get(category)! }, timeMs };
  } catch (error) {
    logger.warn('Article skipped: unreadable', { file: basename(path), err: describeError(error) });
    return undefined;
  }
}

/** Metadata of every publishable article file in `dir`, in file-name order. */
export async function scanArticles(dir: string, logger: Logger): Promise<{ metas: ArticleMeta[]; skipped: number }> {
  let refused = 0;
  const files = await listArticleFiles(dir, (path) => {
    refused += 1;
    logger.warn('Article skipped: a symlink leading out of the articles folder', { file: basename(path) });
  });
  const metas: ArticleMeta[] = [];
  const categories = new Map<string, string>();
  for (let index = 0; index < files.length; index += 1) {
    if (index > 0 && index % BATCH_FILES === 0) await yieldToLoop();
    const meta = scanOne(files[index], logger, categories);
    if (meta) metas.push(meta);
  }
  return { metas, skipped: files.length - metas.length + refused };
}
