// Page slots are shared fairly between sources: a source whose host is slow (its per-host
// limit full) never holds the run's page slots while another source's pages wait. The
// slow host here never answers until the other source's page has been asked for.

import { rm } from 'node:fs/promises';
import { afterEach, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { runOnce } from '../../src/pipeline.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/cli.js';
import { makeHostileConfig, makeTempDir } from '../hostile/helpers/hostile-config.js';

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const rss = (links: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.example/</link><description>d</description>${links
    .map((link, i) => `<item><title>Story ${i} about funding</title><link>${link}</link><guid>${link}</guid></item>`)
    .join('')}</channel></rss>`;

const page = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${'A paragraph about funding and startups. '.repeat(20)}</p></article></body></html>`;

test("a slow host's pages do not hold the page slots other sources' pages need", async () => {
  server = await startServer();
  const s = server;
  // Two host names for one local server: 127.0.0.1 (slow) and localhost (quick).
  const slow = (path: string) => s.url(path);
  const quick = (path: string) => s.url(path).replace('127.0.0.1', 'localhost');
  const slowPages = [0, 1, 2, 3].map((i) => slow(`/slow/${i}`));
  s.route(
    '/slow.xml',
    (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(slowPages)),
  );
  s.route(
    '/quick.xml',
    (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([quick('/quick/0')])),
  );
  let quickAsked = false;
  s.route('/quick/0', (_req, res) => {
    quickAsked = true;
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('Quick story'));
  });
  for (const [i] of slowPages.entries()) {
    s.route(`/slow/${i}`, async (_req, res) => {
      // Holds its host's only slot until the other source's page was asked for (or 5 s).
      await waitFor(() => quickAsked, 5_000, 'the quick page').catch(() => undefined);
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(`Slow story ${i}`));
    });
  }
  dir = await makeTempDir('fairness');
  const config = await makeHostileConfig(
    dir,
    [
      { name: 'Slow', url: slow('/slow.xml'), category: 'Work', fullText: true },
      { name: 'Quick', url: quick('/quick.xml'), category: 'Work', fullText: true },
    ],
    { concurrency: 2, perHostConcurrency: 1, timeoutMs: 10_000 },
  );
  const report = await runOnce(config, { logger: silentLogger, publish: false });
  expect(report).toMatchObject({ sourcesOk: 2, articlesWritten: 5, feedFallbacks: 0 });
  // The quick page was asked for while the slow host's first page was still held.
  const paths = s.requests.map((request) => request.path);
  expect(paths.indexOf('/quick/0')).toBeGreaterThan(-1);
  expect(paths.indexOf('/quick/0')).toBeLessThan(paths.indexOf('/slow/1'));
});
