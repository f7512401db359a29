// The index pages people open in a browser: feeds/index.html (everything) and
// feeds/category/<slug>/index.html (one category). Each says how to subscribe, lists the
// categories with their article counts, and shows the latest articles with cover
// thumbnails and excerpts. <link rel="alternate"> lets readers and browsers discover the
// page's three feeds. Every link to a feed is relative to the page, so the folder works
// wherever it is served (`feedwright serve`, a staging host, file://); the feeds keep
// their absolute self links. Every piece of text is HTML-escaped; the one stylesheet is
// inline, there is no script, and a Content-Security-Policy allows nothing else but images.

import { posix } from 'node:path';
import type { ResolvedConfig } from '../config/index.js';
import type { ItemModel } from './feed-model.js';
import { FEED_FILES, FEED_TYPES } from './feed-links.js';
import { escapeXmlText as e } from '../lib/xml-text.js';

export interface IndexScope {
  /** undefined for the site-wide page. */
  category?: string;
  /** Folder under feeds/: '' or `category/<slug>`. */
  dir: string;
  /** Items its feeds carry (at most site.maxItems). */
  count: number;
  /** Articles it has in all. */
  total: number;
}

const FORMAT_NAMES = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' } as const;
const FORMATS = ['rss', 'atom', 'json'] as const;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:";

const STYLE = `
      :root { color-scheme: light dark; --muted: #666; --line: #ddd; --accent: #0b57d0; }
      @media (prefers-color-scheme: dark) { :root { --muted: #aaa; --line: #444; --accent: #8ab4f8; } }
      body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
      a { color: var(--accent); }
      h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
      h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
      .muted, time, .category { color: var(--muted); font-size: 0.9rem; }
      .feeds a { display: inline-block; margin-right: 0.8rem; }
      ul.categories { padding-left: 1.2rem; }
      ul.articles { list-style: none; padding: 0; }
      ul.articles li { display: flex; gap: 0.9rem; padding: 0.8rem 0; border-bottom: 1px solid var(--line); }
      ul.articles img { width: 120px; height: 68px; object-fit: cover; flex: none; border-radius: 4px; background: var(--line); }
      ul.articles h3 { font-size: 1rem; margin: 0 0 0.2rem; }
      ul.articles p { margin: 0.2rem 0 0; }
    `;

/** The path from the page in `fromDir` to `file` (both under feeds/). */
function relativeHref(fromDir: string, file: string): string {
  return posix.relative(`/${fromDir}`, `/${file}`);
}

function feedFile(scope: IndexScope, format: (typeof FORMATS)[number]): string {
  return scope.dir ? `${scope.dir}/${FEED_FILES[format]}` : FEED_FILES[format];
}

function pageFile(scope: IndexScope): string {
  return scope.dir ? `${scope.dir}/index.html` : 'index.html';
}

function countText(scope: IndexScope): string {
  const articles = `${scope.total} article${scope.total === 1 ? '' : 's'}`;
  return scope.total > scope.count ? `${articles}, the newest ${scope.count} in the feeds` : articles;
}

function feedLinks(page: IndexScope, scope: IndexScope): string {
  return FORMATS.map(
    (format) =>
      `<a href="${e(relativeHref(page.dir, feedFile(scope, format)))}" type="${FEED_TYPES[format]}">${FORMAT_NAMES[format]}</a>`,
  ).join(' ');
}

function categoryLine(page: IndexScope, scope: IndexScope): string {
  const name = e(scope.category ?? '');
  const title =
    scope === page ? `<strong>${name}</strong>` : `<a href="${e(relativeHref(page.dir, pageFile(scope)))}">${name}</a>`;
  return `        <li>${title} <span class="muted">(${countText(scope)})</span></li>`;
}

function articleItem(item: ItemModel): string {
  const thumbnail = item.cover
    ? `<img src="${e(item.cover.url)}" alt="" loading="lazy" referrerpolicy="no-referrer">`
    : '';
  const category = item.categories[0] ? ` · <span class="category">${e(item.categories[0])}</span>` : '';
  return [
    `        <li>${thumbnail}<div>`,
    `          <h3><a href="${e(item.link)}">${e(item.title)}</a></h3>`,
    `          <time datetime="${item.date.toISOString()}">${item.date.toISOString().slice(0, 10)}</time>${category}`,
    item.summary ? `          <p>${e(item.summary)}</p>` : '',
    '        </div></li>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** One index page: `page` is the scope it is for, `scopes` every scope (site-wide first). */
export function renderIndexHtml(
  site: ResolvedConfig['site'],
  scopes: IndexScope[],
  page: IndexScope,
  latest: ItemModel[],
): string {
  const [main, ...categories] = scopes;
  const name = page.category ? `${site.title}: ${page.category}` : site.title;
  const discovery = FORMATS.map(
    (format) =>
      `    <link rel="alternate" type="${FEED_TYPES[format]}" title="${e(`${name} (${FORMAT_NAMES[format]})`)}" href="${e(relativeHref(page.dir, feedFile(page, format)))}">`,
  );
  const description = page.category ? `Articles in ${page.category}.` : site.description;
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(site.language || 'en')}">`,
    '  <head>',
    '    <meta charset="utf-8">',
    '    <meta name="viewport" content="width=device-width, initial-scale=1">',
    `    <meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `    <title>${e(name)} feeds</title>`,
    ...discovery,
    `    <style>${STYLE}</style>`,
    '  </head>',
    '  <body>',
    '    <header>',
    `      <h1>${e(name)}</h1>`,
    description ? `      <p class="muted">${e(description)}</p>` : '',
    '    </header>',
    '    <section>',
    '      <h2>Subscribe</h2>',
    '      <p>Copy one of these links into your feed reader (Feedly, NetNewsWire, Inoreader, Miniflux, Thunderbird, ...). ' +
      'The three formats carry the same articles.</p>',
    `      <p class="feeds">${feedLinks(page, page)}</p>`,
    `      <p class="muted">${e(countText(page))}.</p>`,
    '    </section>',
    categories.length
      ? [
          '    <nav>',
          '      <h2>Categories</h2>',
          '      <ul class="categories">',
          ...(page.category
            ? [
                `        <li><a href="${e(relativeHref(page.dir, pageFile(main)))}">Everything</a> <span class="muted">(${countText(main)})</span></li>`,
              ]
            : []),
          ...categories.map((scope) => categoryLine(page, scope)),
          '      </ul>',
          '    </nav>',
        ].join('\n')
      : '',
    '    <main>',
    '      <h2>Latest</h2>',
    latest.length
      ? `      <ul class="articles">\n${latest.map(articleItem).join('\n')}\n      </ul>`
      : '      <p>No articles yet.</p>',
    '    </main>',
    '    <footer>',
    `      <p class="muted"><a href="${e(site.url)}">${e(site.title)}</a> · the sources we follow: ` +
      `<a href="${e(relativeHref(page.dir, 'sources.opml'))}" type="text/x-opml">OPML</a></p>`,
    '    </footer>',
    '  </body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
