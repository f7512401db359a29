// End to end through runOnce against the local server: feed, then page, then file, then
// feeds; with the recorded TechCrunch feed and pages.

import { mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeExcerpt } from '../../src/lib/make-excerpt.js';
import { loadSiteRules, resolveConfig } from '../../src/config/load-config.js';
import type { ResolvedConfig } from '../../src/config/schema.js';
import { silentLogger } from '../../src/lib/log.js';
import { runOnce } from '../../src/pipeline.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import type { Article } from '../../src/types.js';
import { corpusDir, projectRoot } from '../helpers/paths.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';

const PAGE_2022 = '/2022/02/11/can-an-ai-be-properly-considered-an-inventor/';
const PAGE_2018 = '/2018/02/25/gobee-bike-throws-in-the-towel-on-france/';
const PROMO = /Join the Disrupt|Techcrunch event|Sign up for|Subscribe to|newsletter/i;

let server: TestServer;
let dir: string;
let config: ResolvedConfig;

function pagesFeed(origin: string): string {
  const item = (path: string, title: string, date: string) =>
    `<item><title>${title}</title><link>${origin}${path}?utm_source=rss&amp;utm_medium=feed</link><guid isPermaLink="false">${path}</guid><pubDate>${date}</pubDate><category>Artificial Intelligence</category><category>Transportation</category><description>Short summary.</description></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>TechCrunch</title><link>${origin}/</link><description>d</description>
${item(PAGE_2022, 'Can an AI be properly considered an inventor?', 'Fri, 11 Feb 2022 16:00:00 +0000')}
${item(PAGE_2018, 'GoBee Bike throws in the towel in France', 'Sun, 25 Feb 2018 13:00:00 +0000')}
</channel></rss>`;
}

async function articles(): Promise<Article[]> {
  return Promise.all((await listArticleFiles(config.paths.articles)).map((file) => readArticleFile(file)));
}

