// The StateStore of queue mode: the same state as state.json, in Redis hashes shared by
// every worker, each claim one atomic step on the server (a Lua script or one command), so
// two workers on two machines never write the same story twice.
//
// Keys, under the configured prefix: `:sources` (source key → SourceState JSON), `:items`
// (scoped item id → SeenItem JSON), `:legacy-items` (a version 1 state's items, imported),
// `:urls` (canonical URL → slug), `:conflicts` (the ids of items whose update was skipped
// for an editor's hand, an index of their `conflict` field), and the claims in flight, `:claim:item|url|slug:<hash>`,
// each holding its owner (the item's id) and expiring after CLAIM_TTL_MS: a worker killed
// mid-write leaves nothing held for long, and the retried item (same id) takes its own
// claims back at once. The item claim has no owner to compare (the id is the claim): a
// retry finds it held, reports it in flight, and its job is tried again after the TTL.

import type { Redis } from 'ioredis';
import { hashId } from '../lib/hash.js';
import type { FeedItem } from '../types.js';
import { isChangedItem } from './item-fingerprint.js';
import { createRedisNearDuplicateStore } from './near-duplicate-index-redis.js';
import { applyFailure, applyNotModified, applySuccess } from './record-fetch.js';
import { patchForUpdate, storedFileFields } from './record-update.js';
import { sourceKey, type SeenItem, type SourceState } from './run-state.js';
import { listFeedItems, type GuidOwners, type NewItems } from './seen-items.js';
import type { ScheduleSettings } from './source-schedule.js';
import type { StateStore } from './state-store.js';

/** How long a claim outlives a worker that died holding it (a store takes milliseconds). */
export const CLAIM_TTL_MS = 30_000;

/** The hashes of one feedwright site in Redis. */
export function stateKeys(prefix: string) {
  return {
    sources: `${prefix}:sources`,
    items: `${prefix}:items`,
    legacyItems: `${prefix}:legacy-items`,
    urls: `${prefix}:urls`,
    conflicts: `${prefix}:conflicts`,
    claim: (kind: 'item' | 'url' | 'slug', value: string) => `${prefix}:claim:${kind}:${hashId(value, 24)}`,
  };
}

// KEYS[1] urls hash, KEYS[2] the URL's claim; ARGV url, slug, owner, ttl.
// Returns the slug that has the URL, or nil when this owner holds it now.
const CLAIM_URL = `
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored then return stored end
local held = redis.call('GET', KEYS[2])
if held then
  local sep = string.find(held, '\\n', 1, true)
  if string.sub(held, 1, sep - 1) ~= ARGV[3] then return string.sub(held, sep + 1) end
end
redis.call('SET', KEYS[2], ARGV[3] .. '\\n' .. ARGV[2], 'PX', ARGV[4])
return false`;

// KEYS[1] the claim; ARGV owner, ttl. 1 when this owner holds it now.
const RESERVE = `
local held = redis.call('GET', KEYS[1])
if held and held ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

// KEYS[1] the claim; ARGV owner (the part before a newline). Deletes it only for its owner.
const RELEASE = `
local held = redis.call('GET', KEYS[1])
if not held then return 0 end
local sep = string.find(held, '\\n', 1, true)
local owner = sep and string.sub(held, 1, sep - 1) or held
if owner ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])`;

// KEYS[1] items hash, KEYS[2] conflicts index; ARGV item id, fields to set (JSON), and
// `set`, `clear` or `keep` for its conflict. One step, so two workers updating one item
// never write back each other's stale fields. 0 when the item is not stored.
const PATCH_ITEM = `
local text = redis.call('HGET', KEYS[1], ARGV[1])
if not text then return 0 end
local seen = cjson.decode(text)
for key, value in pairs(cjson.decode(ARGV[2])) do seen[key] = value end
if ARGV[3] == 'clear' then
  seen['conflict'] = nil
  redis.call('HDEL', KEYS[2], ARGV[1])
