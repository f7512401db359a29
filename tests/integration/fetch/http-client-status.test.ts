import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FeedwrightError } from '../../../src/lib/errors.js';
import { reply, startServer, type TestServer } from '../../helpers/server.js';
import { createTestClient, rejectionOf } from './test-client.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';
const RSS_TYPE = { 'content-type': 'application/rss+xml; charset=utf-8' };

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

function redirect(status: number, to: string) {
  return reply('', { location: to }, status);
}

describe('fetchResource statuses', () => {
  test('200 gives the decoded body, validators and freshness', async () => {
    server.route(
      '/feed',
      reply(RSS, {
        ...RSS_TYPE,
        etag: '"v1"',
        'last-modified': 'Tue, 01 Apr 2025 10:00:00 GMT',
        'cache-control': 'public, max-age=600',
      }),
    );
    const result = await createTestClient().fetchResource(server.url('/feed'), { kind: 'feed' });
    expect(result).toMatchObject({
      url: server.url('/feed'),
      finalUrl: server.url('/feed'),
      status: 200,
      contentType: 'application/rss+xml',
      charset: 'utf-8',
      etag: '"v1"',
      lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT',
      maxAgeSec: 600,
      body: RSS,
      notModified: false,
    });
  });

  test('sends the validators and reports 304 as not modified', async () => {
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, RSS_TYPE).end(RSS);
    });
    const lastModified = 'Tue, 01 Apr 2025 10:00:00 GMT';
    const result = await createTestClient().fetchResource(server.url('/feed'), {
      kind: 'feed',
      etag: '"v1"',
      lastModified,
    });
    expect(result).toMatchObject({ status: 304, notModified: true, body: '', etag: '"v1"', lastModified });
    expect(server.requests[0].headers['if-none-match']).toBe('"v1"');
    expect(server.requests[0].headers['if-modified-since']).toBe(lastModified);
  });

  test('a bare 304 reports back the validators that were sent', async () => {
    server.route('/bare', reply('', {}, 304));
    const sent = { etag: 'W/"abc"', lastModified: 'Wed, 02 Apr 2025 08:00:00 GMT' };
    const result = await createTestClient().fetchResource(server.url('/bare'), { kind: 'feed', ...sent });
    expect(result).toMatchObject({ notModified: true, body: '', ...sent });
  });

  test('sends a User-Agent naming feedwright and the site', async () => {
    server.route('/feed', reply(RSS, RSS_TYPE));
    await createTestClient().fetchResource(server.url('/feed'), { kind: 'feed' });
    expect(server.requests[0].headers['user-agent']).toBe('feedwright/0.1.0 (+https://aivibe.example; AIVibe)');
    await createTestClient({ userAgent: 'custom-agent/2' }).fetchResource(server.url('/feed'), { kind: 'feed' });
    expect(server.requests[1].headers['user-agent']).toBe('custom-agent/2');
  });

  test('follows a 301 → 302 → 307 → 308 chain and reports the final URL', async () => {
    server.route('/a', redirect(301, '/b'));
    server.route('/b', redirect(302, server.url('/c')));
    server.route('/c', redirect(307, 'd'));
    server.route('/d', redirect(308, '/final?x=1'));
    server.route('/final', reply(RSS, RSS_TYPE));
    const result = await createTestClient().fetchResource(server.url('/a'), { kind: 'feed' });
    expect(result.finalUrl).toBe(server.url('/final?x=1'));
    expect(result.url).toBe(server.url('/a'));
    expect(result.body).toBe(RSS);
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b', '/c', '/d', '/final?x=1']);
  });

  test('a redirect loop is TOO_MANY_REDIRECTS', async () => {
    server.route('/a', redirect(302, '/b'));
    server.route('/b', redirect(302, '/a'));
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/a'), { kind: 'feed' }));
    expect(error).toBeInstanceOf(FeedwrightError);
    expect(error).toMatchObject({ code: 'TOO_MANY_REDIRECTS', stage: 'fetch' });
    expect(server.requests).toHaveLength(2);
  });

  test('more than maxRedirects hops is TOO_MANY_REDIRECTS', async () => {
    for (let i = 0; i < 4; i += 1) server.route(`/r${i}`, redirect(301, `/r${i + 1}`));
    server.route('/r4', reply(RSS, RSS_TYPE));
    const error = await rejectionOf(
      createTestClient({ maxRedirects: 3 }).fetchResource(server.url('/r0'), { kind: 'feed' }),
    );
    expect(error).toMatchObject({ code: 'TOO_MANY_REDIRECTS' });
    expect(server.requests).toHaveLength(4);
    const ok = await createTestClient({ maxRedirects: 4 }).fetchResource(server.url('/r0'), { kind: 'feed' });
    expect(ok.finalUrl).toBe(server.url('/r4'));
  });

  test('404 is HTTP_STATUS with the status, not retried', async () => {
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/missing'), { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 404, stage: 'fetch', url: server.url('/missing') });
    expect(server.requests).toHaveLength(1);
  });

  test('410 is GONE', async () => {
    server.route('/gone', reply('gone', {}, 410));
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/gone'), { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'GONE', status: 410 });
    expect(server.requests).toHaveLength(1);
  });

  test('500 then 200 succeeds on retry', async () => {
    let calls = 0;
    server.route('/flaky', (_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(500).end('boom');
      else res.writeHead(200, RSS_TYPE).end(RSS);
    });
    const result = await createTestClient().fetchResource(server.url('/flaky'), { kind: 'feed' });
    expect(result.body).toBe(RSS);
    expect(calls).toBe(2);
  });

  test('500 forever fails after 1 + retries attempts', async () => {
    server.route('/down', reply('boom', {}, 500));
    const error = await rejectionOf(
      createTestClient({ retries: 3 }).fetchResource(server.url('/down'), { kind: 'feed' }),
    );
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 500 });
    expect(server.requests).toHaveLength(4);
  });

  test('429 with Retry-After waits and then succeeds', async () => {
    let calls = 0;
    server.route('/limited', (_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(429, { 'retry-after': '0' }).end();
      else res.writeHead(200, RSS_TYPE).end(RSS);
    });
    const result = await createTestClient().fetchResource(server.url('/limited'), { kind: 'feed' });
    expect(result.status).toBe(200);
    expect(calls).toBe(2);
  });

  test('a Retry-After in seconds is waited before the next attempt', async () => {
    const seenAt: number[] = [];
    server.route('/limited', (_req, res) => {
      seenAt.push(performance.now());
      if (seenAt.length === 1) res.writeHead(503, { 'retry-after': '1' }).end();
      else res.writeHead(200, RSS_TYPE).end(RSS);
    });
    const result = await createTestClient().fetchResource(server.url('/limited'), { kind: 'feed' });
    expect(result.status).toBe(200);
    expect(seenAt).toHaveLength(2);
    // The backoff alone would be a few milliseconds; the server asked for a second.
    expect(seenAt[1] - seenAt[0]).toBeGreaterThanOrEqual(950);
  });

  test('429 asking for more than maxRetryAfterMs is RATE_LIMITED at once', async () => {
    server.route('/limited', reply('', { 'retry-after': '3600' }, 429));
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/limited'), { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
  });

  test('429 with an HTTP-date Retry-After over the cap carries the wait', async () => {
    const later = new Date(Date.now() + 120_000).toUTCString();
    server.route('/limited', reply('', { 'retry-after': later }, 429));
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/limited'), { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(server.requests).toHaveLength(1);
  });

  test('429 forever is RATE_LIMITED after the retries', async () => {
    server.route('/limited', reply('', { 'retry-after': '0' }, 429));
    const error = await rejectionOf(
      createTestClient({ retries: 1 }).fetchResource(server.url('/limited'), { kind: 'feed' }),
    );
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 0 });
    expect(server.requests).toHaveLength(2);
  });

  test('a connection refused is NETWORK', async () => {
    const url = server.url('/feed');
    await server.close();
    const error = await rejectionOf(createTestClient({ retries: 1 }).fetchResource(url, { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'NETWORK', stage: 'fetch' });
    server = await startServer();
  });

  test('non-http schemes are refused', async () => {
    const error = await rejectionOf(createTestClient().fetchResource('file:///etc/passwd', { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    server.route('/to-file', redirect(302, 'file:///etc/passwd'));
    const hop = await rejectionOf(createTestClient().fetchResource(server.url('/to-file'), { kind: 'feed' }));
    expect(hop).toMatchObject({ code: 'BLOCKED_ADDRESS' });
  });

  test('credentials never appear in the error URL', async () => {
    const url = server.url('/missing').replace('http://', 'http://user:secret@');
    const error = await rejectionOf(createTestClient().fetchResource(url, { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'HTTP_STATUS' });
    expect(String(error.url)).not.toContain('secret');
    expect(String(error.message)).not.toContain('secret');
  });
});
