// Serves hostile feeds as pipeline sources: each feed as-is (`/feed/<name>`) and a copy
// whose every item links to a local page (`/full/<name>`), the page made of the same
// hostile HTML (the feed's text with one layer of XML escaping and CDATA removed).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestServer } from '../../helpers/server.js';
import { XSS_VECTORS } from './xss-vectors.js';

export interface HostileFeed {
  name: string;
  xml: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One RSS item per vector, the vector in the title, description and content:encoded. */
export function vectorsFeed(): HostileFeed {
  const items = XSS_VECTORS.map(
    (vector, index) =>
      `<item><title>Vector ${index} ${escapeXml(vector)}</title><guid isPermaLink="false">vector-${index}</guid>` +
      `<description>${escapeXml(vector)}</description><content:encoded>${escapeXml(`<p>Vector ${index} body.</p>${vector}`)}</content:encoded></item>`,
  ).join('\n');
  const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Vectors</title><link>http://vectors.example/</link><description>x</description>\n${items}\n</channel></rss>`;
  return { name: 'own-vectors', xml };
}

export async function readSanitizeCorpus(dir: string): Promise<HostileFeed[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.xml')).sort();
  return Promise.all(
    names.map(async (name) => ({ name: name.replace(/\.xml$/, ''), xml: await readFile(join(dir, name), 'utf8') })),
  );
}

/** The feed with a link to `/page/<name>/<n>` added to its n-th item or entry. */
export function withPageLinks(feed: HostileFeed, origin: string): string {
  let index = 0;
  return feed.xml.replace(/<(item|entry)(\s[^>]*)?>/g, (open: string, tag: string) => {
    const url = `${origin}/page/${feed.name}/${index++}`;
    return tag === 'entry'
      ? `${open}<link rel="alternate" type="text/html" href="${url}"/>`
      : `${open}<link>${url}</link>`;
  });
}

/** The feed's hostile HTML, unescaped once, as an article page. */
export function hostilePage(feed: HostileFeed): string {
  const html = feed.xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const filler = Array.from(
    { length: 4 },
    (_, i) =>
      `<p>Paragraph ${i} of the page about ${feed.name}, long enough to be the article text that extraction keeps.</p>`,
  ).join('');
  return `<!doctype html><html><head><title>${feed.name}</title><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//"></head><body><article><h1>${feed.name}</h1>${filler}${html}</article></body></html>`;
}

export function countItems(feed: HostileFeed): number {
  return (feed.xml.match(/<(item|entry)[\s>]/g) ?? []).length;
}

export function serveHostileFeeds(server: TestServer, feeds: HostileFeed[]): void {
  for (const feed of feeds) {
    const type = { 'content-type': 'application/xml; charset=utf-8' };
    server.route(`/feed/${feed.name}`, (_req, res) => void res.writeHead(200, type).end(feed.xml));
    server.route(
      `/full/${feed.name}`,
      (_req, res) => void res.writeHead(200, type).end(withPageLinks(feed, server.origin)),
    );
    for (let index = 0; index < countItems(feed); index += 1) {
      server.route(
        `/page/${feed.name}/${index}`,
        (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostilePage(feed)),
      );
    }
  }
}