beforeAll(async () => {
  const tc = join(corpusDir, 'techcrunch');
  server = await startServer();
  const feed2023 = (await readFile(join(tc, 'feed-2023.xml'), 'utf8')).replaceAll(
    'https://techcrunch.com/20',
    `${server.origin}/20`,
  );
  server.route('/pages.xml', (_req, res) =>
    reply(pagesFeed(server.origin), { 'content-type': 'application/rss+xml' })(_req, res),
  );
  server.route(
    '/feed-2023.xml',
    reply(feed2023, { 'content-type': 'application/rss+xml; charset=UTF-8', etag: '"v1"' }),
  );
  server.route(
    PAGE_2022,
    reply(await readFile(join(tc, 'article-2022.html')), { 'content-type': 'text/html; charset=UTF-8' }),
  );
  server.route(
    PAGE_2018,
    reply(await readFile(join(tc, 'article-2018.html')), { 'content-type': 'text/html; charset=UTF-8' }),
  );
  dir = await mkdtemp(join(tmpdir(), 'feedwright-pipeline-'));
  const rules = await loadSiteRules(join(projectRoot, 'config', 'site-rules.yaml'));
  config = await resolveConfig(
    {
      site: {
        title: 'AIVibe',
        url: 'https://aivibe.example',
        author: 'AIVibe',
        feedUrl: 'https://aivibe.example/feeds',
      },
      fetch: { allowPrivateNetworks: true, retries: 0, timeoutMs: 5000 },
      sources: [
        { name: 'TechCrunch pages', url: server.url('/pages.xml'), category: 'Work' },
        { name: 'TechCrunch 2023', url: server.url('/feed-2023.xml'), category: 'Work' },
      ],
      categories: [
        { name: 'Work', keywords: ['startup', 'funding'], coverImages: ['https://images.example/work.jpg'] },
        {
          name: 'Policy',
          keywords: ['patent', 'inventor', 'court'],
          coverImages: ['https://images.example/policy.jpg'],
        },
      ],
      tags: [
        { name: 'Ai', keywords: ['AI', 'artificial intelligence'] },
        { name: 'Transportation', keywords: ['bike', 'bikes'] },
      ],
    },
    { cwd: dir, siteRules: { '127.0.0.1': rules['techcrunch.com'] } },
  );
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runOnce end to end', () => {
  let report: Awaited<ReturnType<typeof runOnce>>;

  test('the first run stores every item and publishes', async () => {
    report = await runOnce(config, { logger: silentLogger });
    expect(report).toMatchObject({
      sourcesDue: 2,
      sourcesOk: 2,
      sourcesFailed: 0,
      newItems: 22,
      articlesWritten: 22,
      articlesFailed: 0,
    });
    expect((await articles()).length).toBe(22);
    expect((await stat(join(config.paths.feeds, 'rss.xml'))).isFile()).toBe(true);
  });

  test('the 2022 page: title, date, excerpt, cover, tags, category, source, clean body', async () => {
    const article = (await articles()).find((entry) => entry.title.startsWith('Can an AI be properly considered'));
    expect(article).toBeDefined();
    const a = article as Article;
    expect(a.title).toBe('Can an AI be properly considered an inventor?');
    expect(a.date).toBe('2022-02-11');
    // The page's canonical names techcrunch.com, but it was served from another host, so the
    // item's own link is kept, without its tracking parameters.
    expect(a.source).toBe(server.url(PAGE_2022));
    expect(a.category).toBe('Policy');
    expect(a.tags[0]).toBe('Ai');
    expect(a.tags.at(-1)).toBe('Policy');
    expect(a.extra.categoryRule).toMatch(/^keyword:(patent|inventor)$/);
    expect(a.coverImage).toMatch(/^https:\/\/techcrunch\.com\/wp-content\/uploads\//);
    expect(a.extra.extraction).toBe('site-rule');
    expect(a.body.length).toBeGreaterThan(2000);
    expect(a.body).not.toMatch(PROMO);
    const plain = a.body
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_#>`]/g, '');
    expect(a.excerpt).toBe(makeExcerpt(plain));
    expect(a.excerpt.endsWith('...')).toBe(true);
  });

  test('the 2018 page through the same rule', async () => {
    const a = (await articles()).find((entry) => entry.title.startsWith('GoBee Bike')) as Article;
    expect(a).toBeDefined();
    expect(a.date).toBe('2018-02-25');
    expect(a.source).toBe(server.url(PAGE_2018));
    expect(a.tags).toContain('Transportation');
    expect(a.extra.extraction).toBe('site-rule');
    expect(a.body).toMatch(/GoBee/);
    expect(a.body).not.toMatch(PROMO);
  });

  test('items whose pages fail fall back to the feed content, without the promo blocks', async () => {
    const fromFeed = (await articles()).filter((entry) => entry.extra.sourceName === 'TechCrunch 2023');
    expect(fromFeed).toHaveLength(20);
    for (const a of fromFeed) {
      expect(a.extra.extraction).toBe('feed');
      expect(a.body).not.toMatch(/Join the Disrupt|Techcrunch event/i);
      expect(a.coverImage).toMatch(/^https:\/\//);
      expect(a.date).toMatch(/^2023-08-1\d$/);
    }
  });

  test('a second run finds nothing new, rewrites nothing, and a deleted article stays deleted', async () => {
    const victim = (await listArticleFiles(config.paths.articles))[0];
    await unlink(victim);
    const again = await runOnce(config, { logger: silentLogger, force: true });
    expect(again).toMatchObject({ newItems: 0, articlesWritten: 0, sourcesFailed: 0 });
    expect((await articles()).length).toBe(21);
    const sent = server.requests.filter((request) => request.path === '/feed-2023.xml').at(-1);
    expect(sent?.headers['if-none-match']).toBe('"v1"');
    expect(again.publish?.written.length).toBeGreaterThan(0);
    const rss = await stat(join(config.paths.feeds, 'rss.xml'));
    const third = await runOnce(config, { logger: silentLogger, force: true });
    expect(third.publish?.written).toEqual([]);
    expect((await stat(join(config.paths.feeds, 'rss.xml'))).mtimeMs).toBe(rss.mtimeMs);
  });
});
