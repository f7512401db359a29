import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { reply, startServer, type TestServer } from '../../helpers/server.js';
import { createTestClient, rejectionOf } from './test-client.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ '/feed': reply(RSS, { 'content-type': 'application/rss+xml' }) });
});
afterEach(async () => {
  await server.close();
});

describe('SSRF guard with allowPrivateNetworks false', () => {
  test('the test server on 127.0.0.1 is refused before connecting', async () => {
    const error = await rejectionOf(
      createTestClient({ allowPrivateNetworks: false }).fetchResource(server.url('/feed'), { kind: 'feed' }),
    );
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS', stage: 'fetch' });
    expect(server.requests).toHaveLength(0);
  });

  test.each(['2130706433', '0177.0.0.1', '0x7f.0.0.1', '0x7f000001', '127.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]'])(
    'the spelling %s of 127.0.0.1 is refused',
    async (host) => {
      const url = `http://${host}:${server.port}/feed`;
      const error = await rejectionOf(
        createTestClient({ allowPrivateNetworks: false }).fetchResource(url, { kind: 'feed' }),
      );
      expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS' });
      expect(server.requests).toHaveLength(0);
    },
  );

  test('a host name resolving to loopback is refused in the DNS lookup', async () => {
    const url = `http://localhost:${server.port}/feed`;
    const error = await rejectionOf(
      createTestClient({ allowPrivateNetworks: false, retries: 2 }).fetchResource(url, { kind: 'feed' }),
    );
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    expect(server.requests).toHaveLength(0);
  });

  test('every redirect hop is checked', async () => {
    // Allow the test server itself, refuse 127.0.0.2: the hop must be stopped before connecting.
    const policy = (ip: string) => ip === '127.0.0.2';
    server.route('/hop', reply('', { location: `http://127.0.0.2:${server.port}/feed` }, 302));
    const client = createTestClient({ allowPrivateNetworks: false }, { isBlockedAddress: policy });
    const error = await rejectionOf(client.fetchResource(server.url('/hop'), { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    expect(server.requests.map((r) => r.path)).toEqual(['/hop']);
    const ok = await client.fetchResource(server.url('/feed'), { kind: 'feed' });
    expect(ok.body).toBe(RSS);
  });
});

describe('concurrency limits', () => {
  function countInFlight(holdMs: number) {
    const stats = { inFlight: 0, max: 0 };
    server.route('/slow', async (_req, res) => {
      stats.inFlight += 1;
      stats.max = Math.max(stats.max, stats.inFlight);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      stats.inFlight -= 1;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
    });
    return stats;
  }

  test('perHostConcurrency bounds requests to one host', async () => {
    const stats = countInFlight(40);
    const client = createTestClient({ perHostConcurrency: 2, concurrency: 10 });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => client.fetchResource(server.url('/slow'), { kind: 'feed' })),
    );
    expect(results).toHaveLength(6);
    expect(stats.max).toBe(2);
  });

  test('concurrency bounds the whole client', async () => {
    const stats = countInFlight(30);
    const client = createTestClient({ perHostConcurrency: 5, concurrency: 1 });
    await Promise.all(Array.from({ length: 4 }, () => client.fetchResource(server.url('/slow'), { kind: 'feed' })));
    expect(stats.max).toBe(1);
    expect(server.requests).toHaveLength(4);
  });

  test('hosts are limited separately', async () => {
    const stats = countInFlight(60);
    const client = createTestClient({ perHostConcurrency: 1, concurrency: 10 });
    const other = `http://localhost:${server.port}/slow`;
    await Promise.all([
      client.fetchResource(server.url('/slow'), { kind: 'feed' }),
      client.fetchResource(server.url('/slow'), { kind: 'feed' }),
      client.fetchResource(other, { kind: 'feed' }),
      client.fetchResource(other, { kind: 'feed' }),
    ]);
    expect(stats.max).toBe(2);
  });
});

describe('cancellation', () => {
  test('an abort signal stops a stalled request with its reason', async () => {
    server.route('/stall', () => undefined);
    const controller = new AbortController();
    const pending = createTestClient({ timeoutMs: 5_000 }).fetchResource(server.url('/stall'), {
      kind: 'feed',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('run cancelled')), 30);
    const error = await rejectionOf(pending);
    expect(error.message).toBe('run cancelled');
  });
});
