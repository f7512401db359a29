// The first pass over the archive: front matter only. Over 10,000+ files the bodies would
// cost hundreds of MB, and only maxItems of them are published, so each file is read just
// up to the end of its front matter (the head), parsed with the store's parseArticle, and
// kept as small metadata. Bodies are read in a second pass for the selected items only.

import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import pLimit from 'p-limit';
import type { Logger } from '../lib/log.js';
import { describeError } from '../lib/errors.js';
import { ARTICLE_EXTENSION, listArticleFiles, parseArticle } from '../store/article-file.js';
import type { Article } from '../types.js';
import { findArticleTime } from './build-item-model.js';

export interface ArticleMeta {
  path: string;
  /** Front matter only: `body` is empty. */
  article: Article;
  /** findArticleTime: the sort key. */
  timeMs: number;
}

const CHUNK_BYTES = 4096;
const MAX_HEAD_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 32;
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
export async function readArticleHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let wholeFile = false;
    for (;;) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, total);
      if (bytesRead === 0) return Buffer.concat(chunks).toString('utf8');
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (wholeFile) continue;
      const text = Buffer.concat(chunks).toString('utf8');
      // No front matter (or an unterminated one): parseArticle needs all of it.
      wholeFile = !OPENING.test(text.slice(0, 16)) || total > MAX_HEAD_BYTES;
      const end = wholeFile ? -1 : findHeadEnd(text);
      if (end >= 0) return text.slice(0, end);
    }
  } finally {
    await handle.close();
  }
}

async function scanOne(path: string, logger: Logger): Promise<ArticleMeta | undefined> {
  const slug = basename(path, ARTICLE_EXTENSION);
  try {
    const head = await readArticleHead(path);
    const article = { ...parseArticle(head, slug, path), body: '' };
    const timeMs = findArticleTime(article);
    if (Number.isNaN(timeMs)) {
      logger.warn('Article skipped: no usable date', { file: basename(path), date: article.date });
      return undefined;
    }
    return { path, article, timeMs };
  } catch (error) {
    logger.warn('Article skipped: unreadable', { file: basename(path), err: describeError(error) });
    return undefined;
  }
}

/** Metadata of every publishable article file in `dir`, in file-name order. */
export async function scanArticles(dir: string, logger: Logger): Promise<{ metas: ArticleMeta[]; skipped: number }> {
  const files = await listArticleFiles(dir);
  const limit = pLimit(READ_CONCURRENCY);
  const results = await Promise.all(files.map((path) => limit(() => scanOne(path, logger))));
  const metas = results.filter((meta): meta is ArticleMeta => meta !== undefined);
  return { metas, skipped: files.length - metas.length };
}
