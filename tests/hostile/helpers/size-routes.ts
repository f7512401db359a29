// Oversized and slow replies for the local server, generated on the fly (nothing large is
// stored): an endless-looking 60 MB feed, gzip bombs (feed and page), a page that sends a
// byte a second, a feed of 10,000 items, a feed whose title is 5 MB.

import { gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import type { TestServer } from '../../helpers/server.js';

export const HUGE_FEED_BYTES = 60 * 1024 * 1024;
export const MANY_ITEMS = 10_000;
export const TITLE_BYTES = 5 * 1024 * 1024;

const XML = { 'content-type': 'application/rss+xml; charset=utf-8' };

function item(origin: string, index: number, title = `Item ${index}`, link = `${origin}/story/${index}`): string {
  return `<item><title>${title}</title><link>${link}</link><guid>${link}#item-${index}</guid><description>Summary ${index} about funding.</description></item>`;
}

function rss(items: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.example/</link><description>d</description>${items}</channel></rss>`;
}

/** Writes `total` bytes of a valid-looking feed in 64 KB chunks, honouring back-pressure. */
function streamHugeFeed(origin: string, res: ServerResponse, total: number): void {
  res.writeHead(200, XML);
  const chunk = Buffer.from(
    Array.from({ length: 200 }, (_, i) => item(origin, i))
      .join('')
      .padEnd(64 * 1024, ' '),
  );
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('</channel></rss>');
  };
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
  pump();
}

let bomb: Buffer | undefined;
/** 64 MB of spaces inside a feed or page, gzipped to about 64 KB. */
function gzipBomb(prefix: string): Buffer {
  bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
  return Buffer.concat([gzipSync(prefix), bomb]);
}

function dripPage(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<')), 1_000);
  res.on('close', () => clearInterval(timer));
}

export function installSizeRoutes(server: TestServer): void {
  const origin = server.origin;
  server.route('/huge.xml', (_req, res) => streamHugeFeed(origin, res, HUGE_FEED_BYTES));
  // Made once, before any request: compressing 64 MB would stall the server mid-run.
  const feedBomb = gzipBomb('<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title>');
  const pageBomb = gzipBomb('<html><body><p>');
  server.route(
    '/bomb.xml',
    (_req, res) => void res.writeHead(200, { ...XML, 'content-encoding': 'gzip' }).end(feedBomb),
  );
  server.route(
    '/bomb-page',
    (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(pageBomb),
  );
  server.route('/drip-page', (_req, res) => dripPage(res));
  server.route(
    '/hostile-pages.xml',
    (_req, res) =>
      void res
        .writeHead(200, XML)
        .end(
          rss(
            item(origin, 1, 'Bomb page', `${origin}/bomb-page`) + item(origin, 2, 'Drip page', `${origin}/drip-page`),
          ),
        ),
  );
  const many = rss(
    Array.from({ length: MANY_ITEMS }, (_, i) => item(origin, i, `Many ${i}`, `${origin}/many/${i}`)).join(''),
  );
  server.route('/many.xml', (_req, res) => void res.writeHead(200, XML).end(many));
  const bigTitle = rss(item(origin, 1, `Big ${'title words '.repeat(TITLE_BYTES / 12)}`, `${origin}/big-title`));
  server.route('/big-title.xml', (_req, res) => void res.writeHead(200, XML).end(bigTitle));
  server.route(
    '/ok.xml',
    (_req, res) =>
      void res.writeHead(200, XML).end(rss(item(origin, 7, 'A normal story about funding', `${origin}/ok-page`))),
  );
  server.route(
    '/ok-page',
    (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<html><body><article><h1>Normal</h1>${'<p>A normal paragraph about a funding round for a startup.</p>'.repeat(5)}</article></body></html>`,
        ),
  );
}
