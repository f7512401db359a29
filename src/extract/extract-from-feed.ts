// The fallback body: the feed item's own content (content:encoded / content / summary),
// cleaned exactly like a page's content. Method 'feed'.

import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import { canonicalizeUrl } from '../lib/url.js';
import type { ExtractedArticle, FeedItem } from '../types.js';
import type { SiteRule } from '../config/index.js';
import { stripRuleBlocks } from './content/apply-site-rule.js';
import { cleanContent } from './content/clean-content.js';
import { findCoverImage } from './metadata/find-cover-image.js';
import { toIsoDate } from './metadata/find-published-date.js';
import { collapseWhitespaceAndZeroWidth } from '../lib/text.js';
import { loadDocument } from './load-document.js';
import { prepareDocument } from './content/prepare-document.js';
import type { PageMeta } from './metadata/read-page-meta.js';
import { renderBody } from './render-body.js';
import type { RenderedBody } from './render-body.js';

const NO_PAGE: PageMeta = { jsonLd: [], graph: [], meta: new Map(), times: [], baseUrl: '' };

/**
 * The feed item's content (or summary) as a cleaned body. The site's rule, when there is
 * one, strips the same promos from the feed's copy as from the page.
 */
export function renderFeedBody(item: FeedItem, rule?: SiteRule): RenderedBody {
  const html = item.contentHtml?.trim() || item.summary?.trim() || '';
  if (!html) return { markdown: '', text: '', images: [] };
  const $ = loadDocument(`<body><div>${html}</div></body>`);
  const baseUrl = item.url ?? 'https://invalid.invalid/';
  prepareDocument($, baseUrl);
  const root = $('body > div').first() as Cheerio<Element>;
  if (rule) stripRuleBlocks($, root, rule);
  cleanContent($, root, { title: item.title, conditional: false });
  return renderBody($, root, baseUrl);
}

/**
 * renderFeedBody, or, when the libraries under it give up on hostile markup (a stack
 * overflow on thousands of nested elements, a table row without a table), the content's
 * bare text: the item is still stored rather than failing again on every run.
 */
function renderFeedBodySafely(item: FeedItem, rule?: SiteRule): RenderedBody {
  try {
    return renderFeedBody(item, rule);
  } catch {
    const html = item.contentHtml || item.summary || '';
    const text = collapseWhitespaceAndZeroWidth(html.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ').replace(/[<>]/g, ' '));
    return { markdown: text.replace(/[\\`*_[\]#|~]/g, '\\$&'), text, images: [] };
  }
}

export function extractFromFeed(item: FeedItem, reason?: string, rule?: SiteRule): ExtractedArticle {
  const body = renderFeedBodySafely(item, rule);
  const page = { ...NO_PAGE, baseUrl: item.url ?? '' };
  return {
    title: collapseWhitespaceAndZeroWidth(item.title),
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
