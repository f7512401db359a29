// feeds/index.html: a plain page for people who open the feeds folder in a browser: what
// feeds there are (site-wide and per category), how to subscribe, and the latest items.
// <link rel="alternate"> lets readers and browsers discover the three formats. Every piece
// of text is HTML-escaped; there is no script and no external resource.

import type { ResolvedConfig } from '../config/schema.js';
import type { FeedLinks, ItemModel } from './feed-model.js';
import { FEED_TYPES } from './feed-links.js';
import { escapeXmlText as e } from './xml-text.js';

export interface IndexFeed {
  /** undefined for the site-wide feed. */
  category?: string;
  links: FeedLinks;
  count: number;
}

const FORMAT_NAMES = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' } as const;
const FORMATS = ['rss', 'atom', 'json'] as const;

function feedLinksLine(feed: IndexFeed): string {
  return FORMATS.map((format) => `<a href="${e(feed.links[format])}" type="${FEED_TYPES[format]}">${FORMAT_NAMES[format]}</a>`).join(' · ');
}

function itemLine(item: ItemModel): string {
  const day = item.date.toISOString().slice(0, 10);
  const category = item.categories[0] ? ` <span class="category">${e(item.categories[0])}</span>` : '';
  return `      <li><a href="${e(item.link)}">${e(item.title)}</a> <time datetime="${item.date.toISOString()}">${day}</time>${category}</li>`;
}

export function renderIndexHtml(site: ResolvedConfig['site'], feeds: IndexFeed[], latest: ItemModel[]): string {
  const [main, ...categories] = feeds;
  const title = e(site.title);
  const discovery = FORMATS.map(
    (format) => `    <link rel="alternate" type="${FEED_TYPES[format]}" title="${title} (${FORMAT_NAMES[format]})" href="${e(main.links[format])}">`,
  );
  const categoryLines = categories.map(
    (feed) => `      <li>${e(feed.category ?? '')} (${feed.count}): ${feedLinksLine(feed)}</li>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(site.language || 'en')}">`,
    '  <head>',
    '    <meta charset="utf-8">',
    '    <meta name="viewport" content="width=device-width, initial-scale=1">',
    `    <title>${title} feeds</title>`,
    ...discovery,
    '  </head>',
    '  <body>',
    `    <h1>${title} feeds</h1>`,
    site.description ? `    <p>${e(site.description)}</p>` : '',
    '    <h2>Subscribe</h2>',
    '    <p>Copy one of these addresses into your feed reader (Feedly, NetNewsWire, Inoreader, Miniflux, Thunderbird, ...). ' +
      'All three formats carry the same items; pick the one your reader prefers.</p>',
    `    <p>Everything: ${feedLinksLine(main)}</p>`,
    categories.length ? '    <h2>By category</h2>\n    <ul>\n' + categoryLines.join('\n') + '\n    </ul>' : '',
    `    <p>The sources we follow: <a href="sources.opml" type="text/x-opml">OPML</a> (import it into your reader).</p>`,
    '    <h2>Latest</h2>',
    latest.length ? '    <ul>\n' + latest.map(itemLine).join('\n') + '\n    </ul>' : '    <p>No articles yet.</p>',
    `    <p><a href="${e(site.url)}">${title}</a></p>`,
    '  </body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
