// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/), read directly: 1.0's
// `author` and 1.1's `authors`, `content_html` over `content_text`, `image`,
// `banner_image` and attachments. URLs resolve against `home_page_url`, then the final URL.

import type { FeedItem, MediaRef, ParsedFeed } from '../types.js';
import { FeedwrightError } from '../lib/errors.js';
import { resolveUrl } from '../lib/url.js';
import { finishItem } from './finish-item.js';
import { parseDate } from './parse-date.js';
import { toPlainText } from '../lib/text.js';
import { escapeHtmlKeepingQuotes } from '../lib/xml-text.js';

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
const obj = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function parseJsonFeed(text: string, url: string, maxItems: number): ParsedFeed {
  let data: Json | undefined;
  try {
    data = obj(JSON.parse(text));
  } catch (error) {
    throw new FeedwrightError('PARSE', `Invalid JSON Feed: ${(error as Error).message}`, {
      stage: 'parse',
      url,
      cause: error,
    });
  }
  const version = str(data?.version);
  if (!data || !version?.includes('jsonfeed.org/version/')) {
    throw new FeedwrightError('NOT_A_FEED', 'JSON document is not a JSON Feed (no jsonfeed.org version)', {
      stage: 'parse',
      url,
    });
  }
  const base = resolveUrl(str(data.home_page_url), url) ?? url;
  const items = list(data.items)
    .map(obj)
    .filter((item): item is Json => Boolean(item))
    .slice(0, maxItems);
  const feed: ParsedFeed = {
    format: 'json',
    version: `json ${/version\/([\d.]+)/.exec(version)?.[1] ?? '1'}`,
    items: items.map((item) => readJsonItem(item, base)),
  };
  const title = toPlainText(str(data.title));
  if (title) feed.title = title;
  const link = resolveUrl(str(data.home_page_url), url);
  if (link) feed.link = link;
  const description = str(data.description);
  if (description) feed.description = description;
  const language = str(data.language);
  if (language) feed.language = language;
  return feed;
}

function readAuthors(item: Json): string[] {
  const people = [...list(item.authors), item.author].map(obj).filter((p): p is Json => Boolean(p));
  return people.map((p) => str(p.name) ?? str(p.url)).filter((n): n is string => Boolean(n));
}

function readJsonItem(item: Json, base: string): FeedItem {
  const media: MediaRef[] = [];
  for (const key of ['image', 'banner_image']) {
    const url = resolveUrl(str(item[key]), base);
    if (url) media.push({ url, medium: 'image' });
  }
  const enclosures: MediaRef[] = [];
  for (const attachment of list(item.attachments).map(obj)) {
    const url = resolveUrl(str(attachment?.url), base);
    if (!url || !attachment) continue;
    const ref: MediaRef = { url };
    if (str(attachment.mime_type)) ref.type = str(attachment.mime_type);
    if (typeof attachment.size_in_bytes === 'number' && attachment.size_in_bytes > 0)
      ref.length = attachment.size_in_bytes;
    if (str(attachment.title)) ref.title = str(attachment.title);
    enclosures.push(ref);
  }
  const text = str(item.content_text);
  return finishItem({
    guid: str(item.id),
    url: resolveUrl(str(item.url), base) ?? resolveUrl(str(item.external_url), base),
    title: str(item.title),
    published: parseDate(str(item.date_published)),
    updated: parseDate(str(item.date_modified)),
    authors: readAuthors(item),
    categories: list(item.tags)
      .map(str)
      .filter((t): t is string => Boolean(t)),
    summary: str(item.summary),
    contentHtml: str(item.content_html) ?? (text ? `<p>${escapeHtmlKeepingQuotes(text)}</p>` : undefined),
    media,
    enclosures,
  });
}
