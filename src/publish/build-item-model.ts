// Article (front matter + body) → ItemModel: link, stable id, date, cover with a MIME type
// only when one is known, sanitized content, categories.

import sanitizeHtml from 'sanitize-html';
import type { ResolvedConfig } from '../config/index.js';
import { hashId } from '../lib/hash.js';
import { capMarkdown } from '../lib/cap-markdown.js';
import { resolveUrl } from '../lib/url.js';
import { findPublishedTime, toHeadText } from '../store/index.js';
import type { Article } from '../types.js';
import type { CoverImage, ItemModel } from './feed-model.js';
import { findImageType } from './image-type.js';
import { resolveItemId } from './item-id.js';
import { renderAlsoFrom } from './render-also-from.js';
import { renderContent } from './render-content.js';
import { makeExcerpt } from '../lib/make-excerpt.js';
import { escapeHtml, stripInvalidXmlChars } from '../lib/xml-text.js';

const CONTENT_CUT_NOTE = '_The article was cut here for the feed; the whole article is at its link._';

/** The offsets a day-only article's `updated` may take: the milliseconds of its day's first second. */
const OFFSET_MS = 1000;

/**
 * Atom's `updated`: the full timestamp when the article has one; an article that carries
 * only a day gets a millisecond of that day's first second chosen by its id, so same-day
 * articles do not all meet at midnight (the validator's DuplicateUpdated), each keeps its
 * value whatever else is published beside it, and none lies later in the day (never
 * after the time a reader sees it).
 */
function findUpdatedTime(article: Pick<Article, 'extra'>, timeMs: number, id: string): number {
  if (!Number.isNaN(findPublishedTime(article))) return timeMs;
  return timeMs + (Number.parseInt(hashId(id, 8), 16) % OFFSET_MS);
}

/** The article's `updated` (an edit at the source, issue 16) when it is a real time not before its publication. */
function findModifiedTime(article: Pick<Article, 'extra'>, timeMs: number): Date | undefined {
  const ms = article.extra.updated ? Date.parse(article.extra.updated) : Number.NaN;
  return Number.isNaN(ms) || ms < timeMs ? undefined : new Date(ms);
}

/** The item's link: site.articleUrl with the slug, else the source, else the site. */
export function resolveItemLink(article: Pick<Article, 'slug' | 'source'>, site: ResolvedConfig['site']): string {
  const own = site.articleUrl
    ? resolveUrl(site.articleUrl.replaceAll('{slug}', encodeURIComponent(article.slug)))
    : undefined;
  return own ?? resolveUrl(article.source) ?? site.url;
}

function findCover(article: Article): CoverImage | undefined {
  const url = resolveUrl(stripInvalidXmlChars(article.coverImage));
  if (!url) return undefined;
  const type = findImageType(url);
  return type ? { url, type } : { url };
}

function uniqueCategories(article: Article): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of [article.category, ...article.tags].map(toHeadText)) {
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

function summarize(excerpt: string, contentHtml: string, title: string): string {
  const own = toHeadText(excerpt);
  if (own) return own;
  const text = toHeadText(sanitizeHtml(contentHtml, { allowedTags: [], allowedAttributes: {} }));
  if (!text) return title;
  return makeExcerpt(text);
}

/** The feed item for one article; `timeMs` is findArticleTime's (already checked) result. */
export function buildItemModel(article: Article, timeMs: number, site: ResolvedConfig['site']): ItemModel {
  const link = resolveItemLink(article, site);
  const title = toHeadText(article.title) || article.slug;
  // Bounded (issue 13): site.maxContentChars of the body, cut at a block, with a note.
  const body = capMarkdown(article.body, site.maxContentChars, CONTENT_CUT_NOTE).markdown;
  const rendered = renderContent(body, resolveUrl(article.source) ?? link);
  const summary = summarize(article.excerpt, rendered, title);
  const contributor = article.extra.originalAuthor ? toHeadText(article.extra.originalAuthor) : '';
  const id = resolveItemId(article);
  const modified = findModifiedTime(article, timeMs);
  return {
    id,
    title,
    link,
    date: new Date(timeMs),
    updated: modified ?? new Date(findUpdatedTime(article, timeMs, id)),
    ...(modified ? { modified } : {}),
    summary,
    contentHtml: (rendered || `<p>${escapeHtml(summary)}</p>`) + renderAlsoFrom(article.alsoFrom),
    cover: findCover(article),
    author: toHeadText(site.author),
    ...(contributor ? { contributor } : {}),
    categories: uniqueCategories(article),
  };
}
