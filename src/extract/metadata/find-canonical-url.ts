import { canonicalizeUrl, hostKey, resolveUrl } from '../../lib/url.js';
import { firstMeta } from './read-page-meta.js';
import type { PageMeta } from './read-page-meta.js';

/**
 * A page's claim to a canonical URL is trusted only on the page's own site and below its
 * home page: a site whose canonical is its home page (a common mistake) would otherwise make
 * every article one story, and a hostile page could claim another site's or story's URL.
 */
function isTrustedCanonical(candidate: string, finalUrl: string): boolean {
  const claimed = new URL(candidate);
  return hostKey(candidate) === hostKey(finalUrl) && claimed.pathname.replace(/\/+$/, '') !== '';
}

/** <link rel=canonical>, else og:url, else the final URL; absolute, tracking parameters removed. */
export function findCanonicalUrl(page: PageMeta, finalUrl: string): string {
  const candidates = [page.canonicalLink, firstMeta(page, ['og:url', 'twitter:url'])];
  for (const candidate of candidates) {
    const url = resolveUrl(candidate, page.baseUrl);
    if (url && isTrustedCanonical(url, finalUrl)) return canonicalizeUrl(url);
  }
  return canonicalizeUrl(finalUrl);
}

/** The absolute http(s) URL a page declares for itself (canonical link, else og:url), trusted or not: for saved pages. */
export function findDeclaredUrl(page: PageMeta): string | undefined {
  for (const candidate of [page.canonicalLink, firstMeta(page, ['og:url', 'twitter:url'])]) {
    const url = resolveUrl(candidate, page.baseUrl);
    if (url && /^https?:/.test(url)) return url;
  }
  return undefined;
}
