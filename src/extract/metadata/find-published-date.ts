import type { FeedItem } from '../../types.js';
import { jsonLdText } from './json-ld.js';
import { firstJsonLd, firstMeta } from './read-page-meta.js';
import type { PageMeta } from './read-page-meta.js';

const DATE_METAS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'published_time',
  'publish-date',
  'pubdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'dcterms.issued',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
];

/** ISO 8601 UTC for a date string, or undefined when it is not a plausible date. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!/\d{4}|\d{1,2}\s+\w+\s+\d{2}/.test(trimmed)) return undefined;
  const date = new Date(/^\d{10}$/.test(trimmed) ? Number(trimmed) * 1000 : trimmed);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1970 || year > 2200) return undefined;
  return date.toISOString();
}

/**
 * Publication date, first found of: a rule's date selector value, JSON-LD
 * datePublished/dateCreated, published-time metas, the first <time datetime>, the
 * feed item's date, JSON-LD dateModified. ISO 8601 UTC.
 */
export function findPublishedDate(page: PageMeta, item?: FeedItem, ruleDate?: string): string | undefined {
  const candidates = [
    ruleDate,
    jsonLdText(firstJsonLd(page, 'datePublished')),
    jsonLdText(firstJsonLd(page, 'dateCreated')),
    firstMeta(page, DATE_METAS),
    page.times[0],
    item?.published,
    jsonLdText(firstJsonLd(page, 'dateModified')),
    item?.updated,
  ];
  for (const candidate of candidates) {
    const iso = toIsoDate(candidate);
    if (iso) return iso;
  }
  return undefined;
}
