// `feedwright state export|import`: the whole state between state.json's shape and Redis,
// so a one-machine site moves to queue mode (and back) without fetching anything again.
// Claims in flight are not state and never move; the conflicts index is made again from
// the items' own `conflict` fields.

import type { Redis } from 'ioredis';
import { FeedwrightError } from '../lib/errors.js';
import { stateKeys } from './redis-state-store.js';
import { emptyState, type RunState, type SeenItem, type SourceState } from './run-state.js';

const parseAll = <T>(hash: Record<string, string>): Record<string, T> =>
  Object.fromEntries(Object.entries(hash).map(([key, text]) => [key, JSON.parse(text) as T]));

const stringifyAll = (record: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, JSON.stringify(value)]));

const conflictIndex = (items: Record<string, SeenItem>): Record<string, string> =>
  Object.fromEntries(Object.entries(items).flatMap(([id, seen]) => (seen.conflict ? [[id, '1']] : [])));

export async function exportRedisState(redis: Redis, prefix: string): Promise<RunState> {
  const keys = stateKeys(prefix);
  const [sources, items, legacy, urls] = await Promise.all([
    redis.hgetall(keys.sources),
    redis.hgetall(keys.items),
    redis.hgetall(keys.legacyItems),
    redis.hgetall(keys.urls),
  ]);
  const state = emptyState();
  state.sources = parseAll<SourceState>(sources);
  state.items = parseAll<SeenItem>(items);
  if (Object.keys(legacy).length > 0) state.legacyItems = parseAll<SeenItem>(legacy);
  state.urls = urls;
  return state;
}

/** True when Redis holds no feedwright state under `prefix`. */
export async function isRedisStateEmpty(redis: Redis, prefix: string): Promise<boolean> {
  const keys = stateKeys(prefix);
  return (await redis.exists(keys.sources, keys.items, keys.legacyItems, keys.urls, keys.conflicts)) === 0;
}

/**
 * Writes `state` into Redis under `prefix`, in one transaction. Refuses when Redis already
 * holds state there, unless `replace` (the old state is then removed first).
 */
export async function importRedisState(
  redis: Redis,
  prefix: string,
  state: RunState,
  options: { replace?: boolean } = {},
): Promise<void> {
  const keys = stateKeys(prefix);
  if (!options.replace && !(await isRedisStateEmpty(redis, prefix)))
    throw new FeedwrightError('QUEUE', `Redis already holds state under "${prefix}" (use --replace to overwrite it)`, {
      stage: 'queue',
    });
  const step = redis.multi().del(keys.sources, keys.items, keys.legacyItems, keys.urls, keys.conflicts);
  const fill = (key: string, record: Record<string, string>) => {
    if (Object.keys(record).length > 0) step.hset(key, record);
  };
  fill(keys.sources, stringifyAll(state.sources));
  fill(keys.items, stringifyAll(state.items));
  fill(keys.legacyItems, stringifyAll(state.legacyItems ?? {}));
  fill(keys.urls, state.urls);
  fill(keys.conflicts, conflictIndex(state.items));
  await step.exec();
}
