// The article file, the contract with the site (DESIGN.md "The article file"): YAML front
// matter written by gray-matter (js-yaml under it), fields in the fixed order, then the
// Markdown body. Parsing a file and writing it back gives the same bytes.

import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import matter from 'gray-matter';
import { isInsideRealFolder } from '../lib/confine-path.js';
import { FeedwrightError } from '../lib/errors.js';
import { writeFileAtomic } from '../lib/fs.js';
import { hashId } from '../lib/hash.js';
import type { Article, ArticleExtra } from '../types.js';
import { readAlsoFrom } from './also-from.js';

export const ARTICLE_EXTENSION = '.md';

const EXTRA_KEYS: ReadonlyArray<keyof ArticleExtra> = [
  'originalAuthor',
  'published',
  'updated',
  'sourceName',
  'id',
  'extraction',
  'categoryRule',
];

/** Front matter + body, byte for byte what gray-matter's stringify writes. */
export function serializeArticle(article: Article): string {
  const data: Record<string, unknown> = {
    title: article.title,
    date: article.date,
    excerpt: article.excerpt,
    coverImage: article.coverImage,
    author: article.author,
    tags: [...article.tags],
    category: article.category,
    source: article.source,
  };
  for (const key of EXTRA_KEYS) {
    const value = article.extra[key];
    if (value !== undefined && value !== '') data[key] = value;
  }
  if (article.alsoFrom?.length) data.alsoFrom = article.alsoFrom.map(({ name, url }) => ({ name, url }));
  const body = article.body.endsWith('\n') || article.body === '' ? article.body : `${article.body}\n`;
  // Handed as a file object: given a string, gray-matter first parses it, so a body that
  // opens with `---` lines (a Markdown rule) would be read as front matter, its text lost
  // and its keys merged into ours.
  return matter.stringify({ content: body }, data);
}

function asString(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asString).filter((item): item is string => Boolean(item));
  const single = asString(value);
  return single ? [single] : [];
}

/** `YYYY-MM-DD` from whatever a hand-written file put in `date`. */
function normalizeDate(value: unknown): string {
  const text = asString(value);
  if (!text) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString().slice(0, 10);
}

/**
 * Reads an article file's text. Hand-written files may lack fields or use unquoted
 * dates; they are filled, never rejected, unless the front matter itself is broken.
 */
export function parseArticle(text: string, slug: string, file = `${slug}${ARTICLE_EXTENSION}`): Article {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An options object turns off gray-matter's unbounded by-content cache.
    parsed = matter(text, {});
  } catch (error) {
    throw new FeedwrightError('PARSE', `${file}: front matter is not valid YAML`, { stage: 'store', cause: error });
  }
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const extra: ArticleExtra = {};
  for (const key of EXTRA_KEYS) {
    const value = asString(data[key]);
    if (value !== undefined) (extra as Record<string, string>)[key] = value;
  }
  return {
    slug,
    title: asString(data.title)?.trim() || slug,
    date: normalizeDate(data.date),
    excerpt: asString(data.excerpt) ?? '',
    coverImage: asString(data.coverImage) ?? '',
    author: asString(data.author) ?? '',
    tags: asStringList(data.tags),
    category: asString(data.category) ?? '',
    source: asString(data.source) ?? '',
    extra,
    ...readAlsoFrom(data.alsoFrom),
    body: parsed.content,
  };
}

export function articlePath(dir: string, slug: string): string {
  return join(dir, `${slug}${ARTICLE_EXTENSION}`);
}

export async function readArticleFile(path: string): Promise<Article> {
  const text = await readFile(path, 'utf8');
  return parseArticle(text, basename(path, ARTICLE_EXTENSION), path);
}

/**
 * Article files in `dir`, sorted by name; a missing folder has none. A symlink whose real
 * path leaves `dir` (or that leads nowhere) is not an article: it is left out and passed
 * to `onRefused`, so an outside file is never published (issue 13).
 */
export async function listArticleFiles(dir: string, onRefused?: (path: string) => void): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const named = entries.filter((entry) => entry.name.endsWith(ARTICLE_EXTENSION) && !entry.name.startsWith('.'));
  const files: string[] = [];
  for (const entry of named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (!entry.isSymbolicLink() || (await isInsideRealFolder(dir, path))) files.push(path);
    else onRefused?.(path);
  }
  return files;
}

/** A hash of an article file's bytes: what feedwright wrote, to tell an editor's hand from its own (issue 16). */
/**
 * The hash of a file as feedwright wrote it from its entry (the editor-wins check, issue
 * 16): `alsoFrom`, which feedwright adds later when another source carries the story, is
 * left out, so a merged file is still "ours" and an update rewrites it (keeping alsoFrom).
 */
export function hashArticleText(text: string): string {
  if (!/^alsoFrom:/m.test(text)) return hashId(text, 32);
  const { alsoFrom: _alsoFrom, ...article } = parseArticle(text, 'hash');
  return hashId(serializeArticle(article), 32);
}

/** Writes the file; `fileHash` is hashArticleText of what was written. */
export async function writeArticle(dir: string, article: Article): Promise<{ path: string; fileHash: string }> {
  const path = articlePath(dir, article.slug);
  const text = serializeArticle(article);
  await writeFileAtomic(path, text, { root: dir });
  return { path, fileHash: hashArticleText(text) };
}
