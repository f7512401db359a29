// Polling politeness through runOnce: intervals from the feed and the server, backoff on
// failure, 410 disabling a source, --force, and the run's failure rule.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/lib/log.js';
import { isRunFailed, runOnce } from '../../src/pipeline.js';
import { collectStatus } from '../../src/commands/status-command.js';
import { loadState } from '../../src/state/run-state.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const rss = (extra: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>T</title><link>https://t.example/</link><description>d</description>${extra}<item><title>One</title><guid>one</guid><description>Only item.</description></item></channel></rss>`;

async function setup(sources: Array<{ name: string; path: string }>, server: TestServer) {
  const dir = await mkdtemp(join(tmpdir(), 'feedwright-schedule-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return resolveConfig(
    {
      site: { title: 'T', url: 'https://aivibe.example', author: 'AIVibe' },
      fetch: { allowPrivateNetworks: true, retries: 0, timeoutMs: 3000 },
      sources: sources.map((source) => ({
        name: source.name,
        url: server.url(source.path),
        category: 'Work',
        fullText: false,
      })),
      categories: [{ name: 'Work' }],
    },
    { cwd: dir, siteRules: {} },
  );
}

function hits(server: TestServer, path: string): number {
  return server.requests.filter((request) => request.path === path).length;
}

describe('polling politeness', () => {
  test('ttl, sy:updatePeriod and max-age delay the next fetch; failures back off; 410 disables; --force overrides', async () => {
    const server = await startServer({
      '/ttl.xml': reply(rss('<ttl>90</ttl>'), { 'content-type': 'application/rss+xml' }),
      '/sy.xml': reply(rss('<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>'), {
        'content-type': 'application/rss+xml',
      }),
      '/maxage.xml': reply(rss(''), { 'content-type': 'application/rss+xml', 'cache-control': 'max-age=1200' }),
      '/broken.xml': reply('oops', { 'content-type': 'text/plain' }, 500),
      '/gone.xml': reply('gone', { 'content-type': 'text/plain' }, 410),
    });
    cleanups.push(() => server.close());
    const names = ['ttl', 'sy', 'maxage', 'broken', 'gone'];
    const config = await setup(
      names.map((name) => ({ name, path: `/${name}.xml` })),
      server,
    );
    const started = Date.now();
    const first = await runOnce(config, { logger: silentLogger, publish: false });
    // The three feeds carry an item with the same guid `one` and no link: ids are scoped to
    // the source, so each is its own story (one GUID across sources is not one item).
    expect(first).toMatchObject({ sourcesDue: 5, sourcesOk: 3, sourcesFailed: 2, articlesWritten: 3, duplicates: 0 });
    expect(isRunFailed(first)).toBe(false);
    const state = await loadState(config.paths.state);
    const waitMinutes = (name: string) =>
      Math.round((Date.parse(state.sources[server.url(`/${name}.xml`)].nextFetchAt ?? '') - started) / 60_000);
    expect(waitMinutes('ttl')).toBe(90);
    expect(waitMinutes('sy')).toBe(720);
    expect(waitMinutes('maxage')).toBe(20);
    expect(waitMinutes('broken')).toBe(5);
    expect(state.sources[server.url('/broken.xml')]).toMatchObject({
      failures: 1,
      lastOutcome: 'error',
      lastStatus: 500,
      lastErrorCode: 'HTTP_STATUS',
    });
    expect(state.sources[server.url('/gone.xml')]).toMatchObject({ disabled: true, lastOutcome: 'gone' });

    const second = await runOnce(config, { logger: silentLogger, publish: false });
    expect(second.sourcesDue).toBe(0);
    expect(names.map((name) => hits(server, `/${name}.xml`))).toEqual([1, 1, 1, 1, 1]);

    const forced = await runOnce(config, { logger: silentLogger, publish: false, force: true });
    expect(forced).toMatchObject({ sourcesDue: 5, newItems: 0, sourcesFailed: 2 });
    const after = await loadState(config.paths.state);
    expect(after.sources[server.url('/broken.xml')].failures).toBe(2);
  });

  test('a run in which every source failed is a failed run', async () => {
    const server = await startServer({ '/down.xml': reply('no', {}, 503) });
    cleanups.push(() => server.close());
    const config = await setup([{ name: 'down', path: '/down.xml' }], server);
    const report = await runOnce(config, { logger: silentLogger, publish: false });
    expect(report).toMatchObject({ sourcesDue: 1, sourcesFailed: 1 });
    expect(isRunFailed(report)).toBe(true);
  });

  test('a feed that never parses backs off 5, 10, 20 minutes, and no 304 ever reports it healthy', async () => {
    // The server sends an ETag and honours it: before the fix the ETag of the unparsable
    // body was kept, so the second fetch got a 304 and the source read as healthy.
    const server = await startServer({
      '/never.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('not a feed, not even XML');
      },
    });
    cleanups.push(() => server.close());
    const config = await setup([{ name: 'never', path: '/never.xml' }], server);
    const seen: Array<{ failures: number; waitMinutes: number; result: string; stored: object }> = [];
    for (let run = 0; run < 3; run += 1) {
      const report = await runOnce(config, { logger: silentLogger, publish: false, force: true });
      expect(report.sourcesDue).toBe(1);
      const st = (await loadState(config.paths.state)).sources[server.url('/never.xml')]!;
      const [status] = await collectStatus(config);
      seen.push({
        failures: st.failures,
        waitMinutes: Math.round((Date.parse(st.nextFetchAt!) - Date.parse(st.lastFetchAt!)) / 60_000),
        result: status!.result,
        stored: { etag: st.etag, failed: report.sourcesFailed, notModified: report.sourcesNotModified },
      });
    }
    expect(seen).toEqual([
      { failures: 1, waitMinutes: 5, result: 'error', stored: { etag: undefined, failed: 1, notModified: 0 } },
      { failures: 2, waitMinutes: 10, result: 'error', stored: { etag: undefined, failed: 1, notModified: 0 } },
      { failures: 3, waitMinutes: 20, result: 'error', stored: { etag: undefined, failed: 1, notModified: 0 } },
    ]);
    expect(server.requests.every((request) => request.headers['if-none-match'] === undefined)).toBe(true);
    // Without --force the backoff holds: nothing is due.
    expect((await runOnce(config, { logger: silentLogger, publish: false })).sourcesDue).toBe(0);
    expect(hits(server, '/never.xml')).toBe(3);
  });
});
