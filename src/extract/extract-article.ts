// The extract stage: one fetched article page in (its text, or its bytes and Content-Type,
// decoded here), one ExtractedArticle out. Pure and synchronous (the pool runs it off the
// event loop).
//
// Body: the source's own rule, then the host table (only for the final URL's host),
// then the generic extractor, judged against the page and, when it looks wrong, the
// fallback chain (JSON-LD articleBody, relaxed scoring, Readability: find-fallback-body.ts);
// the feed item's own content when the page yields nothing or less text than the feed
// has. `method` records the method that won, `fallbackReason` why the others lost.
// Metadata: one `find…` fallback chain per field (JSON-LD, OpenGraph, Twitter cards,
// metas, <time>, then the feed item). Bodies are sanitized before Markdown.

import type { CheerioAPI } from 'cheerio';
import type { SiteRule } from '../config/index.js';
import type { ExtractedArticle, ExtractionMethod, FeedItem, RawBody } from '../types.js';
import { decodeBody, decodeBodyPieces } from '../lib/decode-body.js';
import { describeError, FeedwrightError, isFeedwrightError } from '../lib/errors.js';
import { applySiteRule, findSiteRule, readRuleField, type ChosenRule } from './content/apply-site-rule.js';
import { cleanContent } from './content/clean-content.js';
import { renderFeedBody } from './extract-from-feed.js';
import { findByline } from './metadata/find-byline.js';
import { findCanonicalUrl, findDeclaredUrl } from './metadata/find-canonical-url.js';
import { findCoverImage } from './metadata/find-cover-image.js';
import { findFallbackBody } from './content/find-fallback-body.js';
import type { FallbackContext } from './content/find-fallback-body.js';
import { findMainContent } from './content/find-main-content.js';
import { findPublishedDate } from './metadata/find-published-date.js';
import { findSiteName } from './metadata/find-site-name.js';
import { findTitle } from './metadata/find-title.js';
import { findBodyProblem } from './content/judge-body.js';
import { loadDocument } from './load-document.js';
import { prepareDocument } from './content/prepare-document.js';
import { readPageMeta } from './metadata/read-page-meta.js';
import { renderBody } from './render-body.js';
import type { RenderedBody } from './render-body.js';

export interface ExtractInput {
  /** The page's text, or its bytes as fetched (decoded here, off the fetching thread). */
  html: string | RawBody;
  /** Final URL after redirects. */
  url: string;
  /**
   * A saved page read without its address (`feedwright extract` without --url): the URL the
   * page declares for itself (canonical, og:url) replaces `url` when it has one, so its
   * links resolve and its host's rule applies.
   */
  preferDeclaredUrl?: boolean;
  item?: FeedItem;
  siteRules: Record<string, SiteRule>;
  sourceRule?: SiteRule;
}

interface ChosenBody {
  body: RenderedBody;
  method: ExtractionMethod;
  rule?: string;
  fallbackReason?: string;
}

function chooseBody(
  $: CheerioAPI,
  chosen: ChosenRule | undefined,
  context: Omit<FallbackContext, 'pageTextLength'>,
): ChosenBody {
  const { title } = context;
  const baseUrl = context.page.baseUrl;
  let fallbackReason: string | undefined;
  if (chosen) {
    const content = applySiteRule($, chosen.rule);
    if (content) {
      cleanContent($, content, { title, conditional: false });
      const body = renderBody($, content, baseUrl);
      if (body.text) return { body, method: chosen.method, rule: chosen.name };
    }
    fallbackReason = `${chosen.method} ${chosen.name} matched no text`;
  }
  const { content, measurePageText, stats } = findMainContent($);
  if (content) cleanContent($, content, { title, conditional: true, stats });
  const body = content ? renderBody($, content, baseUrl) : { markdown: '', text: '', images: [] };
  let pageTextLength: number | undefined;
  const fallbackContext = { ...context, pageTextLength: () => (pageTextLength ??= measurePageText()) };
  const problem = findBodyProblem(body, fallbackContext.pageTextLength);
  if (!problem) return { body, method: 'generic', ...(fallbackReason ? { fallbackReason } : {}) };
  const fallback = findFallbackBody({ body, method: 'generic', problem }, fallbackContext);
  const why = [...(fallbackReason ? [fallbackReason] : []), ...fallback.rejected].join('; ');
  return { body: fallback.body, method: fallback.method, fallbackReason: why };
}

