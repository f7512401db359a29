// RSS 2.0 (https://www.rssboard.org/rss-specification) through feed 6, closing its gaps:
// - <author> must be an e-mail address: names go to dc:creator; <author> only with site.email.
// - feed's <enclosure> guesses `image/<ext>` and writes length 0; a cover's byte length is
//   unknown, so it goes to media:content / media:thumbnail (Media RSS), with a type only
//   when the extension gives one.
// - descriptions are HTML: the plain-text excerpt is escaped first.

import { Feed, type Extension, type Item } from 'feed';
import type { FeedModel, ItemModel } from './feed-model.js';
import { GENERATOR } from './feed-model.js';
import { escapeHtml, escapeXmlAttribute } from '../lib/xml-text.js';

export const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/** Media RSS elements for the cover: shared by RSS and Atom. */
export function buildMediaExtensions(item: ItemModel): Extension[] {
  if (!item.cover) return [];
  const url = escapeXmlAttribute(item.cover.url);
  const typed = item.cover.type ? { type: item.cover.type } : {};
  return [
    { name: 'media:content', objects: { _attributes: { url, medium: 'image', ...typed } } },
    { name: 'media:thumbnail', objects: { _attributes: { url } } },
  ];
}

function toRssItem(item: ItemModel, model: FeedModel): Item {
  const email = model.author.email;
  return {
    title: item.title,
    id: item.id,
    link: item.link,
    date: item.date,
    description: escapeHtml(item.summary),
    content: item.contentHtml,
    category: item.categories.map((name) => ({ name })),
    ...(email ? { author: [{ name: item.author, email }] } : {}),
    extensions: [{ name: 'dc:creator', objects: { _text: item.author } }, ...buildMediaExtensions(item)],
  };
}

/** Adds namespace declarations to the document's root start tag. */
export function addRootAttributes(xml: string, rootStart: string, attributes: string): string {
  const at = xml.indexOf(rootStart);
  if (at < 0) return xml;
  const end = at + rootStart.length;
  return `${xml.slice(0, end)} ${attributes}${xml.slice(end)}`;
}

export function renderRss(model: FeedModel): string {
  const feed = new Feed({
    title: model.title,
    description: model.description,
    link: model.homeUrl,
    language: model.language,
    updated: model.updated,
    generator: GENERATOR,
    feedLinks: { rss: model.links.rss },
    ...(model.hubUrl ? { hub: model.hubUrl } : {}),
  });
  for (const item of model.items) feed.addItem(toRssItem(item, model));
  const xml = feed.rss2();
  const withMedia = addRootAttributes(xml, '<rss version="2.0"', `xmlns:media="${MEDIA_NS}"`);
  // feed declares dc only when an item has content; our items always do, an empty feed has none.
  const withDc = withMedia.includes('xmlns:dc=')
    ? withMedia
    : addRootAttributes(withMedia, '<rss version="2.0"', 'xmlns:dc="http://purl.org/dc/elements/1.1/"');
  return `${withDc}\n`;
}
