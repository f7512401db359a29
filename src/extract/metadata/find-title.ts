import type { FeedItem } from '../../types.js';
import { decodeText } from '../decode-entities.js';
import { jsonLdText } from './json-ld.js';
import { firstJsonLd, firstMeta } from './read-page-meta.js';
import type { PageMeta } from './read-page-meta.js';

/**
 * The headline, first found of: a rule's title selector text, JSON-LD headline/name,
 * og:title, twitter:title, other title metas, the feed item's title, the first <h1>,
 * the document <title>. Entities decoded, whitespace collapsed.
 */
export function findTitle(page: PageMeta, item?: FeedItem, ruleTitle?: string): string | undefined {
  const candidates = [
    ruleTitle,
    jsonLdText(firstJsonLd(page, 'headline')),
    firstMeta(page, ['og:title', 'twitter:title', 'title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title']),
    jsonLdText(page.jsonLd.find((node) => node.name)?.name),
    item?.title,
    page.heading,
    page.documentTitle,
  ];
  for (const candidate of candidates) {
    const text = candidate ? decodeText(candidate) : '';
    if (text) return text;
  }
  return undefined;
}
