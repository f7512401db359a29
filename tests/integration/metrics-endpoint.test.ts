// A worker's /metrics end to end: the real HTTP client fetches from a real node:http site
// with the recorder wired in, host leases come from a real redis-server, and a real GET of
// /metrics (serveMetrics) returns Prometheus's text with the expected counters, histogram
// buckets and gauges.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { createMetrics, serveMetrics, type MetricsServer } from '../../src/metrics/index.js';
import { createHostLeases } from '../../src/queue/index.js';
import { findSample, parsePrometheusText } from '../helpers/prometheus-text.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { createTestClient, rejectionOf } from './fetch/test-client.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

let site: TestServer;
let redisServer: RedisServer;
let redis: Redis;
let endpoint: MetricsServer;
const metrics = createMetrics();

beforeAll(async () => {
  site = await startServer({
    '/feed': reply(RSS, { 'content-type': 'application/rss+xml' }),
    '/slow-feed': (_req, res) =>
      void setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS), 300),
    '/page': reply('<!doctype html><p>Text</p>', { 'content-type': 'text/html' }),
    '/gone': reply('', {}, 410),
  });
  redisServer = await startRedisServer();
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  endpoint = await serveMetrics({ registry: metrics.registry, port: 0, logger: silentLogger });
});

afterAll(async () => {
  await endpoint?.close();
  redis?.disconnect();
  await redisServer?.stop();
  await site?.close();
});

describe('GET /metrics', () => {
  test('counts the fetches the client made, with their duration buckets, and the leases held', async () => {
    const client = createTestClient({ timeoutMs: 2000 }, { recordFetch: metrics.recordFetch });
    await client.fetchResource(site.url('/feed'), { kind: 'feed' });
    await client.fetchResource(site.url('/feed'), { kind: 'feed' });
    await client.fetchResource(site.url('/slow-feed'), { kind: 'feed' });
    await client.fetchPage(site.url('/page'));
    await rejectionOf(client.fetchPage(site.url('/gone')));
    const leases = createHostLeases({ redis, prefix: 'metrics-test', limit: 2 });
    metrics.setLeaseSource(() => leases.leasesInUse());
    const held = await leases.acquire('techcrunch.com');
    metrics.recordExtraction('readability', 42);
    metrics.recordArticleWritten();

    const response = await fetch(endpoint.url);
    expect(endpoint.url).toBe(`http://127.0.0.1:${endpoint.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parsePrometheusText(await response.text());
    const fetches = (labels: Record<string, string>) => findSample(samples, 'feedwright_fetches_total', labels);
    expect(fetches({ kind: 'feed', outcome: 'ok', status: '200' })).toBe(3);
    expect(fetches({ kind: 'page', outcome: 'ok', status: '200' })).toBe(1);
    expect(fetches({ kind: 'page', outcome: 'gone', status: '410' })).toBe(1);
    const feedBucket = (le: string) =>
      findSample(samples, 'feedwright_fetch_duration_seconds_bucket', { kind: 'feed', le });
    expect(feedBucket('0.25')).toBe(2);
    expect(feedBucket('+Inf')).toBe(3);
    expect(findSample(samples, 'feedwright_fetch_duration_seconds_count', { kind: 'page' })).toBe(2);
    expect(findSample(samples, 'feedwright_host_leases_in_use', { host: 'techcrunch.com' })).toBe(1);
    expect(findSample(samples, 'feedwright_extractions_total', { method: 'readability' })).toBe(1);
    expect(findSample(samples, 'feedwright_articles_written_total')).toBe(1);

    await leases.release('techcrunch.com', held!);
    const after = parsePrometheusText(await (await fetch(endpoint.url)).text());
    expect(findSample(after, 'feedwright_host_leases_in_use', { host: 'techcrunch.com' })).toBeUndefined();
  });

  test('any other path is 404, any other method 405', async () => {
    expect((await fetch(new URL('/other', endpoint.url))).status).toBe(404);
    const post = await fetch(endpoint.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
