// The last step every format shares: canonical URL, stable id, title fallback, dedupe.
// Ids follow Miniflux: a hash of the GUID, else of the canonical link, else of title
// plus date, so the same entry gets the same id on every run. The id is unique within its
// feed only: the pipeline scopes it to the source (state/seen-items.ts).

import type { FeedItem, MediaRef } from '../types.js';
import { hashId } from '../lib/hash.js';
import { canonicalizeUrl } from '../lib/url.js';
import { firstWords, toPlainText } from '../lib/text.js';

/** One entry as a reader found it: URLs already absolute, text not yet cleaned, no id yet. */
export type RawItem = Omit<FeedItem, 'id' | 'title'> & { title?: string };

export const TITLE_FALLBACK_WORDS = 10;
/**
 * A feed title longer than this (UTF-16 units) is hostile or broken: cut, so no later stage
 * copies megabytes. A safety cap, not the stored title's length (classify's
 * MAX_ARTICLE_TITLE_CHARS, 300 code points with "...").
 */
export const MAX_FEED_TITLE_CHARS = 1_000;

function limitTitle(title: string): string {
  return title.length <= MAX_FEED_TITLE_CHARS
    ? title
    : title.slice(0, MAX_FEED_TITLE_CHARS).replace(/[\ud800-\udbff]$/, '');
}

export function finishItem(raw: RawItem): FeedItem {
  const url = raw.url ? canonicalizeUrl(raw.url) : undefined;
  const guid = raw.guid?.trim() || undefined;
  const title = limitTitle(toPlainText(raw.title)) || findFallbackTitle(raw, url);
  const published = raw.published ?? raw.updated;
  const id = hashId(
    guid ? `guid:${guid}` : url ? `url:${url}` : `title:${title}|${published ?? ''}|${raw.summary ?? ''}`,
  );
  const item: FeedItem = {
    id,
    title,
    authors: dedupe(raw.authors),
    categories: dedupe(raw.categories),
    media: dedupeMedia(raw.media),
    enclosures: dedupeMedia(raw.enclosures),
  };
  if (guid) item.guid = guid;
  if (url) item.url = url;
  if (published) item.published = published;
  if (raw.updated) item.updated = raw.updated;
  if (raw.summary?.trim()) item.summary = raw.summary.trim();
  if (raw.contentHtml?.trim()) item.contentHtml = raw.contentHtml.trim();
  return item;
}

function findFallbackTitle(raw: RawItem, url: string | undefined): string {
  const text = toPlainText(raw.summary) || toPlainText(raw.contentHtml);
  if (text) return firstWords(text, TITLE_FALLBACK_WORDS);
  return url ?? 'Untitled';
}

/** Trimmed, whitespace-collapsed, case-insensitively unique, in first-seen order. */
export function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const clean = toPlainText(value);
    const key = clean.toLowerCase();
    if (!clean || seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
  }
  return out;
}

function dedupeMedia(refs: MediaRef[]): MediaRef[] {
  const byUrl = new Map<string, MediaRef>();
  for (const ref of refs) {
    const known = byUrl.get(ref.url);
    byUrl.set(ref.url, known ? { ...ref, ...known } : ref);
  }
  return [...byUrl.values()];
}
