import { decodeText } from '../decode-entities.js';
import { jsonLdText, typesOf } from './json-ld.js';
import { firstJsonLd, firstMeta } from './read-page-meta.js';
import type { PageMeta } from './read-page-meta.js';

/** The publication's name: og:site_name, JSON-LD publisher, application-name, JSON-LD WebSite. */
export function findSiteName(page: PageMeta): string | undefined {
  const website = page.graph.find((node) => typesOf(node).includes('WebSite'));
  const candidates = [
    firstMeta(page, ['og:site_name']),
    jsonLdText(firstJsonLd(page, 'publisher')),
    firstMeta(page, ['application-name', 'apple-mobile-web-app-title', 'twitter:site']),
    jsonLdText(website?.name),
  ];
  for (const candidate of candidates) {
    const text = candidate ? decodeText(candidate).replace(/^@/, '') : '';
    if (text) return text;
  }
  return undefined;
}
