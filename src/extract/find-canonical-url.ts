import { canonicalizeUrl, resolveUrl } from '../lib/url.js';
import { firstMeta } from './read-page-meta.js';
import type { PageMeta } from './read-page-meta.js';

/** <link rel=canonical>, else og:url, else the final URL; absolute, tracking parameters removed. */
export function findCanonicalUrl(page: PageMeta, finalUrl: string): string {
  const candidates = [page.canonicalLink, firstMeta(page, ['og:url', 'twitter:url'])];
  for (const candidate of candidates) {
    const url = resolveUrl(candidate, page.baseUrl);
    if (url) return canonicalizeUrl(url);
  }
  return canonicalizeUrl(finalUrl);
}
