// Size and time attacks through the whole pipeline: a 60 MB streamed feed, gzip bombs
// (feed and page), a page that sends a byte a second, 10,000 items, a 5 MB title. Each
// ends with a clear error code or a bounded result, and the other sources still run.
// Timings and memory are measured by scripts/hostile-sizes.ts, not asserted here.

import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { runOnce, type RunReport } from '../../src/pipeline.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import { loadState, type RunState } from '../../src/state/run-state.js';
import type { Article } from '../../src/types.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { makeHostileConfig, makeTempDir } from './helpers/hostile-config.js';
import { installSizeRoutes } from './helpers/size-routes.js';

let server: TestServer;
let dir: string;
let report: RunReport;
let state: RunState;
let articles: Article[];

const SOURCES = ['huge', 'bomb', 'hostile-pages', 'many', 'big-title', 'ok'];

beforeAll(async () => {
  server = await startServer();
  installSizeRoutes(server);
  dir = await makeTempDir('sizes');
  const sources = SOURCES.map((name) => ({
    name,
    url: server.url(`/${name}.xml`),
    category: 'Work',
    fullText: name !== 'many',
  }));
  const config = await makeHostileConfig(dir, sources, {
    timeoutMs: 1_500,
    maxItemsPerSource: 50,
    maxFeedBytes: 8 * 1024 * 1024,
  });
  report = await runOnce(config, { logger: silentLogger });
  state = await loadState(config.paths.state);
  articles = await Promise.all((await listArticleFiles(config.paths.articles)).map((file) => readArticleFile(file)));
}, 60_000);

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const stateOf = (name: string) => state.sources[server.url(`/${name}.xml`)];

describe('size and time attacks', () => {
  test('the 60 MB feed and the gzip-bombed feed fail with TOO_LARGE; the others run', () => {
    expect(stateOf('huge')).toMatchObject({ lastOutcome: 'error', lastErrorCode: 'TOO_LARGE' });
    expect(stateOf('bomb')).toMatchObject({ lastOutcome: 'error', lastErrorCode: 'TOO_LARGE' });
    expect(report).toMatchObject({ sourcesDue: 6, sourcesFailed: 2, sourcesOk: 4, articlesFailed: 0 });
    expect(stateOf('ok')).toMatchObject({ lastOutcome: 'ok', newItems: 1 });
  });

  test('a bombed page and a byte-a-second page fall back to the feed content', () => {
    const titles = articles.map((article) => article.title);
    expect(titles).toEqual(expect.arrayContaining(['Bomb page', 'Drip page']));
    for (const article of articles.filter((entry) => entry.title.endsWith(' page'))) {
      expect(article.extra.extraction).toBe('feed');
      expect(article.body).toContain('about funding');
    }
  });

  test('10,000 items: the newest maxItemsPerSource are taken, each written once', () => {
    expect(stateOf('many')).toMatchObject({ lastOutcome: 'ok', itemCount: 50, newItems: 50 });
    expect(articles.filter((article) => article.title.startsWith('Many '))).toHaveLength(50);
  });

  test('a 5 MB title is stored with a bounded slug and a title that stays one line', () => {
    const big = articles.find((article) => article.title.startsWith('Big '));
    expect(big).toBeDefined();
    expect(big!.slug.length).toBeLessThanOrEqual(80);
    expect(big!.title).not.toMatch(/\n/);
    expect(big!.title.length).toBeLessThanOrEqual(1_000);
  });

  test('every article file is published', async () => {
    expect(articles).toHaveLength(report.articlesWritten);
    expect(report.publish).toBeDefined();
  });
});
