// Atom 1.0 (RFC 4287) through feed 6, closing its gaps:
// - xml:lang on <feed> (feed ignores `language` in Atom);
// - feed writes entry titles and summaries as type="html" CDATA; ours are plain text, so
//   each entry's are rewritten as Atom text constructs (no type: text), which every reader
//   shows as is, decoding HTML or not;
// - entries sharing one `updated` instant are the validator's DuplicateUpdated: an article
//   that carries only a day gets a millisecond of it chosen by its id (build-item-model.ts), and
//   distinctUpdatedTimes separates what still collides;
// - feed's enclosure link guesses `image/<ext>`; the cover goes to Media RSS elements
//   instead (feed has no entry extensions in Atom, so they are inserted after rendering,
//   one block per entry, in order);
// - categories carry `term` (required by RFC 4287 §4.2.2) and `label`.

import { Feed, type Item } from 'feed';
import { FeedwrightError } from '../lib/errors.js';
import type { FeedModel, ItemModel } from './feed-model.js';
import { GENERATOR } from './feed-model.js';
import { addRootAttributes, buildMediaExtensions, MEDIA_NS } from './render-rss.js';
import { escapeHtml, escapeXmlAttribute, escapeXmlText } from '../lib/xml-text.js';

const ENTRY_END = '\n    </entry>';

/**
 * Each entry's `updated` (the item's own, see build-item-model.ts), kept distinct within
 * the feed: in the rare case two items still share an instant, the one with the larger id
 * takes the next free millisecond. The same articles give the same values on every rebuild.
 */
function distinctUpdatedTimes(items: ItemModel[]): number[] {
  const order = items.map((item, index) => ({ index, ms: item.updated.getTime(), id: item.id }));
  order.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<number>();
  const times: number[] = new Array(items.length);
  for (const { index, ms } of order) {
    let time = ms;
    while (taken.has(time)) time += 1;
    taken.add(time);
    times[index] = time;
  }
  return times;
}

function toAtomItem(item: ItemModel, model: FeedModel, updatedMs: number): Item {
  const email = model.author.email;
  return {
    title: escapeHtml(item.title),
    id: item.id,
    link: item.link,
    date: new Date(updatedMs),
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

/** feed's `<name type="html"><![CDATA[escaped]]></name>` → `<name>escaped</name>` (text). */
function asTextConstruct(entry: string, name: 'title' | 'summary', text: string): string {
  const html = `<${name} type="html"><![CDATA[${escapeHtml(text)}]]></${name}>`;
  const at = entry.indexOf(html);
  if (at < 0)
    throw new FeedwrightError('IO', `Atom entry ${name} not found where it was rendered`, { stage: 'publish' });
  return `${entry.slice(0, at)}<${name}>${escapeXmlText(text)}</${name}>${entry.slice(at + html.length)}`;
}

/** Per entry, in order: plain-text title and summary, then the cover's Media RSS lines. */
function finishEntries(xml: string, items: ItemModel[]): string {
  const parts = xml.split(ENTRY_END);
  if (parts.length !== items.length + 1) {
    throw new FeedwrightError('IO', 'Atom entries do not match the items rendered', { stage: 'publish' });
  }
  return parts
    .map((part, index) => {
      const item = items[index];
      if (!item) return part;
      const texts = asTextConstruct(asTextConstruct(part, 'title', item.title), 'summary', item.summary);
      return texts + renderMediaLines(item);
    })
    .join(ENTRY_END);
}

export function renderAtom(model: FeedModel): string {
  const updated = distinctUpdatedTimes(model.items);
  const feed = new Feed({
    id: model.links.atom,
    title: model.title,
    description: model.description,
    link: model.homeUrl,
    // The feed's updated is never before one of its entries'.
    updated: new Date(Math.max(model.updated.getTime(), ...updated)),
    generator: GENERATOR,
    feedLinks: { atom: model.links.atom },
    author: {
      name: model.author.name,
      link: model.author.url,
      ...(model.author.email ? { email: model.author.email } : {}),
    },
    ...(model.hubUrl ? { hub: model.hubUrl } : {}),
  });
  for (const [index, item] of model.items.entries()) feed.addItem(toAtomItem(item, model, updated[index]));
  const xml = finishEntries(feed.atom1(), model.items);
  const lang = `xml:lang="${escapeXmlAttribute(model.language)}" xmlns:media="${MEDIA_NS}"`;
  return `${addRootAttributes(xml, '<feed xmlns="http://www.w3.org/2005/Atom"', lang)}\n`;
}
