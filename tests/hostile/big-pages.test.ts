// Big pages through the whole pipeline (issue 13): 4.9 MB of prose, 600,000 <p>, a table
// of 150,000 rows, 100,000 unclosed <b><i>. Every stage is bounded: the parse by a node and
// depth budget, the article body by MAX_BODY_CHARS (cut at a block, with a note), each
// published item by site.maxContentChars and each feed file by site.maxFeedFileBytes.
// Sizes and outcomes are asserted here; time and memory are measured by
// scripts/hostile-sizes.ts, never asserted.

import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.js';
import { BODY_CUT_NOTE, MAX_BODY_CHARS } from '../../src/extract/render-body.js';
import { createLogger, silentLogger } from '../../src/lib/log.js';
import { runOnce, type RunReport } from '../../src/pipeline.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import type { Article } from '../../src/types.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { makeArticle, makeFixture } from '../unit/publish/helpers/publish-fixture.js';
import { installBigPageRoutes, UNCLOSED_TAGS } from './helpers/big-page-routes.js';
import { makeHostileConfig, makeTempDir } from './helpers/hostile-config.js';

let server: TestServer;
let dir: string;
let report: RunReport;
let articles: Article[];
let feedsDir: string;

const CASES = ['big', 'paragraphs', 'table', 'unclosed'];
const articleOf = (name: string) => articles.find((article) => article.title.startsWith(`${name} page`));

beforeAll(async () => {
  server = await startServer();
  installBigPageRoutes(server, { big: 3 });
  dir = await makeTempDir('big-pages');
  const sources = CASES.map((name) => ({ name, url: server.url(`/${name}.xml`), category: 'Work', fullText: true }));
  const config = await makeHostileConfig(dir, sources, { timeoutMs: 10_000 });
  report = await runOnce(config, { logger: silentLogger });
  articles = await Promise.all((await listArticleFiles(config.paths.articles)).map((file) => readArticleFile(file)));
  feedsDir = config.paths.feeds;
}, 120_000);

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('big pages through the pipeline', () => {
  test('every page is extracted from the page itself, none fails or falls back', () => {
    expect(report).toMatchObject({
      sourcesOk: 4,
      sourcesFailed: 0,
      articlesWritten: 6,
      articlesFailed: 0,
      feedFallbacks: 0,
    });
    for (const name of CASES) expect(articleOf(name)?.extra.extraction, name).toBe('generic');
  });

  test('every article body is capped, cut at a block boundary, with the note', () => {
    for (const article of articles) {
      expect(article.body.length, article.title).toBeLessThanOrEqual(MAX_BODY_CHARS + BODY_CUT_NOTE.length + 2);
      expect(article.body.trimEnd().endsWith(BODY_CUT_NOTE), article.title).toBe(true);
      expect(article.body, article.title).toMatch(/\n\n_The article was cut here/);
    }
    // The 4.9 MB page keeps close to the cap, in whole paragraphs.
    expect(articleOf('big')!.body.length).toBeGreaterThan(MAX_BODY_CHARS * 0.9);
    expect(articleOf('big')!.body).toMatch(/said on Tuesday\.\n\n_The article/);
  });

  test('each published feed file stays under 10 MB and carries every article', async () => {
    const files = (await readdir(feedsDir, { recursive: true })).filter((name) => /\.(xml|json)$/.test(name));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expect((await stat(join(feedsDir, file))).size, file).toBeLessThan(10 * 1024 * 1024);
    const feed = JSON.parse(await readFile(join(feedsDir, 'feed.json'), 'utf8'));
    expect(feed.items).toHaveLength(6);
  });
});

describe('node and depth budget in extraction', () => {
  test(`${UNCLOSED_TAGS} unclosed <b><i> parse without a stack overflow, the text before them kept`, () => {
    const html = `<html><body><article><p>${'A sentence about a funding round. '.repeat(5)}</p>${'<b><i>x'.repeat(UNCLOSED_TAGS)}</article></body></html>`;
    const article = extractArticle({ html, url: 'https://deep.example/a', siteRules: {} });
    expect(article.text).toContain('A sentence about a funding round.');
    expect(article.markdown.endsWith(BODY_CUT_NOTE)).toBe(true);
  });
});

describe('published item and feed file caps', () => {
  test('an item body over site.maxContentChars is cut with a note; a feed file over site.maxFeedFileBytes carries fewer items', async () => {
    const body = `${'A paragraph about a funding round for a startup. '.repeat(20)}\n\n`.repeat(150);
    const many = Array.from({ length: 12 }, (_, i) =>
      makeArticle({ slug: `long-${i}`, date: `2025-11-${String(10 + i).padStart(2, '0')}`, body }),
    );
    const fixture = await makeFixture({ maxContentChars: 20_000, maxFeedFileBytes: 150_000 }, many);
    const lines: string[] = [];
    try {
      await publishFeeds(fixture.config, createLogger({ level: 'warn', sink: { write: (line) => lines.push(line) } }));
      for (const file of ['rss.xml', 'atom.xml', 'feed.json'])
        expect((await stat(join(fixture.feedsDir, file))).size, file).toBeLessThanOrEqual(150_000);
      const feed = JSON.parse(await readFile(join(fixture.feedsDir, 'feed.json'), 'utf8'));
      expect(feed.items.length).toBeGreaterThan(0);
      expect(feed.items.length).toBeLessThan(13);
      expect(feed.items[0].id).toBeDefined();
      // The newest are the ones kept.
      expect(feed.items[0].date_published).toMatch(/^2025-11-21/);
      for (const item of feed.items.filter((entry: { title: string }) => entry.title.startsWith('Title of long'))) {
        expect(item.content_html.length).toBeLessThan(25_000);
        expect(item.content_html).toContain('The article was cut here for the feed');
      }
      expect(lines.some((line) => line.includes('Feed cut to its size cap'))).toBe(true);
    } finally {
      await fixture.cleanup();
    }
  });
});
