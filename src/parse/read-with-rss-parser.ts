// The strict reader: rss-parser's `parseString` (never `parseURL`: the parser must not
// fetch). Its own item shape is lossy (no xml:base, one link, no Atom categories), so
// every element we normalize is asked for raw through customFields, under an `x:` key
// rss-parser never overwrites, and handed on as xml2js elements.

import Parser from 'rss-parser';
import type { RawXmlFeed, XAttrs, XElement } from './xml-node.js';

const RAW = 'x:';

/** Child elements of an item / entry the normalizer reads. */
export const ITEM_ELEMENTS = [
  '$', 'title', 'link', 'guid', 'id', 'author', 'dc:creator', 'itunes:author', 'creator', 'name',
  'category', 'dc:subject', 'description', 'summary', 'content', 'content:encoded', 'body',
  'xhtml:body', 'fullitem', 'media:content', 'media:thumbnail', 'media:group', 'media:title',
  'media:description', 'enclosure', 'itunes:image', 'feedburner:origLink', 'pubDate', 'published',
  'updated', 'issued', 'modified', 'created', 'dc:date', 'dcterms:created', 'dcterms:modified',
  'dcterms:issued', 'atom:link', 'atom10:link', 'atom:id', 'atom:updated', 'atom:published',
  'comments', 'source', 'contributor', 'image', 'rights',
];

/** Child elements of a channel / feed the normalizer reads. */
export const FEED_ELEMENTS = [
  '$', 'title', 'link', 'description', 'subtitle', 'tagline', 'language', 'dc:language', 'ttl',
  'sy:updatePeriod', 'sy:updateFrequency', 'atom:link', 'atom10:link', 'id', 'info', 'author',
  'updated', 'modified', 'lastBuildDate', 'pubDate', 'dc:date', 'image', 'itunes:image',
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

const parser = new Parser({
  defaultRSS: 2,
  customFields: {
    feed: rawFields(FEED_ELEMENTS) as never,
    item: rawFields(ITEM_ELEMENTS) as never,
  },
});

/** Parses well-formed XML; rejects (with the XML parser's message) anything else. */
export async function readWithRssParser(xml: string, root: { name: string; attrs: XAttrs }): Promise<RawXmlFeed> {
  const output = (await parser.parseString(xml)) as unknown as Record<string, unknown> & { items?: Record<string, unknown>[] };
  const items = (output.items ?? []).map(unwrap);
  const channel = unwrap(output);
  const format = root.name === 'feed' ? 'atom' : root.name.endsWith('RDF') ? 'rdf' : 'rss';
  return { format, version: root.attrs.version, rootAttrs: root.attrs, channel, items };
}
