// The fleet-wide per-host limit (issue 15 item 4): `fetch.perHostConcurrency` counted across
// every worker, on Redis, since BullMQ's group limits are a paid edition. Contract:
// - each host has a lease set, the sorted set `${prefix}:lease:${host}`: member a unique
//   lease id, score the lease's expiry in ms. Taking, renewing and releasing a lease are
//   Lua scripts, so each is atomic across processes, and their clock is the Redis server's
//   (`TIME`), never a worker's;
// - acquire drops expired leases first, then takes one only while fewer than `limit` are
//   held: a worker that dies holding a lease (kill -9) blocks its slot for one TTL at most;
// - withHostLease waits for a lease (polling with a small jittered backoff, abortable),
//   renews it every third of its TTL while `fn` runs, and releases it in `finally`. A TTL
//   of 60 s (default) is well above one fetch attempt (fetch.timeoutMs, 15 s by default,
//   twice that for a slow body), so a renewal missed by a busy event loop loses nothing;
// - releasing an unknown or expired id does nothing;
// - `${prefix}:lease-hosts` lists the hosts that may hold leases, so leasesInUse() (the
//   metrics' gauge) reads them without scanning the keyspace. A lease key expires with its
//   last lease, and the count script drops hosts left with none.
// The connection should be made with `maxRetriesPerRequest: null` (as BullMQ's are): while
// Redis restarts, calls then wait for it instead of failing.

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { backoffDelayMs, sleep } from '../lib/backoff.js';

export interface HostLeaseOptions {
  redis: Redis;
  /** Key prefix (queue.prefix); default `feedwright`. */
  prefix?: string;
  /** Leases per host across the fleet (fetch.perHostConcurrency). */
  limit: number;
  /** How long a lease lives without renewal; default 60 s. */
  ttlMs?: number;
  /** First wait between tries of withHostLease, doubling up to 16 times it, jittered. Default 20 ms. */
  pollMs?: number;
  /**
   * A connection of its own (it is put in subscriber mode) on which waiters hear of every
   * release at once, instead of polling.
   */
  subscriber?: Redis;
  /** With a subscriber: how often a waiter tries anyway (a holder that died releases nothing); default 250 ms. */
  recheckMs?: number;
}

