import type { FeedItem } from '../../types.js';
import { decodeText } from '../decode-entities.js';
import { jsonLdText } from './json-ld.js';
import { firstJsonLd, firstMeta } from './read-page-meta.js';
import type { PageMeta } from './read-page-meta.js';

const AUTHOR_METAS = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'byl',
  'twitter:creator',
];

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => jsonLdText(entry)).filter((name): name is string => Boolean(name));
}

function cleanByline(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = decodeText(value).replace(/^by\s+/i, '');
  if (!text || /^(https?:|www\.)/i.test(text) || text.length > 100) return undefined;
  return text;
}

/**
 * The original author, first found of: JSON-LD author(s), author metas (URLs
 * skipped: article:author is often a profile link), the feed item's authors.
 */
export function findByline(page: PageMeta, item?: FeedItem): string | undefined {
  const candidates = [
    namesOf(firstJsonLd(page, 'author')).join(', '),
    firstMeta(page, AUTHOR_METAS.slice(0, 6)),
    item?.authors.join(', '),
    firstMeta(page, AUTHOR_METAS.slice(6)),
  ];
  for (const candidate of candidates) {
    const byline = cleanByline(candidate);
    if (byline) return byline;
  }
  return undefined;
}
