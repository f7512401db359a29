// The fleet-wide per-host limit on a real redis-server: leases taken up to the limit and no
// further, an expired lease (its holder died) reclaimed after its TTL, an unknown release
// harmless, and, with three connections in this process and two child processes hammering
// one host through withHostLease, a real HTTP server never sees more than `limit` requests
// at once.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHostLeases } from '../../../src/queue/index.js';
import { projectRoot } from '../../helpers/paths.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { startServer, type TestServer } from '../../helpers/server.js';

let server: RedisServer;
const connections: Redis[] = [];
let prefixCount = 0;

const connect = () => {
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  connections.push(redis);
  return redis;
};
const freshPrefix = () => `lease-test-${++prefixCount}`;

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await server?.stop();
});

describe('acquire, renew and release', () => {
  test('takes leases up to the limit, and one more once one is released', async () => {
    const leases = createHostLeases({ redis: connect(), prefix: freshPrefix(), limit: 2 });
    const first = await leases.acquire('Example.com');
    const second = await leases.acquire('example.com');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(await leases.acquire('example.com')).toBeNull();
    expect(await leases.acquire('other.example')).not.toBeNull();
    expect(await leases.leasesInUse()).toEqual({ 'example.com': 2, 'other.example': 1 });
    expect(await leases.release('example.com', first!)).toBe(true);
    expect(await leases.acquire('example.com')).not.toBeNull();
  });

  test('releasing an unknown id does nothing and frees nothing', async () => {
    const leases = createHostLeases({ redis: connect(), prefix: freshPrefix(), limit: 1 });
    expect(await leases.release('example.com', 'no-such-lease')).toBe(false);
    const held = await leases.acquire('example.com');
    expect(await leases.release('example.com', 'no-such-lease')).toBe(false);
    expect(await leases.acquire('example.com')).toBeNull();
    expect(await leases.release('example.com', held!)).toBe(true);
    expect(await leases.release('example.com', held!)).toBe(false);
  });

  test("a lease's score is its expiry on the Redis server's clock, and its key expires with it", async () => {
    const redis = connect();
    const prefix = freshPrefix();
    const leases = createHostLeases({ redis, prefix, limit: 1, ttlMs: 60_000 });
    const id = await leases.acquire('example.com');
    const [seconds, micros] = await redis.time();
    const serverNowMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const expiry = Number(await redis.zscore(`${prefix}:lease:example.com`, id!));
    expect(expiry - serverNowMs).toBeGreaterThan(59_000);
    expect(expiry - serverNowMs).toBeLessThanOrEqual(60_000);
    expect(await redis.pttl(`${prefix}:lease:example.com`)).toBeGreaterThan(59_000);
  });

  test('a lease whose holder died is taken again after its TTL; renew keeps a live one', async () => {
    const leases = createHostLeases({ redis: connect(), prefix: freshPrefix(), limit: 1 });
    const dead = await leases.acquire('example.com', 1, 300);
    expect(dead).not.toBeNull();
    expect(await leases.acquire('example.com', 1, 300)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 350));
    const next = await leases.acquire('example.com', 1, 300);
    expect(next).not.toBeNull();
    expect(await leases.renew('example.com', dead!)).toBe(false);
    expect(await leases.release('example.com', dead!)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await leases.renew('example.com', next!, 300)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await leases.acquire('example.com', 1, 300)).toBeNull();
    expect(await leases.leasesInUse()).toEqual({ 'example.com': 1 });
  });

  test('withHostLease waits for the dead lease to expire, and can be aborted while waiting', async () => {
    const leases = createHostLeases({ redis: connect(), prefix: freshPrefix(), limit: 1 });
    await leases.acquire('example.com', 1, 400);
    const controller = new AbortController();
    const aborted = leases.withHostLease('example.com', async () => 'ran', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await expect(aborted).rejects.toThrow('shutting down');
    const startedAt = Date.now();
    expect(await leases.withHostLease('example.com', async () => 'ran')).toBe('ran');
    expect(Date.now() - startedAt).toBeGreaterThan(250);
    expect(await leases.leasesInUse()).toEqual({});
  });

  test('withHostLease releases its lease when fn throws', async () => {
    const leases = createHostLeases({ redis: connect(), prefix: freshPrefix(), limit: 1 });
    await expect(
      leases.withHostLease('example.com', async () => {
        throw new Error('fetch failed');
      }),
    ).rejects.toThrow('fetch failed');
    expect(await leases.acquire('example.com')).not.toBeNull();
  });
});

