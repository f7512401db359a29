// Shared fixtures of the sources tests: a commented configuration written to a temp
// folder, a test server with feeds and pages, and an HTTP client allowed to reach it.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { configSchema } from '../../src/config/schema.js';
import { createHttpClient, type HttpClient } from '../../src/fetch/http-client.js';
import { silentLogger } from '../../src/lib/log.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { tempDirs } from '../helpers/temp-dirs.js';

export const COMMENTED_CONFIG = `# feedwright configuration for AIVibe
site:
  title: AIVibe
  url: https://aivibe.example          # the site's home page
  author: AIVibe                       # written into every article
schedule: "*/30 * * * *"               # every half hour

# Where the news comes from.
sources:
  # TechCrunch's AI category
  - name: TechCrunch AI
    url: https://techcrunch.example/category/ai/feed/   # aligned comment
    category: Work
    fullText: true
  - name: Lab Notes
    url: https://lab.example/rss
    category: Research

# Categories, first is the default.
categories:
  - name: Work
    keywords: [enterprise, startup]   # flow list stays flow
  - name: Research
    keywords: [paper, benchmark]
tags:
  - { name: Ai, keywords: [AI, artificial intelligence] }
`;

export const SOURCES_START = COMMENTED_CONFIG.indexOf('sources:');
export const SOURCES_END = COMMENTED_CONFIG.indexOf('\n# Categories') + 1;

/** A function writing a config into a fresh temp folder (removed after each test); returns its path. */
export function tempConfigs(): (text?: string) => Promise<string> {
  const tempDir = tempDirs('sources');
  return async (text = COMMENTED_CONFIG) => {
    const file = join(await tempDir(), 'feedwright.yaml');
    await writeFile(file, text);
    return file;
  };
}

export function rssFeed(title: string, items = 2): string {
  const entries = Array.from(
    { length: items },
    (_, index) => `<item><title>Item ${index}</title><link>https://news.example/${index}</link></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>${entries.join('')}</channel></rss>\n`;
}

export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'News JSON',
  items: [{ id: '1', url: 'https://news.example/1', title: 'One', content_text: 'x' }],
});

function page(head: string): string {
  return `<!doctype html><html><head><title>News</title>${head}</head><body><p>Hello</p></body></html>`;
}

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

export async function startNewsServer(): Promise<TestServer> {
  return startServer({
    '/feed.xml': reply(rssFeed('News Daily', 3), RSS),
    '/other.xml': reply(rssFeed('Other News'), RSS),
    '/feed.json': reply(JSON_FEED, { 'content-type': 'application/feed+json' }),
    '/broken.xml': reply('<html><body>not a feed</body></html>', RSS),
    '/': reply(
      page(
        '<link rel="alternate" type="application/feed+json" href="/feed.json"><link rel="ALTERNATE" type="application/rss+xml" href="feed.xml">',
      ),
      HTML,
    ),
    '/json-only': reply(page('<link rel="alternate" type="application/json" href="/feed.json">'), HTML),
    '/broken-first': reply(
      page(
        '<link rel="alternate" type="application/atom+xml" href="/broken.xml"><link rel="alternate" type="application/rss+xml" href="/other.xml">',
      ),
      HTML,
    ),
    '/no-feed': reply(
      page('<link rel="stylesheet" href="/s.css"><link rel="alternate" hreflang="fr" href="/fr/">'),
      HTML,
    ),
    '/image.png': reply(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
  });
}

export function createLocalClient(): HttpClient {
  return createHttpClient({
    fetch: configSchema.shape.fetch.parse({ allowPrivateNetworks: true, timeoutMs: 2_000, retries: 0 }),
    site: { title: 'AIVibe', url: 'https://aivibe.example' },
    logger: silentLogger,
    retryBaseDelayMs: 5,
  });
}

/** The news server and a client allowed to reach it, started once for the test file. */
export function useNewsServer(): { server: TestServer; client: HttpClient } {
  const context = {} as { server: TestServer; client: HttpClient };
  beforeAll(async () => {
    context.server = await startNewsServer();
    context.client = createLocalClient();
  });
  afterAll(async () => {
    await context.server?.close();
  });
  return context;
}
