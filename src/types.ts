// The plain objects that move between pipeline stages (STYLE.md "Shape"). Library
// types (rss-parser's items, cheerio nodes, got responses) never cross a stage boundary.

/** An undecoded body (decode-body.ts turns it into text). */
export interface RawBody {
  bytes: Uint8Array;
  /** The raw Content-Type header, charset parameter included. */
  contentType?: string;
}

/** What `fetch` returns for one URL. */
export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Media type without parameters, lowercased (`application/rss+xml`), if sent. */
  contentType?: string;
  /** The charset the body was decoded from (`utf-8`, `windows-1251`, ...). */
  charset?: string;
  etag?: string;
  lastModified?: string;
  /** Seconds from Cache-Control max-age or Expires, when the server gave one. */
  maxAgeSec?: number;
  /** The decoded body; empty when notModified. */
  body: string;
  /** True on 304 Not Modified: nothing to parse. */
  notModified: boolean;
  durationMs: number;
}

/** One fetch as the metrics count it (HttpClientOptions.recordFetch): retries and redirects included. */
export interface FetchObservation {
  /** `form`: a form POST (the WebSub ping). */
  kind: 'feed' | 'page' | 'form';
  /** `ok`, `not_modified`, `aborted`, or the error's code in lower case (`timeout`, `http_status`, ...). */
  outcome: string;
  /** The last HTTP status answered, when there was one. */
  status?: number;
  durationMs: number;
}

/**
 * A page fetched as bytes (HttpClient.fetchPage): its body's bytes and Content-Type header,
 * decoded where the page is parsed (the extraction worker), so its text never lands in
 * the fetching thread's heap.
 */
export interface PageFetchResult extends Omit<FetchResult, 'body' | 'charset' | 'notModified'> {
  raw: RawBody;
}

export interface MediaRef {
  url: string;
  type?: string;
  medium?: string;
  width?: number;
  height?: number;
  length?: number;
  title?: string;
}

/** One normalized feed entry, whatever format it came from. */
export interface FeedItem {
  /**
   * Stable id. From `parse`: a hash of the GUID, else of the canonical link, else of title,
   * date and summary, unique within its feed; the pipeline then scopes it to the source
   * (state/seen-items.ts), and every later stage reads the scoped id.
   */
  id: string;
  /** The GUID / atom:id / JSON Feed id as the feed gave it. */
  guid?: string;
  /** Absolute article URL (feedburner:origLink preferred), tracking parameters removed. */
  url?: string;
  /** Headline, entities decoded, whitespace collapsed; never empty (a fallback is made). */
  title: string;
  /** Publication (else update) date, ISO 8601 in UTC. */
  published?: string;
  updated?: string;
  authors: string[];
  categories: string[];
  /** Short description / summary as HTML or text. */
  summary?: string;
  /** Full content HTML (content:encoded, atom:content, content_html). */
  contentHtml?: string;
  /** Media RSS content/thumbnails and images, absolute URLs. */
  media: MediaRef[];
  enclosures: MediaRef[];
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  /** `rss 2.0`, `atom 1.0`, `json 1.1` ... */
  version?: string;
  title?: string;
  link?: string;
  description?: string;
  language?: string;
  /** Minimum polling interval the feed asks for (RSS ttl, sy:updatePeriod/Frequency), seconds. */
  minIntervalSec?: number;
  items: FeedItem[];
}

/** How the body was found: a rule, the generic scoring, one of its fallbacks (issue 12), or the feed. */
export type ExtractionMethod = 'site-rule' | 'source-rule' | 'generic' | 'json-ld' | 'relaxed' | 'readability' | 'feed';

/** What `extract` makes of one article page (or of the feed item when the page fails). */
export interface ExtractedArticle {
  title: string;
  /** ISO 8601 UTC. */
  published?: string;
  byline?: string;
  siteName?: string;
  /** Absolute URL of the lead image, if the page or feed has a usable one. */
  coverImage?: string;
  /** Canonical URL (link rel=canonical / og:url), tracking parameters removed. */
  canonicalUrl?: string;
  /** The URL the page was read from, after redirects. */
  finalUrl?: string;
  /** Clean Markdown body. */
  markdown: string;
  /** The body's plain text (for the excerpt and classification). */
  text: string;
  method: ExtractionMethod;
  /** The rule used: the host key for a site rule, `source` for a source rule. */
  rule?: string;
  /** Why a fallback was taken, when one was. */
  fallbackReason?: string;
}

/** The article as stored: DESIGN.md's front matter plus the Markdown body. */
export interface Article {
  slug: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  excerpt: string;
  coverImage: string;
  author: string;
  tags: string[];
  category: string;
  source: string;
  /** Extra front-matter fields written after `source`, in this order when present. */
  extra: ArticleExtra;
  /** Other sources that carried the same story (issue 16), written last: `alsoFrom`. */
  alsoFrom?: AlsoFromSource[];
  body: string;
}

/** A source whose near copy of an article was merged into it. */
export interface AlsoFromSource {
  name: string;
  /** The article's URL at that source, absolute http(s). */
  url: string;
}

/** What `classify` hands to `store`: the article before the store gives it its slug. */
export type ClassifiedArticle = Omit<Article, 'slug'>;

export interface ArticleExtra {
  originalAuthor?: string;
  /** Full ISO 8601 timestamp of publication. */
  published?: string;
  /** Full ISO 8601 timestamp of the last edit at the source; only on a file rewritten for one (issue 16). */
  updated?: string;
  sourceName?: string;
  /** Stable id of the published feed item; never changes once written. */
  id?: string;
  extraction?: ExtractionMethod;
  /** The classification rule that chose the category, e.g. `keyword:funding`. */
  categoryRule?: string;
}