export interface HostLeases {
  /** Takes a lease when fewer than `limit` are held on `host`: its id, else null. */
  acquire(host: string, limit?: number, ttlMs?: number): Promise<string | null>;
  /** Gives a lease back; false when it was not held (unknown, or expired). */
  release(host: string, leaseId: string): Promise<boolean>;
  /** Extends a held lease to `ttlMs` from now; false when it had already expired. */
  renew(host: string, leaseId: string, ttlMs?: number): Promise<boolean>;
  /** Runs `fn` holding a lease on `host`, waiting for one first. */
  withHostLease<T>(host: string, fn: (leaseId: string) => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Live leases per host (hosts with none are left out). */
  leasesInUse(): Promise<Record<string, number>>;
}

const MAX_POLL_DOUBLINGS = 4;
/** With wake-ups, how often a waiter tries anyway (a holder that died releases nothing). */
const SUBSCRIBED_RECHECK_MS = 250;

// Server time in ms, from Redis's own clock (seconds, microseconds).
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// The key lives as long as its longest lease: a dead host's key does not stay behind.
const EXPIRE_WITH_LAST_LEASE = `local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then redis.call('PEXPIREAT', KEYS[1], last[2]) end`;

/** KEYS: lease set, hosts index. ARGV: limit, ttlMs, lease id, host. 1 when taken. */
const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
${EXPIRE_WITH_LAST_LEASE}
redis.call('SADD', KEYS[2], ARGV[4])
return 1`;

/** KEYS: lease set. ARGV: lease id, ttlMs. 1 when renewed. */
const RENEW = `${NOW}
local expiry = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expiry or tonumber(expiry) <= now then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
${EXPIRE_WITH_LAST_LEASE}
return 1`;

/** KEYS: lease set. ARGV: lease id, wake-up channel, host. 1 when it was held; its waiters are told. */
const RELEASE = `${NOW}
local expiry = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expiry then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
if tonumber(expiry) <= now then return 0 end
return 1`;

/** KEYS: hosts index, then one lease set per host. ARGV: the hosts. Live leases per host. */
const COUNT = `${NOW}
local counts = {}
for i, host in ipairs(ARGV) do
  redis.call('ZREMRANGEBYSCORE', KEYS[i + 1], '-inf', now)
  local n = redis.call('ZCARD', KEYS[i + 1])
  if n == 0 then redis.call('SREM', KEYS[1], host) end
  counts[i] = n
end
return counts`;

type LeaseRedis = Redis & {
  feedwrightLeaseAcquire(
    set: string,
    hosts: string,
    limit: number,
    ttlMs: number,
    id: string,
    host: string,
  ): Promise<number>;
  feedwrightLeaseRenew(set: string, id: string, ttlMs: number): Promise<number>;
  feedwrightLeaseRelease(set: string, id: string, channel: string, host: string): Promise<number>;
  feedwrightLeaseCount(...keysAndHosts: string[]): Promise<number[]>;
};

/** Registers the scripts once per connection (ioredis sends EVALSHA, EVAL on a miss). */
function withScripts(redis: Redis): LeaseRedis {
  const scripted = redis as LeaseRedis;
  if (typeof scripted.feedwrightLeaseAcquire !== 'function') {
    redis.defineCommand('feedwrightLeaseAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('feedwrightLeaseRenew', { numberOfKeys: 1, lua: RENEW });
    redis.defineCommand('feedwrightLeaseRelease', { numberOfKeys: 1, lua: RELEASE });
    redis.defineCommand('feedwrightLeaseCount', { lua: COUNT });
  }
  return scripted;
}

export function createHostLeases(options: HostLeaseOptions): HostLeases {
  const redis = withScripts(options.redis);
  const prefix = options.prefix ?? 'feedwright';
  const ttlDefault = options.ttlMs ?? 60_000;
  const hostsKey = `${prefix}:lease-hosts`;
  const setKey = (host: string) => `${prefix}:lease:${host.toLowerCase()}`;
  const channel = `${prefix}:lease-free`;
  const wakeUps = listenForReleases(options.subscriber, channel);

  const leases: HostLeases = {
    async acquire(host, limit = options.limit, ttlMs = ttlDefault) {
      const id = randomUUID();
      const taken = await redis.feedwrightLeaseAcquire(setKey(host), hostsKey, limit, ttlMs, id, host.toLowerCase());
      return taken === 1 ? id : null;
    },
    release: async (host, leaseId) =>
      (await redis.feedwrightLeaseRelease(setKey(host), leaseId, channel, host.toLowerCase())) === 1,
    renew: async (host, leaseId, ttlMs = ttlDefault) =>
      (await redis.feedwrightLeaseRenew(setKey(host), leaseId, ttlMs)) === 1,
    async withHostLease(host, fn, runOptions = {}) {
      const leaseId = await waitForLease(leases, host, options, wakeUps, runOptions.signal);
      const renewal = setInterval(() => void leases.renew(host, leaseId).catch(() => {}), ttlDefault / 3);
      renewal.unref();
      try {
        return await fn(leaseId);
      } finally {
        clearInterval(renewal);
        // A release that fails (Redis gone) leaves the lease to expire after its TTL.
        await leases.release(host, leaseId).catch(() => false);
      }
    },
    async leasesInUse() {
      const hosts = (await redis.smembers(hostsKey)).sort();
      if (hosts.length === 0) return {};
      const counts = await redis.feedwrightLeaseCount(
        String(hosts.length + 1),
        hostsKey,
        ...hosts.map(setKey),
        ...hosts,
      );
      return Object.fromEntries(hosts.map((host, i) => [host, counts[i]]).filter(([, n]) => Number(n) > 0));
    },
  };
  return leases;
}

/** Waiters for a host's next release, told through Redis pub/sub when there is a subscriber connection. */
interface WakeUps {
  /** Resolves at the host's next release (any worker's), or after `ms`. */
  next(host: string, ms: number, signal?: AbortSignal): { wait: Promise<void>; cancel(): void };
  readonly listening: boolean;
}

function listenForReleases(subscriber: Redis | undefined, channel: string): WakeUps {
  const waiting = new Map<string, Set<() => void>>();
  if (subscriber) {
    void subscriber.subscribe(channel).catch(() => undefined);
    subscriber.on('message', (from: string, host: string) => {
      if (from !== channel) return;
      for (const wake of waiting.get(host) ?? []) wake();
    });
  }
  return {
    listening: subscriber !== undefined,
    next(host, ms, signal) {
      const key = host.toLowerCase();
      let wake: () => void = () => undefined;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const set = waiting.get(key) ?? new Set();
      waiting.set(key, set.add(wake));
      const cancel = () => {
        set.delete(wake);
        if (set.size === 0) waiting.delete(key);
        wake();
      };
      return { wait: Promise.race([woken, sleep(ms, signal)]).finally(cancel), cancel };
    },
  };
}

/**
 * Tries until a lease is taken. With a subscriber, a waiter wakes at the host's next
 * release (and every recheckMs anyway, for a lease that expired); without one, it polls,
 * a little longer after each miss (at most 16 x pollMs).
 */
async function waitForLease(
  leases: HostLeases,
  host: string,
  options: HostLeaseOptions,
  wakeUps: WakeUps,
  signal?: AbortSignal,
): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    signal?.throwIfAborted();
    // Listening before trying: a release between the try and the wait is not missed.
    const delay = wakeUps.listening
      ? (options.recheckMs ?? SUBSCRIBED_RECHECK_MS)
      : backoffDelayMs(Math.min(attempt, MAX_POLL_DOUBLINGS), options.pollMs ?? 20);
    const next = wakeUps.next(host, delay, signal);
    const leaseId = await leases.acquire(host).catch((error: unknown) => {
      next.cancel();
      throw error;
    });
    if (leaseId) {
      next.cancel();
      return leaseId;
    }
    await next.wait;
  }
}
