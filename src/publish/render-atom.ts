// Atom 1.0 (RFC 4287) through feed 6, closing its gaps:
// - xml:lang on <feed> (feed ignores `language` in Atom);
// - titles and summaries are written as type="html", so the plain text is escaped first;
// - feed's enclosure link guesses `image/<ext>`; the cover goes to Media RSS elements
//   instead (feed has no entry extensions in Atom, so they are inserted after rendering,
//   one block per entry, in order);
// - categories carry `term` (required by RFC 4287 §4.2.2) and `label`.

import { Feed, type Item } from 'feed';
import { FeedwrightError } from '../lib/errors.js';
import type { FeedModel, ItemModel } from './feed-model.js';
import { GENERATOR } from './feed-model.js';
import { addRootAttributes, buildMediaExtensions, MEDIA_NS } from './render-rss.js';
import { escapeHtml, escapeXmlAttribute } from './xml-text.js';

const ENTRY_END = '\n    </entry>';

function toAtomItem(item: ItemModel, model: FeedModel): Item {
  const email = model.author.email;
  return {
    title: escapeHtml(item.title),
    id: item.id,
    link: item.link,
    date: item.date,
    published: item.date,
    description: escapeHtml(item.summary),
    content: item.contentHtml,
    // feed escapes `&` in category attributes itself; `<` cannot be carried there.
    category: item.categories.map((name) => ({ name: name.replace(/</g, ''), term: name.replace(/</g, '') })),
    author: [{ name: item.author, ...(email ? { email } : {}) }],
    ...(item.contributor ? { contributor: [{ name: item.contributor }] } : {}),
  };
}

function renderMediaLines(item: ItemModel): string {
  return buildMediaExtensions(item)
    .map(({ name, objects }) => {
      const attributes = Object.entries((objects as { _attributes: Record<string, string> })._attributes)
        .map(([key, value]) => `${key}="${value}"`)
        .join(' ');
      return `\n        <${name} ${attributes}/>`;
    })
    .join('');
}

function insertEntryMedia(xml: string, items: ItemModel[]): string {
  const parts = xml.split(ENTRY_END);
  if (parts.length !== items.length + 1) {
    throw new FeedwrightError('IO', 'Atom entries do not match the items rendered', { stage: 'publish' });
  }
  return parts.map((part, index) => (index < items.length ? part + renderMediaLines(items[index]) : part)).join(ENTRY_END);
}

export function renderAtom(model: FeedModel): string {
  const feed = new Feed({
    id: model.links.atom,
    title: model.title,
    description: model.description,
    link: model.homeUrl,
    updated: model.updated,
    generator: GENERATOR,
    feedLinks: { atom: model.links.atom },
    author: { name: model.author.name, link: model.author.url, ...(model.author.email ? { email: model.author.email } : {}) },
    ...(model.hubUrl ? { hub: model.hubUrl } : {}),
  });
  for (const item of model.items) feed.addItem(toAtomItem(item, model));
  const xml = insertEntryMedia(feed.atom1(), model.items);
  const lang = `xml:lang="${escapeXmlAttribute(model.language)}" xmlns:media="${MEDIA_NS}"`;
  return `${addRootAttributes(xml, '<feed xmlns="http://www.w3.org/2005/Atom"', lang)}\n`;
}
