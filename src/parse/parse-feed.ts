// Stage `parse`: a decoded feed document to a ParsedFeed of normalized FeedItems.
// Contract:
// - the format comes from the content alone (never the URL or Content-Type): JSON
//   starting with `{` is JSON Feed 1.0/1.1; a root <rss>, <rdf:RDF> or <feed> (Atom 0.3
//   and 1.0) is XML; anything else, an HTML page included, is NOT_A_FEED;
// - XML goes to rss-parser first; a document it rejects is repaired (HTML entities, bare
//   `&`, control characters) and retried, then read by a tolerant cheerio reader, so a
//   broken feed a browser-grade reader would show still gives its items; nothing readable
//   is PARSE;
// - at most MAX_ITEMS items are taken, so a hostile 100k-item feed stays bounded;
// - every FeedItem has a stable id, absolute URLs, ISO UTC dates and a non-empty title.
// Pure: no I/O. `url` is the final URL the document was fetched from (relative links).

import type { ParsedFeed } from '../types.js';
import { FeedwrightError, describeError, isFeedwrightError } from '../lib/errors.js';
import { parseJsonFeed } from './json-feed.js';
import { normalizeXmlFeed } from './normalize-xml-feed.js';
import { readWithRssParser } from './read-with-rss-parser.js';
import { readXmlTolerant } from './read-xml-tolerant.js';
import { repairXml } from './repair-xml.js';
import { findRootElement, type RootElement } from './find-root-element.js';

export const MAX_ITEMS = 1_000;

export interface ParseFeedOptions {
  /** The final URL (after redirects) the document came from. */
  url: string;
  /** Items taken from the top of the feed; defaults to MAX_ITEMS. */
  maxItems?: number;
}

export function parseFeed(text: string, options: ParseFeedOptions): ParsedFeed {
  const { url } = options;
  const maxItems = Math.min(options.maxItems ?? MAX_ITEMS, MAX_ITEMS);
  const body = text.replace(/^\ufeff/, '');
  if (/^\s*$/.test(body))
    throw new FeedwrightError('NOT_A_FEED', 'Empty document: not a feed', { stage: 'parse', url });
  if (/^\s*[{[]/.test(body)) return parseJsonFeed(body.trim(), url, maxItems);
  const root = findRootElement(body);
  if (root.kind !== 'feed') {
    throw new FeedwrightError('NOT_A_FEED', `Not a feed: ${root.reason}`, { stage: 'parse', url });
  }
  try {
    return normalizeXmlFeed(readXml(body.slice(root.start), root, url, maxItems), url, maxItems);
  } catch (error) {
    if (isFeedwrightError(error)) throw error;
    // A library giving up on hostile input (e.g. a stack overflow on 5,000 nested
    // elements) is an unreadable feed, not a crash.
    throw new FeedwrightError('PARSE', `Unreadable <${root.name}> document: ${describeError(error)}`, {
      stage: 'parse',
      url,
      cause: error,
    });
  }
}

function readXml(xml: string, root: RootElement & { kind: 'feed' }, url: string, maxItems: number) {
  let firstError: unknown;
  try {
    return readWithRssParser(xml, root);
  } catch (error) {
    firstError = error;
  }
  const repaired = repairXml(xml);
  try {
    return readWithRssParser(repaired, root);
  } catch {
    // fall through to the tolerant reader, which never rejects well-nested-enough input
  }
  const tolerant = readXmlTolerant(repaired, root, maxItems);
  if (!tolerant) {
    throw new FeedwrightError('PARSE', `Unreadable <${root.name}> document: ${describeError(firstError)}`, {
      stage: 'parse',
      url,
      cause: firstError,
    });
  }
  return tolerant;
}
