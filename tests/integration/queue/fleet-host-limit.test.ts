// The HTTP client's hostGate wired to the Redis host lease: two clients (two workers), each
// allowed perHostConcurrency 2 on its own, together never have more than 2 requests in
// flight on one host; without the gate they have up to 4 (the control).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HostGate } from '../../../src/fetch/index.js';
import { createHostLeases } from '../../../src/queue/index.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { startServer, type TestServer } from '../../helpers/server.js';
import { createTestClient } from '../fetch/test-client.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

let redisServer: RedisServer;
let redis: Redis;
let site: TestServer;
const counts = { inFlight: 0, max: 0 };

beforeAll(async () => {
  redisServer = await startRedisServer();
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  site = await startServer({
    '/feed': (_req, res) => {
      counts.inFlight += 1;
      counts.max = Math.max(counts.max, counts.inFlight);
      setTimeout(() => {
        counts.inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
      }, 20);
    },
  });
});

afterAll(async () => {
  redis?.disconnect();
  await site?.close();
  await redisServer?.stop();
});

async function fetchFromTwoWorkers(hostGate?: HostGate): Promise<number> {
  counts.max = 0;
  const workers = [createTestClient({}, { hostGate }), createTestClient({}, { hostGate })];
  await Promise.all(
    workers.flatMap((client) =>
      Array.from({ length: 12 }, () => client.fetchResource(site.url('/feed'), { kind: 'feed' })),
    ),
  );
  return counts.max;
}

test('two workers sharing the lease keep perHostConcurrency together', async () => {
  expect(await fetchFromTwoWorkers()).toBe(4);
  const leases = createHostLeases({ redis, prefix: 'gate-test', limit: 2 });
  const hostGate: HostGate = (host, task, signal) => leases.withHostLease(host, task, { signal });
  expect(await fetchFromTwoWorkers(hostGate)).toBe(2);
  expect(await leases.leasesInUse()).toEqual({});
});
