// The id of a published item, which must never change once a reader has seen it.
//
// Choice: `urn:uuid:<name-based UUID>` (RFC 9562 version 5, SHA-1) of `extra.id` if the
// file has one, else of `source`, else of the slug — never of the title, which editors fix.
// Why not the source URL itself: it is someone else's URL (the same page can be re-syndicated,
// or its canonical form fixed by the extractor), an RSS guid that looks like a permalink
// invites readers to treat it as the item's link, and an id built from site.url or feedUrl
// would change when the site moves. A urn:uuid is a valid IRI for Atom's id (RFC 4287
// §4.2.6), unique, opaque and independent of where the feeds are served. An `extra.id`
// that is already an absolute URI (`tag:`, `urn:`, `https:`) is used as it is.

import { createHash } from 'node:crypto';
import type { Article } from '../types.js';

/** RFC 9562 namespace for URLs (6ba7b811-...). */
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** A version 5 (SHA-1, name-based) UUID of `name` in the URL namespace. */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isAbsoluteUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The stable id of the feed item made from `article`. */
export function resolveItemId(article: Pick<Article, 'slug' | 'source' | 'extra'>): string {
  const own = article.extra.id?.trim();
  if (own && isAbsoluteUri(own)) return own;
  const key = own || article.source.trim() || `slug:${article.slug}`;
  return `urn:uuid:${uuidV5(key)}`;
}
