// SSRF through the whole pipeline, with private networks not allowed. The client's
// address policy lets 127.0.0.1 (the test server) through and refuses everything else
// the guard refuses, so nothing is ever connected to but 127.0.0.1:
// - a public-looking feed whose item links point at private/reserved addresses in many
//   spellings: each page is refused, the feed's own content is stored instead, logged;
// - a feed and a page that redirect to the cloud metadata address: refused at the hop.

import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient } from '../../src/fetch/http-client.js';
import { isBlockedAddress } from '../../src/fetch/address-guard.js';
import { createLogger } from '../../src/lib/log.js';
import { runOnce, type RunReport } from '../../src/pipeline.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import { loadState, type RunState } from '../../src/state/run-state.js';
import type { Article } from '../../src/types.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { makeHostileConfig, makeTempDir } from './helpers/hostile-config.js';

const PRIVATE_LINKS = [
  'http://127.0.0.2/admin',
  'http://[::1]/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://172.31.255.254/',
  'http://192.168.1.1/router',
  'http://169.254.169.254/latest/meta-data/',
  'http://100.64.0.1/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:10.0.0.1]/',
  'http://2852039166/',
  'http://0xa9fea9fe/',
  'http://0251.0376.0251.0376/',
  'http://012.0.0.1/',
  'http://0x7f.0.0.2/',
  'http://0/',
  'http://[fe80::1]/',
];
const METADATA_REDIRECTS = [
  'http://169.254.169.254/latest/meta-data/iam/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://0xa9fea9fe/',
];

let server: TestServer;
let dir: string;
let report: RunReport;
let state: RunState;
let articles: Article[];
const logLines: string[] = [];

function feed(items: Array<{ title: string; link: string }>): string {
  const entries = items.map(
    (item, i) =>
      `<item><title>${item.title}</title><link>${item.link}</link><guid>ssrf-${item.title}-${i}</guid><description>Feed text of ${item.title}.</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Looks public</title><link>https://news.example/</link><description>d</description>${entries.join('')}</channel></rss>`;
}

beforeAll(async () => {
  server = await startServer();
  const xml = { 'content-type': 'application/rss+xml' };
  const privateItems = PRIVATE_LINKS.map((link, i) => ({ title: `Private ${i}`, link }));
  const redirectItems = METADATA_REDIRECTS.map((_, i) => ({
    title: `Redirect ${i}`,
    link: server.url(`/to-metadata/${i}`),
  }));
  server.route(
    '/private-links.xml',
    (_req, res) => void res.writeHead(200, xml).end(feed([...privateItems, ...redirectItems])),
  );
  server.route(
    '/feed-to-metadata.xml',
    (_req, res) => void res.writeHead(302, { location: METADATA_REDIRECTS[0] }).end(),
  );
  for (const [i, location] of METADATA_REDIRECTS.entries()) {
    server.route(`/to-metadata/${i}`, (_req, res) => void res.writeHead(301, { location }).end());
  }
  dir = await makeTempDir('ssrf');
  const config = await makeHostileConfig(
    dir,
    [
      { name: 'Private links', url: server.url('/private-links.xml'), category: 'Work' },
      { name: 'Redirected feed', url: server.url('/feed-to-metadata.xml'), category: 'Work' },
    ],
    { allowPrivateNetworks: false },
  );
  const logger = createLogger({ level: 'debug', sink: { write: (line) => void logLines.push(line) } });
  const onlyTestServer = (ip: string) => ip !== '127.0.0.1' && isBlockedAddress(ip);
  const client = createHttpClient({ fetch: config.fetch, site: config.site, logger, isBlockedAddress: onlyTestServer });
  report = await runOnce(config, { logger, client });
  state = await loadState(config.paths.state);
  articles = await Promise.all((await listArticleFiles(config.paths.articles)).map((file) => readArticleFile(file)));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SSRF through the pipeline (allowPrivateNetworks false)', () => {
  test('every private item link is refused and the feed content is stored instead, with a log line', () => {
    const total = PRIVATE_LINKS.length + METADATA_REDIRECTS.length;
    // Spellings of one address canonicalize to one URL: stored once, the rest duplicates.
    expect(report).toMatchObject({ newItems: total, articlesFailed: 0, feedFallbacks: total });
    expect(report.articlesWritten + report.duplicates).toBe(total);
    expect(articles).toHaveLength(report.articlesWritten);
    expect(
      articles.every((article) => article.extra.extraction === 'feed' && article.body.includes('Feed text of')),
    ).toBe(true);
    const refused = logLines.filter(
      (line) => line.includes('Unable to read article page') && line.includes('code=BLOCKED_ADDRESS'),
    );
    expect(refused).toHaveLength(total);
  });

  test('a feed that redirects to the metadata address fails with BLOCKED_ADDRESS', () => {
    expect(state.sources[server.url('/feed-to-metadata.xml')]).toMatchObject({
      lastOutcome: 'error',
      lastErrorCode: 'BLOCKED_ADDRESS',
    });
    expect(report).toMatchObject({ sourcesOk: 1, sourcesFailed: 1 });
  });

  test('only the test server was ever asked, and only for the paths it serves', () => {
    const asked = new Set(server.requests.map((request) => request.path));
    expect([...asked].sort()).toEqual([
      '/feed-to-metadata.xml',
      '/private-links.xml',
      '/to-metadata/0',
      '/to-metadata/1',
      '/to-metadata/2',
    ]);
  });
});