elseif ARGV[3] == 'set' then
  redis.call('HSET', KEYS[2], ARGV[1], '1')
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(seen))
return 1`;

const parse = <T>(text: string | null): T | undefined => (text === null ? undefined : (JSON.parse(text) as T));

export function createRedisStateStore(redis: Redis, prefix: string): StateStore {
  const keys = stateKeys(prefix);
  const ttl = String(CLAIM_TTL_MS);
  const release = (key: string, owner: string) => redis.eval(RELEASE, 1, key, owner).then(() => undefined);

  const readSource = async (url: string) => parse<SourceState>(await redis.hget(keys.sources, sourceKey(url)));
  /** One source's state changed by `apply` (a source is fetched by one job at a time). */
  const changeSource = async (url: string, apply: (state: SourceState) => void) => {
    const key = sourceKey(url);
    const state = (await readSource(url)) ?? { url: key, failures: 0, scopedIds: true };
    apply(state);
    await redis.hset(keys.sources, key, JSON.stringify(state));
  };
  const recordItem = async (itemId: string, slug: string) => {
    const seen: SeenItem = { seenAt: new Date().toISOString(), slug };
    await redis.hset(keys.items, itemId, JSON.stringify(seen));
  };

  return {
    findSource: readSource,
    recordNotModified: (url, fetch, settings: ScheduleSettings) =>
      changeSource(url, (state) => applyNotModified(state, fetch, settings)),
    recordSuccess: (url, fetch, settings) => changeSource(url, (state) => applySuccess(state, fetch, settings)),
    recordFailure: (url, fetch, settings) => changeSource(url, (state) => applyFailure(state, fetch, settings)),

    findNewItems: (source, items, owners, since) => findNewItems(redis, keys, { source, items, owners, since }),
    findItem: async (itemId) => parse<SeenItem>(await redis.hget(keys.items, itemId)),
    async claimItem(itemId) {
      if (parse<SeenItem>(await redis.hget(keys.items, itemId))?.slug) return false;
      return (await redis.set(keys.claim('item', itemId), itemId, 'PX', CLAIM_TTL_MS, 'NX')) === 'OK';
    },
    releaseItem: (itemId) => release(keys.claim('item', itemId), itemId),
    recordItem,
    async recordStored(itemId, slug, url, file) {
      const seen: SeenItem = { seenAt: new Date().toISOString(), slug, ...storedFileFields(file, new Date()) };
      const step = redis.multi().hset(keys.items, itemId, JSON.stringify(seen));
      if (url !== undefined) step.hset(keys.urls, url, slug).del(keys.claim('url', url));
      await step.exec();
    },

    async recordUpdate(itemId, update) {
      const patch = patchForUpdate(update);
      await redis.eval(PATCH_ITEM, 2, keys.items, keys.conflicts, itemId, JSON.stringify(patch.set), patch.conflict);
    },
    async findConflicts() {
      const ids = await redis.hkeys(keys.conflicts);
      if (ids.length === 0) return [];
      const seen = await redis.hmget(keys.items, ...ids);
      return ids.flatMap((itemId, i) => {
        const item = parse<SeenItem>(seen[i] ?? null);
        return item?.conflict && item.slug ? [{ itemId, slug: item.slug, conflict: item.conflict }] : [];
      });
    },

    async findUrl(url) {
      const stored = await redis.hget(keys.urls, url);
      if (stored) return stored;
      const held = await redis.get(keys.claim('url', url));
      return held ? held.slice(held.indexOf('\n') + 1) : undefined;
    },
    async claimUrl(url, slug, owner) {
      const taken = await redis.eval(CLAIM_URL, 2, keys.urls, keys.claim('url', url), url, slug, owner, ttl);
      return typeof taken === 'string' ? taken : undefined;
    },
    releaseUrl: (url, owner) => release(keys.claim('url', url), owner),

    reserveSlug: async (slug, owner) => (await redis.eval(RESERVE, 1, keys.claim('slug', slug), owner, ttl)) === 1,
    releaseSlug: (slug, owner) => release(keys.claim('slug', slug), owner),

    nearDuplicates: createRedisNearDuplicateStore(redis, prefix, CLAIM_TTL_MS),

    // Every change above is on the server already.
    save: async () => undefined,
    flush: async () => undefined,
  };
}

/** As seen-items.ts over state.json: a version 1 state's ids are taken over by the first fetch of each source. */
async function findNewItems(
  redis: Redis,
  keys: ReturnType<typeof stateKeys>,
  {
    source,
    items,
    owners,
    since,
  }: { source: { name: string; url: string }; items: FeedItem[]; owners: GuidOwners; since?: Date },
): Promise<NewItems> {
  const { listed, collisions } = listFeedItems(source, items, owners);
  const fresh: FeedItem[] = [];
  const changed: FeedItem[] = [];
  if (listed.length === 0) return { fresh, changed, collisions };
  const seen = await redis.hmget(keys.items, ...listed.map(({ item }) => item.id));
  const state = parse<SourceState>(await redis.hget(keys.sources, sourceKey(source.url)));
  const legacy =
    state && !state.scopedIds ? await redis.hmget(keys.legacyItems, ...listed.map(({ feedItemId }) => feedItemId)) : [];
  const takenOver: string[] = [];
  listed.forEach(({ item }, i) => {
    const old = legacy[i];
    if (seen[i] === null && old) takenOver.push(item.id, old);
    else if (seen[i] === null) fresh.push(item);
    else if (isChangedItem(parse<SeenItem>(seen[i]), item, since)) changed.push(item);
  });
  if (takenOver.length > 0) await redis.hset(keys.items, ...takenOver);
  if (state && !state.scopedIds)
    await redis.hset(keys.sources, sourceKey(source.url), JSON.stringify({ ...state, scopedIds: true }));
  return { fresh, changed, collisions };
}
