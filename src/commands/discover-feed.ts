// Finds the feed behind a URL an operator typed: the URL itself when it is a feed, else
// the page's <link rel="alternate"> feeds (RSS/Atom first, then JSON Feed; document
// order within each), each fetched and parsed to check it; the first that parses wins.
// Contract: resolves with the feed's final URL, title, format and item count, or rejects
// with the fetch error of the URL itself, or NOT_A_FEED naming the URL when no feed is
// found. Relative hrefs resolve against the page's final URL.

import { load } from 'cheerio';
import type { HttpClient } from '../fetch/index.js';
import { FeedwrightError, describeError, isFeedwrightError } from '../lib/errors.js';
import { keepCredentials, redactUrl, resolveUrl } from '../lib/url.js';
import { parseFeed } from '../parse/index.js';
import type { FetchResult, ParsedFeed } from '../types.js';

export interface DiscoveredFeed {
  feedUrl: string;
  title?: string;
  /** `rss 2.0`, `atom 1.0`, `json 1.1`, ... (else the family: `rss`, `atom`, `json`). */
  format: string;
  items: number;
}

const XML_FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml']);
const JSON_FEED_TYPES = new Set(['application/feed+json', 'application/json']);
/** Candidates tried at most, so a page listing dozens of feeds stays cheap. */
const MAX_CANDIDATES = 5;

function describeFeed(feedUrl: string, feed: ParsedFeed): DiscoveredFeed {
  return {
    feedUrl,
    title: feed.title?.trim() || undefined,
    format: feed.version ?? feed.format,
    items: feed.items.length,
  };
}

function tryParse(result: FetchResult): ParsedFeed | FeedwrightError {
  try {
    return parseFeed(result.body, { url: result.finalUrl });
  } catch (error) {
    if (isFeedwrightError(error)) return error;
    throw error;
  }
}

/** True when the reply is an HTML page: by its Content-Type, else by how its body opens. */
function isHtmlPage(result: FetchResult): boolean {
  if (result.contentType && /html/.test(result.contentType)) return true;
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(result.body.replace(/^\ufeff/, ''));
}

/** The alternate feed links of an HTML page, absolute, XML feeds before JSON ones. */
export function findFeedLinks(html: string, baseUrl: string): string[] {
  const $ = load(html);
  const xml: string[] = [];
  const json: string[] = [];
  $('link[href]').each((_index, element) => {
    const rel = ($(element).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate')) return;
    const type = ($(element).attr('type') ?? '').toLowerCase().split(';')[0].trim();
    const href = resolveUrl($(element).attr('href'), baseUrl);
    if (!href) return;
    if (XML_FEED_TYPES.has(type)) xml.push(href);
    else if (JSON_FEED_TYPES.has(type)) json.push(href);
  });
  return [...new Set([...xml, ...json])];
}

async function tryCandidates(pageUrl: string, candidates: string[], client: HttpClient): Promise<DiscoveredFeed> {
  const problems: string[] = [];
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    try {
      const result = await client.fetchResource(candidate, { kind: 'feed' });
      const parsed = tryParse(result);
      if (!(parsed instanceof FeedwrightError))
        return describeFeed(keepCredentials(candidate, result.finalUrl), parsed);
      problems.push(`${redactUrl(candidate)}: ${parsed.message}`);
    } catch (error) {
      problems.push(`${redactUrl(candidate)}: ${describeError(error)}`);
    }
  }
  throw new FeedwrightError('NOT_A_FEED', `No working feed found at ${redactUrl(pageUrl)}: ${problems.join('; ')}`, {
    stage: 'parse',
    url: pageUrl,
  });
}

export async function discoverFeed(url: string, client: HttpClient): Promise<DiscoveredFeed> {
  const result = await client.fetchResource(url, { kind: 'feed' });
  // The client's final URL has no credentials; the configuration keeps those given.
  const finalUrl = keepCredentials(url, result.finalUrl);
  const parsed = tryParse(result);
  if (!(parsed instanceof FeedwrightError)) return describeFeed(finalUrl, parsed);
  if (parsed.code !== 'NOT_A_FEED') throw parsed;
  if (!isHtmlPage(result)) {
    const type = result.contentType ?? 'no content type';
    throw new FeedwrightError('NOT_A_FEED', `${redactUrl(url)} is neither a feed nor an HTML page (${type})`, {
      stage: 'parse',
      url,
    });
  }
  const candidates = findFeedLinks(result.body, result.finalUrl).map((candidate) => keepCredentials(url, candidate));
  if (candidates.length === 0) {
    const message = `No feed found at ${redactUrl(url)}: the page has no <link rel="alternate"> to an RSS, Atom or JSON feed`;
    throw new FeedwrightError('NOT_A_FEED', message, { stage: 'parse', url });
  }
  return tryCandidates(url, candidates, client);
}
