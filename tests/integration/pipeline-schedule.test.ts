// Polling politeness through runOnce: intervals from the feed and the server, backoff on
// failure, 410 disabling a source, --force, and the run's failure rule.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/lib/log.js';
import { isRunFailed, runOnce } from '../../src/pipeline.js';
import { loadState } from '../../src/store/run-state.js';
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
      sources: sources.map((source) => ({ name: source.name, url: server.url(source.path), category: 'Work', fullText: false })),
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
      '/sy.xml': reply(rss('<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>'), { 'content-type': 'application/rss+xml' }),
      '/maxage.xml': reply(rss(''), { 'content-type': 'application/rss+xml', 'cache-control': 'max-age=1200' }),
      '/broken.xml': reply('oops', { 'content-type': 'text/plain' }, 500),
      '/gone.xml': reply('gone', { 'content-type': 'text/plain' }, 410),
    });
    cleanups.push(() => server.close());
    const names = ['ttl', 'sy', 'maxage', 'broken', 'gone'];
    const config = await setup(names.map((name) => ({ name, path: `/${name}.xml` })), server);
    const started = Date.now();
    const first = await runOnce(config, { logger: silentLogger, publish: false });
    // The three feeds carry an item with the same guid `one` and no link: ids are scoped to
    // the source, so each is its own story (one GUID across sources is not one item).
    expect(first).toMatchObject({ sourcesDue: 5, sourcesOk: 3, sourcesFailed: 2, articlesWritten: 3, duplicates: 0 });
    expect(isRunFailed(first)).toBe(false);
    const state = await loadState(config.paths.state);
    const waitMinutes = (name: string) => Math.round((Date.parse(state.sources[server.url(`/${name}.xml`)].nextFetchAt ?? '') - started) / 60_000);
    expect(waitMinutes('ttl')).toBe(90);
    expect(waitMinutes('sy')).toBe(720);
    expect(waitMinutes('maxage')).toBe(20);
    expect(waitMinutes('broken')).toBe(5);
    expect(state.sources[server.url('/broken.xml')]).toMatchObject({ failures: 1, lastOutcome: 'error', lastStatus: 500, lastErrorCode: 'HTTP_STATUS' });
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
});
