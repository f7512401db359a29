// A small offline web for the demo and its test: a node:http server on 127.0.0.1 serving
// the recorded TechCrunch feeds and pages and a few real feeds from the test corpus (tests/corpus).

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface OfflineWeb {
  origin: string;
  close(): Promise<void>;
}

const TC_PAGES = {
  '/2022/02/11/can-an-ai-be-properly-considered-an-inventor/': [
    'article-2022.html',
    'Can an AI be properly considered an inventor?',
    'Fri, 11 Feb 2022 16:00:00 +0000',
  ],
  '/2018/02/25/gobee-bike-throws-in-the-towel-on-france/': [
    'article-2018.html',
    'GoBee Bike throws in the towel in France',
    'Sun, 25 Feb 2018 13:00:00 +0000',
  ],
} as const;

function pagesFeed(origin: string): string {
  const items = Object.entries(TC_PAGES).map(
    ([path, [, title, date]]) =>
      `<item><title>${title}</title><link>${origin}${path}</link><guid isPermaLink="false">${path}</guid><pubDate>${date}</pubDate><description>${title}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>TechCrunch (recorded pages)</title><link>${origin}/</link><description>Recorded TechCrunch articles</description>${items.join('')}</channel></rss>`;
}

async function loadRoutes(
  corpusDir: string,
  origin: string,
): Promise<Map<string, { type: string; body: Buffer | string }>> {
  const tc = join(corpusDir, 'techcrunch');
  const rss = 'application/rss+xml; charset=utf-8';
  const routes = new Map<string, { type: string; body: Buffer | string }>();
  routes.set('/techcrunch/pages.xml', { type: rss, body: pagesFeed(origin) });
  routes.set('/techcrunch/feed-2023.xml', { type: rss, body: await readFile(join(tc, 'feed-2023.xml')) });
  routes.set('/guardian.rss', { type: rss, body: await readFile(join(corpusDir, 'feeds/real-world/guardian.rss')) });
  routes.set('/heise.atom', {
    type: 'application/atom+xml',
    body: await readFile(join(corpusDir, 'feeds/real-world/heise.atom')),
  });
  for (const [path, [file]] of Object.entries(TC_PAGES)) {
    routes.set(path, { type: 'text/html; charset=utf-8', body: await readFile(join(tc, file)) });
  }
  return routes;
}

export async function startOfflineWeb(corpusDir: string): Promise<OfflineWeb> {
  let routes = new Map<string, { type: string; body: Buffer | string }>();
  const server: Server = createServer((req, res) => {
    const route = routes.get((req.url ?? '/').split('?')[0]);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes = await loadRoutes(corpusDir, origin);
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The demo's configuration: the reference site reading the offline web. */
export function demoConfigYaml(origin: string): string {
  return `# feedwright demo: the AIVibe site reading recorded feeds from a local server.
site:
  title: AIVibe (demo)
  description: AI news, curated
  url: https://aivibe.example
  author: AIVibe
  feedUrl: https://aivibe.example/feeds
schedule: "*/30 * * * *"
fetch:
  allowPrivateNetworks: true   # the demo's server is on 127.0.0.1
  retries: 0
sources:
  - { name: TechCrunch pages, url: "${origin}/techcrunch/pages.xml", category: Work }
  - { name: TechCrunch, url: "${origin}/techcrunch/feed-2023.xml", category: Work, fullText: false }
  - { name: The Guardian, url: "${origin}/guardian.rss", category: World, fullText: false }
  - { name: heise developer, url: "${origin}/heise.atom", category: Work, fullText: false }
categories:
  - name: Work
    keywords: [enterprise, startup, funding, deal, infrastructure]
    coverImages: [https://images.unsplash.com/photo-1677442136019-21780ecad995?w=400&h=200&fit=crop&auto=format]
  - name: Policy
    keywords: [patent, inventor, regulation, court, lawsuit]
    coverImages: [https://images.unsplash.com/photo-1589994965851-a8f479c573a9?w=400&h=200&fit=crop&auto=format]
  - name: World
    keywords: [election, government, president]
    coverImages: [https://images.unsplash.com/photo-1526470608268-f674ce90ebd4?w=400&h=200&fit=crop&auto=format]
tags:
  - { name: Ai, keywords: [AI, artificial intelligence] }
  - { name: Openai, keywords: [OpenAI, ChatGPT] }
`;
}
