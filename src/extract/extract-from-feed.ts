// The fallback body: the feed item's own content (content:encoded / content / summary),
// cleaned exactly like a page's content. Method 'feed'.

import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import { canonicalizeUrl } from '../lib/url.js';
import type { ExtractedArticle, FeedItem } from '../types.js';
import { cleanContent } from './clean-content.js';
import { findCoverImage } from './find-cover-image.js';
import { toIsoDate } from './find-published-date.js';
import { collapseWhitespace, loadDocument } from './load-document.js';
import { prepareDocument } from './prepare-document.js';
import type { PageMeta } from './read-page-meta.js';
import { renderBody } from './render-body.js';
import type { RenderedBody } from './render-body.js';

const NO_PAGE: PageMeta = { jsonLd: [], graph: [], meta: new Map(), times: [], baseUrl: '' };

/** The feed item's content (or summary) as a cleaned body. */
export function renderFeedBody(item: FeedItem): RenderedBody {
  const html = item.contentHtml?.trim() || item.summary?.trim() || '';
  if (!html) return { markdown: '', text: '', images: [] };
  const $ = loadDocument(`<body><div>${html}</div></body>`);
  const baseUrl = item.url ?? 'https://invalid.invalid/';
  prepareDocument($, baseUrl);
  const root = $('body > div').first() as Cheerio<Element>;
  cleanContent($, root, { title: item.title, conditional: false });
  return renderBody($, root, baseUrl);
}

export function extractFromFeed(item: FeedItem, reason?: string): ExtractedArticle {
  const body = renderFeedBody(item);
  const page = { ...NO_PAGE, baseUrl: item.url ?? '' };
  return {
    title: collapseWhitespace(item.title),
    published: toIsoDate(item.published) ?? toIsoDate(item.updated),
    byline: item.authors.length > 0 ? item.authors.join(', ') : undefined,
    coverImage: findCoverImage(page, item, body.images),
    canonicalUrl: item.url ? canonicalizeUrl(item.url) : undefined,
    finalUrl: item.url,
    markdown: body.markdown,
    text: body.text,
    method: 'feed',
    ...(reason ? { fallbackReason: reason } : {}),
  };
}