describe('wake-ups', () => {
  test("a waiter is woken by another process's release, not by its next try", async () => {
    const prefix = freshPrefix();
    const holder = createHostLeases({ redis: connect(), prefix, limit: 1 });
    // Tries again only after a minute: only the release's message can wake it in time.
    const waiter = createHostLeases({ redis: connect(), subscriber: connect(), prefix, limit: 1, recheckMs: 60_000 });
    const held = await holder.acquire('wake.example');
    expect(held).not.toBeNull();
    const order: string[] = [];
    const waiting = waiter.withHostLease('wake.example', async () => void order.push('waiter ran'));
    await new Promise((resolve) => setTimeout(resolve, 300)); // subscribed, tried once, waiting
    order.push('released');
    await holder.release('wake.example', held!);
    await waiting;
    expect(order).toEqual(['released', 'waiter ran']);
  }, 10_000);
});

describe('long holds and Redis restarts', () => {
  test('withHostLease renews its lease while fn runs past the TTL', async () => {
    const leases = createHostLeases({ redis: connect(), prefix: freshPrefix(), limit: 1, ttlMs: 300 });
    let tookAnother: string | null | undefined;
    await leases.withHostLease('example.com', async () => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      tookAnother = await leases.acquire('example.com');
    });
    expect(tookAnother).toBeNull();
    expect(await leases.acquire('example.com')).not.toBeNull();
  });

  test('a waiter rides out a Redis restart (scripts loaded again) and gets its lease', async () => {
    const durable = await startRedisServer({ aof: true });
    const redis = new Redis(durable.url, { maxRetriesPerRequest: null, retryStrategy: () => 50 });
    redis.on('error', () => {}); // refused connections while it restarts, retried
    try {
      const leases = createHostLeases({ redis, prefix: freshPrefix(), limit: 1 });
      await leases.acquire('example.com', 1, 500);
      const waiter = leases.withHostLease('example.com', async (leaseId) => leaseId);
      await durable.restart({ downMs: 200 });
      expect(await waiter).toMatch(/^[0-9a-f-]{36}$/);
      expect(await leases.leasesInUse()).toEqual({});
    } finally {
      redis.disconnect();
      await durable.stop();
    }
  });
});

/** A host that counts the requests it is serving at once, each held a random 2-25 ms. */
async function startCountingHost() {
  const counts = { inFlight: 0, max: 0, total: 0 };
  const host = await startServer({
    '/hold': (_req, res) => {
      counts.inFlight += 1;
      counts.total += 1;
      counts.max = Math.max(counts.max, counts.inFlight);
      setTimeout(
        () => {
          counts.inFlight -= 1;
          res.end('ok');
        },
        2 + Math.random() * 23,
      );
    },
  });
  return { host, counts };
}

const LOOPS = 6;
const REQUESTS_PER_LOOP = 5;

// Runs in a child process: the built module (dist/, made before the tests) on its own connection.
const CHILD = `
const { createHostLeases } = await import(process.env.LEASE_MODULE);
const { Redis } = await import('ioredis');
const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
const leases = createHostLeases({ redis, prefix: process.env.PREFIX, limit: 2 });
const loop = async () => {
  for (let i = 0; i < ${REQUESTS_PER_LOOP}; i += 1)
    await leases.withHostLease('shared.example', async () => (await fetch(process.env.TARGET)).text());
};
await Promise.all(Array.from({ length: ${LOOPS} }, loop));
redis.disconnect();
`;

function runChild(env: Record<string, string>): Promise<number | string> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

describe('the limit across connections and processes', () => {
  let target: { host: TestServer; counts: { inFlight: number; max: number; total: number } };
  beforeAll(async () => {
    target = await startCountingHost();
  });
  afterAll(() => target.host.close());

  test('with a limit of 2, the host never serves more than 2 at once', async () => {
    const prefix = freshPrefix();
    const env = {
      LEASE_MODULE: pathToFileURL(join(projectRoot, 'dist', 'queue', 'index.js')).href,
      REDIS_URL: server.url,
      PREFIX: prefix,
      TARGET: target.host.url('/hold'),
    };
    const children = [runChild(env), runChild(env)];
    const inProcess = [connect(), connect(), connect()].map(async (redis) => {
      const leases = createHostLeases({ redis, prefix, limit: 2 });
      const loop = async () => {
        for (let i = 0; i < REQUESTS_PER_LOOP; i += 1)
          await leases.withHostLease('shared.example', async () => (await fetch(target.host.url('/hold'))).text());
      };
      await Promise.all(Array.from({ length: LOOPS }, loop));
    });
    await Promise.all(inProcess);
    expect(await Promise.all(children)).toEqual([0, 0]);
    expect(target.counts.total).toBe(5 * LOOPS * REQUESTS_PER_LOOP);
    expect(target.counts.max).toBe(2);
    const leases = createHostLeases({ redis: connect(), prefix, limit: 2 });
    expect(await leases.leasesInUse()).toEqual({});
  }, 60_000);
});