function preferFeed(chosen: ChosenBody, item: FeedItem | undefined, rule: SiteRule | undefined): ChosenBody {
  if (!item) return chosen;
  const feedBody = renderFeedBody(item, rule);
  if (!feedBody.text || feedBody.text.length <= chosen.body.text.length) return chosen;
  const why = chosen.body.text ? 'page text shorter than feed content' : 'page yielded no text';
  return {
    body: feedBody,
    method: 'feed',
    fallbackReason: chosen.fallbackReason ? `${chosen.fallbackReason}; ${why}` : why,
  };
}

/**
 * The stage's entry: any failure is a FeedwrightError (EXTRACT), never a library's own
 * error, so the caller falls back to the feed content (hostile pages can make turndown
 * or dom-serializer overflow the stack or trip on a table row without a table).
 */
export function extractArticle(input: ExtractInput): ExtractedArticle {
  try {
    return extractArticleUnguarded(input);
  } catch (error) {
    if (isFeedwrightError(error)) throw error;
    throw new FeedwrightError('EXTRACT', `Unable to extract the page: ${describeError(error)}`, {
      stage: 'extract',
      url: input.url,
      cause: error,
    });
  }
}

/** A page given as bytes is decoded a piece at a time into the parser (decode-body.ts). */
function loadPage(html: string | RawBody): CheerioAPI {
  if (typeof html === 'string') return loadDocument(html);
  return loadDocument(decodeBodyPieces(bytesOf(html), html.contentType, 'page').pieces);
}

/** The page's bytes as a Buffer view (no copy): a transferred ArrayBuffer arrives as a plain Uint8Array. */
function bytesOf(raw: RawBody): Buffer {
  return Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength);
}

function readPageText(html: string | RawBody): string {
  if (typeof html === 'string') return html;
  return decodeBody(bytesOf(html), html.contentType, 'page').text;
}

function extractArticleUnguarded(input: ExtractInput): ExtractedArticle {
  const $ = loadPage(input.html);
  const asGiven = readPageMeta($, input.url);
  const declared = input.preferDeclaredUrl ? findDeclaredUrl(asGiven) : undefined;
  const url = declared ?? input.url;
  const page = declared ? readPageMeta($, url) : asGiven;
  const found = findSiteRule(url, input.siteRules, input.sourceRule);
  const chosenRule = found?.rule;
  const title = findTitle(page, input.item, readRuleField($, chosenRule?.title));
  const published = findPublishedDate(page, input.item, readRuleField($, chosenRule?.date));
  prepareDocument($, page.baseUrl);
  const context = { loadPage: () => loadPage(input.html), readHtml: () => readPageText(input.html), page, title };
  const chosen = preferFeed(chooseBody($, found, context), input.item, chosenRule);
  const { body } = chosen;
  return {
    title: title ?? '',
    ...(published ? { published } : {}),
    ...optional('byline', findByline(page, input.item)),
    ...optional('siteName', findSiteName(page)),
    ...optional('coverImage', findCoverImage(page, input.item, body.images)),
    canonicalUrl: findCanonicalUrl(page, url),
    finalUrl: url,
    markdown: body.markdown,
    text: body.text,
    method: chosen.method,
    ...optional('rule', chosen.rule),
    ...optional('fallbackReason', chosen.fallbackReason),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

export { extractFromFeed } from './extract-from-feed.js';
