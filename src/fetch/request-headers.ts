// The headers every fetch sends: a User-Agent naming feedwright and the site it works for
// (so a publisher knows who is polling and where to complain), an Accept suited to the
// resource kind, and the conditional-GET validators from the last fetch.

import { VERSION } from '../lib/version.js';
import type { ResourceKind } from './read-response.js';

const ACCEPT: Record<ResourceKind, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
};

/** `feedwright/0.1.0 (+https://aivibe.example; AIVibe)`, unless fetch.userAgent overrides it. */
export function buildUserAgent(override: string | undefined, site: { title: string; url: string }): string {
  if (override) return toHeaderText(override);
  return `feedwright/${VERSION} (+${toHeaderText(site.url)}; ${toHeaderText(site.title)})`;
}

/** Header values must be visible ASCII: drop what Node would refuse to send. */
function toHeaderText(value: string): string {
  return value
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildRequestHeaders(
  userAgent: string,
  options: { kind: ResourceKind; etag?: string; lastModified?: string },
): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: ACCEPT[options.kind] };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}
