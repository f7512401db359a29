// recordFetch: the client tells its recorder (the metrics) of every call, after retries and
// redirects, with the outcome, the last status and the duration, over real HTTP.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { FetchObservation } from '../../../src/types.js';
import { reply, startServer, type TestServer } from '../../helpers/server.js';
import { createTestClient, rejectionOf } from './test-client.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';
const HTML = '<!doctype html><html><body><p>Article</p></body></html>';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

describe('recordFetch', () => {
  test('one observation per call: ok, not modified, an HTTP error, a form post', async () => {
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
    });
    server.route('/moved', reply('', { location: '/page' }, 301));
    server.route('/page', reply(HTML, { 'content-type': 'text/html' }));
    server.route('/hub', reply('', {}, 202));
    const seen: FetchObservation[] = [];
    const client = createTestClient({}, { recordFetch: (observation) => seen.push(observation) });
    await client.fetchResource(server.url('/feed'), { kind: 'feed' });
    await client.fetchResource(server.url('/feed'), { kind: 'feed', etag: '"v1"' });
    await client.fetchPage(server.url('/moved'));
    await rejectionOf(client.fetchPage(server.url('/missing')));
    await client.postForm(server.url('/hub'), { 'hub.mode': 'publish' });
    expect(seen.map(({ durationMs: _, ...rest }) => rest)).toEqual([
      { kind: 'feed', outcome: 'ok', status: 200 },
      { kind: 'feed', outcome: 'not_modified', status: 304 },
      { kind: 'page', outcome: 'ok', status: 200 },
      { kind: 'page', outcome: 'http_status', status: 404 },
      { kind: 'form', outcome: 'ok', status: 202 },
    ]);
    for (const observation of seen) expect(observation.durationMs).toBeGreaterThanOrEqual(0);
  });

  test('a 500 retried then failed is one observation; an aborted fetch says so', async () => {
    server.route('/broken', reply('no', {}, 500));
    server.route('/slow', (_req, res) => void setTimeout(() => res.end(RSS), 200));
    const seen: FetchObservation[] = [];
    const client = createTestClient({ retries: 2 }, { recordFetch: (observation) => seen.push(observation) });
    await rejectionOf(client.fetchResource(server.url('/broken'), { kind: 'feed' }));
    expect(server.requests.filter((request) => request.path === '/broken')).toHaveLength(3);
    const controller = new AbortController();
    const pending = client.fetchResource(server.url('/slow'), { kind: 'feed', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 30);
    await expect(pending).rejects.toThrow('stop');
    expect(seen.map(({ kind, outcome, status }) => ({ kind, outcome, status }))).toEqual([
      { kind: 'feed', outcome: 'http_status', status: 500 },
      { kind: 'feed', outcome: 'aborted', status: undefined },
    ]);
  });
});
