// Every file of feedparser's sanitize corpus, plus our own vectors, through the whole
// pipeline (feed → page → article file → rss/atom/json), once from the feed content and
// once from a local page made of the same hostile HTML; then every output is read back
// and nothing executable may remain in any decoded field.

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { runOnce, type RunReport } from '../../src/pipeline.js';
import { corpusDir } from '../helpers/paths.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { makeHostileConfig, makeTempDir } from './helpers/hostile-config.js';
import { readSanitizeCorpus, serveHostileFeeds, vectorsFeed, type HostileFeed } from './helpers/hostile-feeds.js';
import { scanOutputs } from './helpers/scan-outputs.js';

const SANITIZE_DIR = join(corpusDir, 'feeds', 'feedparser-dev', 'wellformed', 'sanitize');

let server: TestServer;
let feeds: HostileFeed[];
const dirs: string[] = [];

beforeAll(async () => {
  feeds = [...(await readSanitizeCorpus(SANITIZE_DIR)), vectorsFeed()];
  server = await startServer();
  serveHostileFeeds(server, feeds);
});

afterAll(async () => {
  await server.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function runAll(fullText: boolean): Promise<{ report: RunReport; dir: string }> {
  const dir = await makeTempDir(fullText ? 'sanitize-full' : 'sanitize-feed');
  dirs.push(dir);
  const prefix = fullText ? '/full/' : '/feed/';
  const sources = feeds.map((feed) => ({
    name: feed.name,
    url: server.url(`${prefix}${feed.name}`),
    category: 'Work',
    fullText,
  }));
  const config = await makeHostileConfig(dir, sources);
  return { report: await runOnce(config, { logger: silentLogger }), dir };
}

describe.each([false, true])('sanitize corpus through the pipeline (fullText %s)', (fullText) => {
  test('no executable content in any article file or published feed', async () => {
    expect(feeds.length).toBe(250);
    const { report, dir } = await runAll(fullText);
    expect(report.sourcesFailed).toBe(0);
    expect(report.articlesFailed).toBe(0);
    const scan = await scanOutputs(join(dir, 'data', 'articles'), join(dir, 'feeds'));
    expect(scan.leaks).toEqual([]);
    // Every new item became one article file (items without link or guid that read the
    // same share one id) and every article was published in each feed format.
    expect(scan.articles).toBe(report.articlesWritten);
    expect(report.articlesWritten + report.duplicates, JSON.stringify(report)).toBe(report.newItems);
    expect(report.newItems).toBeGreaterThan(120);
    expect(scan.feedItems).toBeGreaterThanOrEqual(scan.articles * 3);
    if (fullText) expect(report.feedFallbacks).toBeLessThan(report.articlesWritten);
  });
});
