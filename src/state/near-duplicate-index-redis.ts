// The near-duplicate index of queue mode (issue 16), shared by every worker in Redis, each
// change one atomic step on the server (a Lua script). Keys, under the configured prefix:
// `:near:band:<key>` (a sorted set of slugs scored by the time they were indexed, ms),
// `:near:slugs` (every indexed slug scored the same way, for pruning), `:near:keys` (slug →
// its band keys, space-separated, so pruning knows which sets to trim), and the claims
// `:claim:near:<key>` (the owner's item id, expiring after CLAIM_TTL_MS like the others).
// A lookup reads only scores in the window; prune trims the oldest slugs a batch at a time.

import type { Redis } from 'ioredis';
import { rankCandidates } from '../dedupe/index.js';
import type { NearDuplicateStore } from './near-duplicate-store.js';

// KEYS[1] slugs, KEYS[2] keys hash, KEYS[3..] the band sets; ARGV slug, time, keys (space-separated).
// Keys the slug was indexed under before are kept in its record, so prune still trims them.
const ADD = `
local all = ARGV[3]
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old then
  local seen = {}
  for key in string.gmatch(all, '%S+') do seen[key] = true end
  for key in string.gmatch(old, '%S+') do
    if not seen[key] then all = all .. ' ' .. key end
  end
end
for i = 3, #KEYS do redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1]) end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], all)
return 1`;

// KEYS[1] slugs, KEYS[2] keys hash, KEYS[3..] band sets of the stale slugs; ARGV before, then the slugs.
// A slug indexed again meanwhile (its time moved into the window) keeps its record.
const PRUNE = `
local before = '(' .. ARGV[1]
for i = 3, #KEYS do redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', before) end
for i = 2, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) < tonumber(ARGV[1]) then
    redis.call('ZREM', KEYS[1], ARGV[i])
    redis.call('HDEL', KEYS[2], ARGV[i])
  end
end
return 1`;

// KEYS the claims; ARGV owner, ttl. 1 when this owner holds them all now, 0 (nothing taken) otherwise.
const CLAIM = `
for i = 1, #KEYS do
  local held = redis.call('GET', KEYS[i])
  if held and held ~= ARGV[1] then return 0 end
end
for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2]) end
return 1`;

// KEYS the claims; ARGV owner. Deletes only this owner's.
const RELEASE = `
for i = 1, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
return 1`;

/** Stale slugs dropped per prune step. */
const PRUNE_BATCH = 200;

export function nearDuplicateKeysOf(prefix: string) {
  return {
    slugs: `${prefix}:near:slugs`,
    keys: `${prefix}:near:keys`,
    band: (key: string) => `${prefix}:near:band:${key}`,
    claim: (key: string) => `${prefix}:claim:near:${key}`,
  };
}

export function createRedisNearDuplicateStore(redis: Redis, prefix: string, claimTtlMs: number): NearDuplicateStore {
  const names = nearDuplicateKeysOf(prefix);
  const pruneStep = async (before: Date): Promise<number> => {
    const stale = await redis.zrangebyscore(names.slugs, '-inf', `(${before.getTime()}`, 'LIMIT', 0, PRUNE_BATCH);
    if (stale.length === 0) return 0;
    const recorded = await redis.hmget(names.keys, ...stale);
    const bands = [...new Set(recorded.flatMap((keys) => (keys ?? '').split(' ').filter(Boolean)))].map(names.band);
    await redis.eval(PRUNE, 2 + bands.length, names.slugs, names.keys, ...bands, before.getTime(), ...stale);
    return stale.length;
  };
  return {
    async add(slug, keys, at) {
      const bands = keys.map(names.band);
      await redis.eval(ADD, 2 + bands.length, names.slugs, names.keys, ...bands, slug, at.getTime(), keys.join(' '));
    },
    async candidates(keys, since) {
      if (keys.length === 0) return [];
      const step = redis.pipeline();
      for (const key of keys) step.zrangebyscore(names.band(key), since.getTime(), '+inf');
      const hits = new Map<string, number>();
      for (const [error, slugs] of (await step.exec()) ?? []) {
        if (error) throw error;
        for (const slug of slugs as string[]) hits.set(slug, (hits.get(slug) ?? 0) + 1);
      }
      return rankCandidates(hits);
    },
    async prune(before) {
      let dropped: number;
      do dropped = await pruneStep(before);
      while (dropped === PRUNE_BATCH);
    },
    async claim(keys, owner) {
      if (keys.length === 0) return true;
      return (await redis.eval(CLAIM, keys.length, ...keys.map(names.claim), owner, claimTtlMs)) === 1;
    },
    async release(keys, owner) {
      if (keys.length > 0) await redis.eval(RELEASE, keys.length, ...keys.map(names.claim), owner);
    },
  };
}
