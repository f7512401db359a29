// A raw RSS / RDF / Atom document (either reader's) to a ParsedFeed. Base URL order:
// xml:base (document, channel, entry, element), else the feed's own link, else the URL
// the feed was fetched from.

import type { FeedItem, ParsedFeed } from '../types.js';
import { resolveUrl } from '../lib/url.js';
import { finishItem } from './finish-item.js';
import { baseOf, findAlternateLink, normalizeEntry, readTextConstruct } from './normalize-entry.js';
import { toPlainText } from '../lib/text.js';
import { attrOf, childText, firstChild, linkNodes, type RawXmlFeed } from './xml-node.js';

const PERIOD_SEC: Record<string, number> = {
  hourly: 3600,
  daily: 86_400,
  weekly: 604_800,
  monthly: 2_592_000,
  yearly: 31_536_000,
};

export function normalizeXmlFeed(raw: RawXmlFeed, finalUrl: string, maxItems: number): ParsedFeed {
  const { channel } = raw;
  const root = { $: raw.rootAttrs };
  const hasXmlBase = attrOf(root, 'xml:base') !== undefined || attrOf(channel, 'xml:base') !== undefined;
  const channelBase = baseOf(channel, baseOf(root, finalUrl));
  const link = findAlternateLink(linkNodes(channel), channelBase);
  const itemBase = hasXmlBase ? channelBase : (resolveUrl(link) ?? finalUrl);
  const items: FeedItem[] = raw.items.slice(0, maxItems).map((entry) => finishItem(normalizeEntry(entry, itemBase)));
  const feed: ParsedFeed = { format: raw.format, version: describeVersion(raw), items };
  const title = toPlainText(readTextConstruct(firstChild(channel, 'title', 'dc:title')));
  const description = toPlainText(
    readTextConstruct(
      firstChild(
        channel,
        'description',
        'subtitle',
        'tagline',
        'info',
        'dc:description',
        'itunes:subtitle',
        'itunes:summary',
      ),
    ),
  );
  const language =
    childText(channel, 'language', 'dc:language') ?? raw.rootAttrs['xml:lang'] ?? attrOf(channel, 'xml:lang');
  const minIntervalSec = findMinIntervalSec(raw);
  if (title) feed.title = title;
  if (link) feed.link = link;
  if (description) feed.description = description;
  if (language) feed.language = language;
  if (minIntervalSec) feed.minIntervalSec = minIntervalSec;
  return feed;
}

function describeVersion(raw: RawXmlFeed): string {
  if (raw.format === 'atom') {
    const ns = raw.rootAttrs.xmlns ?? '';
    return raw.rootAttrs.version === '0.3' || ns.includes('purl.org/atom') ? 'atom 0.3' : 'atom 1.0';
  }
  if (raw.format === 'rdf')
    return Object.values(raw.rootAttrs).some((v) => v.includes('my.netscape.com/rdf/simple/0.9'))
      ? 'rss 0.90'
      : 'rss 1.0';
  const version = raw.version?.trim() || '2.0';
  return `rss ${version.startsWith('2') ? '2.0' : version}`;
}

/** RSS `<ttl>` (minutes) and sy:updatePeriod / sy:updateFrequency, the larger wins. */
export function findMinIntervalSec(raw: RawXmlFeed): number | undefined {
  const ttlMinutes = Number(childText(raw.channel, 'ttl'));
  const ttl = Number.isFinite(ttlMinutes) && ttlMinutes > 0 ? Math.round(ttlMinutes * 60) : 0;
  const period = PERIOD_SEC[(childText(raw.channel, 'sy:updatePeriod') ?? '').toLowerCase()];
  const frequency = Number(childText(raw.channel, 'sy:updateFrequency') ?? 1);
  const sy = period ? Math.round(period / (Number.isFinite(frequency) && frequency >= 1 ? frequency : 1)) : 0;
  const value = Math.max(ttl, sy);
  return value > 0 ? value : undefined;
}
