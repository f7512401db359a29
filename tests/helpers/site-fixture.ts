// A small simulated news site on the local test server: an RSS feed of N items, each
// linking to an article page, with an optional delay per page (to keep a run busy).

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from './server.js';

export interface SiteFixture {
  server: TestServer;
  dir: string;
  configFile: string;
  items: number;
  /** Milliseconds each page waits before answering; change it between runs. */
  pageDelayMs: { value: number };
  /** While set, every page waits for this promise before answering. */
  hold: { until?: Promise<void> };
}

function page(index: number): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) =>
      `<p>Paragraph ${p + 1} of story ${index}: the startup said its infrastructure deal with a large enterprise customer would expand, according to people familiar with the matter, and the funding round closed this week.</p>`,
  ).join('\n');
  return `<!doctype html><html><head><title>Story ${index} | Example News</title>
<meta property="og:title" content="Story number ${index}">
<meta property="og:image" content="/images/story-${index}.jpg">
<meta property="article:published_time" content="2026-01-${String((index % 28) + 1).padStart(2, '0')}T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Story number ${index}</h1>${paragraphs}</article>
<footer>Copyright Example News</footer></body></html>`;
}

export function feedXml(origin: string, items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) => `<item><title>Story number ${i}</title><link>${origin}/story/${i}</link><guid>${origin}/story/${i}</guid>
<pubDate>Mon, 05 Jan 2026 10:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate><description>Summary of story ${i}.</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example News</title><link>${origin}/</link><description>Test</description>${entries}</channel></rss>`;
}

export async function startSiteFixture(items: number, extraConfig = ''): Promise<SiteFixture> {
  const pageDelayMs = { value: 0 };
  const hold: { until?: Promise<void> } = {};
  const server = await startServer();
  server.route('/feed.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(feedXml(server.origin, items));
  });
  for (let i = 0; i < items; i += 1) {
    server.route(`/story/${i}`, async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, pageDelayMs.value));
      await hold.until;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(i));
    });
  }
  const dir = await mkdtemp(join(tmpdir(), 'feedwright-site-'));
  const configFile = join(dir, 'feedwright.yaml');
  await writeFile(
    configFile,
    `site: { title: Test Site, url: https://aivibe.example, author: AIVibe, feedUrl: https://aivibe.example/feeds }
schedule: "0 0 1 1 *"
fetch: { allowPrivateNetworks: true, timeoutMs: 10000, retries: 0, perHostConcurrency: 2 }
sources:
  - { name: Example News, url: "${server.url('/feed.xml')}", category: Work }
categories:
  - { name: Work, keywords: [funding], coverImages: ["https://images.example/work.jpg"] }
tags:
  - { name: Funding, keywords: [funding] }
${extraConfig}`,
  );
  return { server, dir, configFile, items, pageDelayMs, hold };
}

export function pageRequests(server: TestServer): number {
  return server.requests.filter((request) => request.path.startsWith('/story/')).length;
}
