// The strict reader: rss-parser's `parseString` (never `parseURL`: the parser must not
// fetch). Its own item shape is lossy (no xml:base, one link, no Atom categories), so
// every element we normalize is asked for raw through customFields, under an `x:` key
// rss-parser never overwrites, and handed on as xml2js elements.

import Parser from 'rss-parser';
import type { FeedRoot } from './find-root-element.js';
import type { RawXmlFeed, XAttrs, XElement } from './xml-node.js';

const RAW = 'x:';

/** Child elements of an item / entry the normalizer reads. */
export const ITEM_ELEMENTS = [
  '$',
  'title',
  'link',
  'guid',
  'id',
  'author',
  'dc:creator',
  'itunes:author',
  'creator',
  'name',
  'category',
  'dc:subject',
  'description',
  'summary',
  'content',
  'content:encoded',
  'body',
  'xhtml:body',
  'fullitem',
  'media:content',
  'media:thumbnail',
  'media:group',
  'media:title',
  'media:description',
  'enclosure',
  'itunes:image',
  'feedburner:origLink',
  'pubDate',
  'published',
  'updated',
  'issued',
  'modified',
  'created',
  'dc:date',
  'dcterms:created',
  'dcterms:modified',
  'dcterms:issued',
  'atom:link',
  'atom10:link',
  'atom:id',
  'atom:updated',
  'atom:published',
  'comments',
  'source',
  'contributor',
  'image',
  'rights',
  'dc:author',
  'dc:description',
];

/** Child elements of a channel / feed the normalizer reads. */
export const FEED_ELEMENTS = [
  '$',
  'title',
  'link',
  'description',
  'subtitle',
  'tagline',
  'language',
  'dc:language',
  'ttl',
  'sy:updatePeriod',
  'sy:updateFrequency',
  'atom:link',
  'atom10:link',
  'id',
  'info',
  'author',
  'updated',
  'modified',
  'lastBuildDate',
  'pubDate',
  'dc:date',
  'image',
  'itunes:image',
  'dc:title',
  'dc:description',
  'itunes:subtitle',
  'itunes:summary',
];

function rawFields(names: string[]): [string, string, { keepArray: boolean }][] {
  return names.map((name) => [name, RAW + name, { keepArray: true }]);
}

function unwrap(bag: Record<string, unknown>): XElement {
  const element: XElement = {};
  for (const [key, value] of Object.entries(bag)) {
    if (!key.startsWith(RAW) || value === undefined) continue;
    const name = key.slice(RAW.length);
    if (name === '$') element.$ = value as XAttrs;
    else element[name] = value as XElement[];
  }
  return element;
}

/**
 * rss-parser's `parseString` is promise-only, while xml2js under it parses synchronously;
 * to keep parseFeed synchronous we drive the same two steps it does (3.13's parser.js:
 * `xmlParser.parseString`, then `buildAtomFeed` / `buildRSS2` / `buildRSS1` / `buildRSS0_9`).
 */
interface RssParserInternals {
  xmlParser: { parseString(xml: string, callback: (error: unknown, result: unknown) => void): unknown };
  buildAtomFeed(xml: unknown): Record<string, unknown>;
  buildRSS2(xml: unknown): Record<string, unknown>;
  buildRSS1(xml: unknown): Record<string, unknown>;
  buildRSS0_9(xml: unknown): Record<string, unknown>;
}

function createParser(): RssParserInternals {
  const parser = new Parser({
    defaultRSS: 2,
    customFields: { feed: rawFields(FEED_ELEMENTS) as never, item: rawFields(ITEM_ELEMENTS) as never },
  });
  return parser as unknown as RssParserInternals;
}

function parseXml(parser: RssParserInternals, xml: string): Record<string, Record<string, unknown>> {
  let outcome: { error?: unknown; result?: unknown } | undefined;
  parser.xmlParser.parseString(xml, (error, result) => {
    outcome ??= { error, result };
  });
  if (!outcome) throw new Error('XML parser gave no result');
  if (outcome.error) throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
  if (!outcome.result || typeof outcome.result !== 'object') throw new Error('Unable to parse XML.');
  return outcome.result as Record<string, Record<string, unknown>>;
}

/** Parses well-formed XML; throws (with the XML parser's message) on anything else. */
export function readWithRssParser(xml: string, root: FeedRoot): RawXmlFeed {
  const parser = createParser();
  const result = parseXml(parser, xml);
  let output: Record<string, unknown>;
  if (result.feed) output = parser.buildAtomFeed(result);
  else if (result['rdf:RDF']) output = parser.buildRSS1(result);
  else if (result.rss && /^0\.9/.test(String((result.rss.$ as XAttrs | undefined)?.version ?? '')))
    output = parser.buildRSS0_9(result);
  else if (result.rss) output = parser.buildRSS2(result);
  else throw new Error(`Root element <${Object.keys(result)[0]}> is not rss, rdf:RDF or feed`);
  const items = ((output.items as Record<string, unknown>[] | undefined) ?? []).map(unwrap);
  return { format: root.format, version: root.attrs.version, rootAttrs: root.attrs, channel: unwrap(output), items };
}
