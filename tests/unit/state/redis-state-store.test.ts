// The StateStore contract on its Redis implementation (queue mode), against a real
// redis-server, and what only a shared store must show: claims are atomic across
// connections (two workers), expire when their holder died, and the whole state moves
// between state.json's shape and Redis unchanged.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CLAIM_TTL_MS,
  createRedisStateStore,
  emptyState,
  exportRedisState,
  importRedisState,
  stateKeys,
  type RunState,
} from '../../../src/state/index.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { describeStateStoreContract } from '../../helpers/state-store-contract.js';

let server: RedisServer;
const clients: Redis[] = [];
let prefixes = 0;

const connect = () => {
  const client = new Redis(server.url, { lazyConnect: false });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
  await server.stop();
});

describeStateStoreContract('Redis', async () => {
  prefixes += 1;
  const prefix = `t${prefixes}`;
  return {
    store: createRedisStateStore(connect(), prefix),
    reopen: async () => createRedisStateStore(connect(), prefix),
  };
});

describe('Redis, shared by many processes', () => {
  test('fifty claims of one URL at once from five connections: exactly one wins, the rest see its slug', async () => {
    const prefix = 'race';
    const stores = Array.from({ length: 5 }, () => createRedisStateStore(connect(), prefix));
    const tries = Array.from({ length: 50 }, (_, i) =>
      stores[i % 5]!.claimUrl('https://n.example/a', `slug-${i}`, `item-${i}`),
    );
    const answers = await Promise.all(tries);
    const winners = answers.flatMap((answer, i) => (answer === undefined ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(new Set(answers.filter((answer) => answer !== undefined))).toEqual(new Set([`slug-${winners[0]}`]));
  });

  test('a claim whose holder died expires; the slug is free again', async () => {
    const redis = connect();
    const store = createRedisStateStore(redis, 'dead');
    expect(await store.reserveSlug('s', 'i1')).toBe(true);
    const ttl = await redis.pttl(stateKeys('dead').claim('slug', 's'));
    expect(ttl).toBeGreaterThan(CLAIM_TTL_MS - 5000);
    expect(ttl).toBeLessThanOrEqual(CLAIM_TTL_MS);
    await redis.pexpire(stateKeys('dead').claim('slug', 's'), 50); // time passes
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await store.reserveSlug('s', 'i2')).toBe(true);
  });

  test('state moves from state.json to Redis and back unchanged; an import over state refuses unless replacing', async () => {
    const redis = connect();
    const state: RunState = {
      ...emptyState(),
      sources: {
        'https://a.example/feed': { url: 'https://a.example/feed', etag: '"x"', failures: 0, scopedIds: true },
      },
      items: {
        abc: { seenAt: '2026-01-01T00:00:00.000Z', slug: 'one' },
        def: { seenAt: '2026-01-02T00:00:00.000Z' },
        ghi: {
          seenAt: '2026-01-03T00:00:00.000Z',
          slug: 'three',
          fingerprint: { updated: '2026-01-03T01:00:00.000Z', title: 'aaa', content: 'bbb' },
          fileHash: 'h3',
          storedAt: '2026-01-03T00:00:01.000Z',
          conflict: { at: '2026-01-04T00:00:00.000Z', source: 'https://a.example/feed' },
        },
      },
      legacyItems: { old: { seenAt: '2025-01-01T00:00:00.000Z', slug: 'older' } },
      urls: { 'https://a.example/1': 'one' },
    };
    await importRedisState(redis, 'moved', state);
    expect(await exportRedisState(redis, 'moved')).toEqual(state);
    // The conflicts index is made again from the items.
    expect(await createRedisStateStore(redis, 'moved').findConflicts()).toEqual([
      { itemId: 'ghi', slug: 'three', conflict: state.items.ghi!.conflict },
    ]);
    await expect(importRedisState(redis, 'moved', emptyState())).rejects.toThrow(/already holds state under "moved"/);
    await importRedisState(redis, 'moved', emptyState(), { replace: true });
    expect(await exportRedisState(redis, 'moved')).toEqual(emptyState());
    expect(await createRedisStateStore(redis, 'moved').findConflicts()).toEqual([]);
  });

  test('updates of one item from five connections at once: each is one step, the conflicts index agrees with the item', async () => {
    const stores = Array.from({ length: 5 }, () => createRedisStateStore(connect(), 'updates'));
    await stores[0]!.recordStored('i1', 'one', undefined, {
      fingerprint: { title: 't', content: 'c0' },
      fileHash: 'h0',
    });
    const at = new Date('2026-01-02T00:00:00Z');
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const fingerprint = { title: 't', content: `c${i + 1}` };
        const conflict = { at: at.toISOString(), source: 'https://a.example/feed' };
        return stores[i % 5]!.recordUpdate(
          'i1',
          i % 2
            ? { kind: 'conflict', fingerprint, conflict }
            : { kind: 'rewritten', fingerprint, fileHash: `h${i + 1}`, at },
        );
      }),
    );
    const seen = await stores[0]!.findItem('i1');
    expect(seen?.slug).toBe('one');
    expect(seen?.fingerprint?.content).toMatch(/^c\d+$/);
    const listed = (await stores[0]!.findConflicts()).map((entry) => entry.itemId);
    expect(listed).toEqual(seen?.conflict ? ['i1'] : []);
  });

  test("a version 1 state's items are taken over at a source's first fetch, as with state.json", async () => {
    const redis = connect();
    const state: RunState = {
      ...emptyState(),
      sources: { 'https://a.example/feed': { url: 'https://a.example/feed', failures: 0 } },
      legacyItems: { g1: { seenAt: '2025-01-01T00:00:00.000Z', slug: 'older' } },
    };
    await importRedisState(redis, 'legacy', state);
    const store = createRedisStateStore(redis, 'legacy');
    const item = (id: string) => ({ id, guid: id, title: id, categories: [], authors: [], media: [], enclosures: [] });
    const found = await store.findNewItems(
      { name: 'A', url: 'https://a.example/feed' },
      [item('g1'), item('g2')],
      new Map(),
    );
    expect(found.fresh.map((it) => it.title)).toEqual(['g2']);
    expect((await store.findSource('https://a.example/feed'))?.scopedIds).toBe(true);
  });

  test('near-duplicate keys: of overlapping claims from five connections at once exactly one wins; prune leaves no key behind', async () => {
    const redis = connect();
    const stores = Array.from({ length: 5 }, () => createRedisStateStore(connect(), 'near'));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stores[i % 5]!.nearDuplicates.claim([`k${i % 3}`, 'shared'], `item-${i}`)),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
    const index = stores[0]!.nearDuplicates;
    await index.add('old', ['k1', 'k2'], new Date(Date.UTC(2026, 0, 1)));
    await index.add('new', ['k2'], new Date(Date.UTC(2026, 0, 8)));
    await index.prune(new Date(Date.UTC(2026, 0, 5)));
    expect((await redis.keys('near:near:*')).sort()).toEqual([
      'near:near:band:k2',
      'near:near:keys',
      'near:near:slugs',
    ]);
    expect(await redis.zrange('near:near:band:k2', 0, -1)).toEqual(['new']);
    await index.prune(new Date(Date.UTC(2026, 0, 9)));
    expect(await redis.keys('near:near:*')).toEqual([]);
  });
});
