// The StateStore contract, run on every implementation (state.json, Redis): claims are
// taken once and given back, a claim's owner takes it back on a retry, what is stored
// stays stored for the next process, validators are kept only from a feed that parsed, and
// an item stored within the update window whose entry changed is found "changed" (issue 16).

import { describe, expect, test } from 'vitest';
import { fingerprintItem, type StateStore } from '../../src/state/index.js';
import type { FeedItem } from '../../src/types.js';

export interface StoreUnderTest {
  store: StateStore;
  /** The same state as another process would open it, after this one flushed. */
  reopen(): Promise<StateStore>;
}

const SETTINGS = { minIntervalMinutes: 0, maxBackoffMinutes: 1440 };
const URL_A = 'https://a.example/feed.xml';
const AT = new Date('2026-01-01T00:00:00Z');
const HOUR_MS = 3_600_000;

const feedItem = (id: string, fields: Partial<FeedItem> = {}): FeedItem => ({
  id,
  guid: id,
  title: id,
  categories: [],
  authors: [],
  media: [],
  enclosures: [],
  ...fields,
});

export function describeStateStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: claims`, () => {
    test('an item, a slug and a URL are each claimed once until given back', async () => {
      const { store } = await open();
      expect(await store.claimItem('i1')).toBe(true);
      expect(await store.claimItem('i1')).toBe(false);
      await store.releaseItem('i1');
      expect(await store.claimItem('i1')).toBe(true);
      expect(await store.reserveSlug('s', 'i1')).toBe(true);
      expect(await store.reserveSlug('s', 'i2')).toBe(false);
      await store.releaseSlug('s', 'i2'); // not the holder: nothing given back
      expect(await store.reserveSlug('s', 'i2')).toBe(false);
      await store.releaseSlug('s', 'i1');
      expect(await store.reserveSlug('s', 'i2')).toBe(true);
      expect(await store.claimUrl('https://n.example/a', 'a', 'i1')).toBeUndefined();
      expect(await store.claimUrl('https://n.example/a', 'b', 'i2')).toBe('a');
      expect(await store.findUrl('https://n.example/a')).toBe('a');
      await store.releaseUrl('https://n.example/a', 'i1');
      expect(await store.claimUrl('https://n.example/a', 'b', 'i2')).toBeUndefined();
    });

    test("a claim's owner takes it back (a retried item after its worker died)", async () => {
      const { store } = await open();
      expect(await store.reserveSlug('s', 'i1')).toBe(true);
      expect(await store.reserveSlug('s', 'i1')).toBe(true);
      expect(await store.claimUrl('https://n.example/a', 's', 'i1')).toBeUndefined();
      expect(await store.claimUrl('https://n.example/a', 's', 'i1')).toBeUndefined();
      expect(await store.claimUrl('https://n.example/a', 't', 'i2')).toBe('s');
    });

    test('a stored item is not claimed again, in this process or the next', async () => {
      const { store, reopen } = await open();
      expect(await store.claimItem('i1')).toBe(true);
      await store.recordStored('i1', 'slug-1', 'https://n.example/a');
      await store.releaseItem('i1');
      expect(await store.claimItem('i1')).toBe(false);
      await store.flush();
      const next = await reopen();
      expect(await next.claimItem('i1')).toBe(false);
      expect((await next.findItem('i1'))?.slug).toBe('slug-1');
      expect(await next.findUrl('https://n.example/a')).toBe('slug-1');
      // A stored URL is not taken back by its owner either.
      expect(await next.claimUrl('https://n.example/a', 'other', 'i1')).toBe('slug-1');
    });

    test('new items: only those not seen from this source, each once', async () => {
      const { store } = await open();
      const source = { name: 'A', url: URL_A };
      const item = (id: string): FeedItem => ({
        id,
        guid: id,
        title: id,
        categories: [],
        authors: [],
        media: [],
        enclosures: [],
      });
      const first = await store.findNewItems(source, [item('1'), item('2'), item('2')], new Map());
      expect(first.fresh.map((it) => it.title)).toEqual(['1', '2']);
      await store.recordItem(first.fresh[0]!.id, 'one');
      const second = await store.findNewItems(source, [item('1'), item('2')], new Map());
      expect(second.fresh.map((it) => it.title)).toEqual(['2']);
      // Another source listing the same GUID: its own item, and a collision noted.
      const owners = new Map([['1', 'A']]);
      const other = await store.findNewItems({ name: 'B', url: 'https://b.example/feed' }, [item('1')], owners);
      expect(other.fresh).toHaveLength(1);
      expect(other.collisions.get('A')).toBe(1);
    });
  });

  describe(`${name}: edits at the source`, () => {
    const source = { name: 'A', url: URL_A };
    const recent = () => new Date(Date.now() - HOUR_MS);

    /** Item `1` stored from its first entry (its file hashed `h1`); returns its scoped id. */
    async function storeFirst(store: StateStore): Promise<string> {
      const [listed] = (await store.findNewItems(source, [feedItem('1', { summary: 'v1' })], new Map())).fresh;
      const fingerprint = fingerprintItem(listed!);
      await store.recordStored(listed!.id, 'one', 'https://n.example/1', { fingerprint, fileHash: 'h1' });
      return listed!.id;
    }

    test('a stored item whose entry changed within the window is changed; the same entry, no window, or an older item is not', async () => {
      const { store } = await open();
      const id = await storeFirst(store);
      const same = await store.findNewItems(source, [feedItem('1', { summary: 'v1' })], new Map(), recent());
      expect([same.fresh, same.changed]).toEqual([[], []]);
      for (const edit of [
        { summary: 'v2' },
        { summary: 'v1', title: 'new title' },
        { summary: 'v1', updated: '2026-01-02T00:00:00.000Z' },
      ]) {
        const found = await store.findNewItems(source, [feedItem('1', edit)], new Map(), recent());
        expect(found.changed.map((item) => [item.id, item.title])).toEqual([[id, edit.title ?? '1']]);
        expect(found.fresh).toEqual([]);
      }
      const edited = [feedItem('1', { summary: 'v2' })];
      expect((await store.findNewItems(source, edited, new Map())).changed).toEqual([]);
      // First seen before the window began.
      const later = new Date(Date.now() + HOUR_MS);
      expect((await store.findNewItems(source, edited, new Map(), later)).changed).toEqual([]);
      expect((await store.findItem(id))?.fileHash).toBe('h1');
    });

    test('an item recorded as a duplicate of another story is never changed (it has no file of its own)', async () => {
      const { store } = await open();
      const [listed] = (await store.findNewItems(source, [feedItem('2')], new Map())).fresh;
      await store.recordItem(listed!.id, 'one');
      const found = await store.findNewItems(source, [feedItem('2', { summary: 'edited' })], new Map(), recent());
      expect(found.changed).toEqual([]);
    });

    test('a conflict is recorded with the new entry and listed, in this process and the next, until the file is rewritten', async () => {
      const { store, reopen } = await open();
      const id = await storeFirst(store);
      const seenAt = (await store.findItem(id))!.seenAt;
      const edited = feedItem('1', { summary: 'v2' });
      const [changed] = (await store.findNewItems(source, [edited], new Map(), recent())).changed;
      const conflict = { at: '2026-01-02T00:00:00.000Z', source: URL_A };
      await store.recordUpdate(id, { kind: 'conflict', fingerprint: fingerprintItem(changed!), conflict });
      expect(await store.findConflicts()).toEqual([{ itemId: id, slug: 'one', conflict }]);
      // That version of the entry is read once.
      expect((await store.findNewItems(source, [edited], new Map(), recent())).changed).toEqual([]);
      await store.flush();
      const next = await reopen();
      expect(await next.findConflicts()).toEqual([{ itemId: id, slug: 'one', conflict }]);
      const again = feedItem('1', { summary: 'v3' });
      const at = new Date('2026-01-03T00:00:00Z');
      await next.recordUpdate(id, { kind: 'rewritten', fingerprint: fingerprintItem(again), fileHash: 'h3', at });
      expect(await next.findConflicts()).toEqual([]);
      expect(await next.findItem(id)).toEqual({
        seenAt,
        slug: 'one',
        fingerprint: fingerprintItem(again),
        fileHash: 'h3',
        storedAt: at.toISOString(),
      });
      expect((await next.findNewItems(source, [again], new Map(), recent())).changed).toEqual([]);
    });

    test('an update that kept the file records only the new entry', async () => {
      const { store } = await open();
      const id = await storeFirst(store);
      const before = await store.findItem(id);
      const edited = feedItem('1', { summary: 'v2' });
      await store.recordUpdate(id, { kind: 'kept', fingerprint: fingerprintItem(edited) });
      expect(await store.findItem(id)).toEqual({ ...before, fingerprint: fingerprintItem(edited) });
      expect(await store.findConflicts()).toEqual([]);
    });
  });

  describe(`${name}: fetch outcomes`, () => {
    test('validators come only from a feed that parsed; a failure keeps the last good ones and counts', async () => {
      const { store, reopen } = await open();
      const parsed = {
        at: AT,
        status: 200,
        etag: '"v1"',
        lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT',
        itemCount: 3,
        newItems: 3,
        itemsLeft: false,
      };
      await store.recordSuccess(URL_A, parsed, SETTINGS);
      expect(await store.findSource(URL_A)).toMatchObject({ etag: '"v1"', failures: 0, lastOutcome: 'ok' });
      for (const failures of [1, 2, 3]) {
        await store.recordFailure(URL_A, { at: AT, code: 'PARSE', message: 'not a feed' }, SETTINGS);
        expect(await store.findSource(URL_A)).toMatchObject({
          etag: '"v1"',
          failures,
          lastOutcome: 'error',
          lastErrorCode: 'PARSE',
        });
      }
      await store.recordSuccess(URL_A, { ...parsed, etag: '"v2"', itemsLeft: true }, SETTINGS);
      // Items left for the next run: no validator, so a 304 cannot hide them.
      const left = await store.findSource(URL_A);
      expect([left?.etag, left?.lastModified, left?.failures]).toEqual([undefined, undefined, 0]);
      await store.recordNotModified(URL_A, { at: AT, status: 304, etag: '"v3"' }, SETTINGS);
      await store.flush();
      expect(await (await reopen()).findSource(URL_A)).toMatchObject({ etag: '"v3"', lastOutcome: 'not-modified' });
    });

    test('credentials in a source URL never reach the state', async () => {
      const { store, reopen } = await open();
      const secret = 'https://user:hunter2@c.example/feed.xml';
      await store.recordFailure(secret, { at: AT, code: 'HTTP', status: 500, message: 'HTTP 500' }, SETTINGS);
      await store.flush();
      const next = await reopen();
      expect((await next.findSource(secret))?.url).toBe('https://c.example/feed.xml');
    });
  });

  describe(`${name}: near-duplicate index (issue 16)`, () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));

    test('candidates share a key, most shared keys first, only in the window; the next process sees them', async () => {
      const { store, reopen } = await open();
      const index = store.nearDuplicates;
      await index.add('c', ['k1'], day(2));
      await index.add('b', ['k1', 'k2'], day(2));
      await index.add('a', ['k1'], day(3));
      await index.add('old', ['k1', 'k2', 'k3'], day(1));
      expect(await index.candidates(['k1', 'k2', 'k3'], day(2))).toEqual(['b', 'a', 'c']);
      expect(await index.candidates(['k1', 'k2', 'k3'], day(1))).toEqual(['old', 'b', 'a', 'c']);
      expect(await index.candidates(['k9'], day(1))).toEqual([]);
      expect(await index.candidates([], day(1))).toEqual([]);
      await store.flush();
      const next = (await reopen()).nearDuplicates;
      expect(await next.candidates(['k1', 'k2'], day(2))).toEqual(['b', 'a', 'c']);
    });

    test('prune drops what was indexed before the date, in this process and the next', async () => {
      const { store, reopen } = await open();
      const index = store.nearDuplicates;
      await index.add('old', ['k1', 'k2'], day(1));
      await index.add('edge', ['k2'], day(5));
      await index.add('new', ['k2', 'k3'], day(8));
      await index.prune(day(5));
      expect(await index.candidates(['k1', 'k2', 'k3'], day(0))).toEqual(['new', 'edge']);
      await store.flush();
      const next = (await reopen()).nearDuplicates;
      expect(await next.candidates(['k1', 'k2', 'k3'], day(0))).toEqual(['new', 'edge']);
      await next.prune(day(9));
      expect(await next.candidates(['k1', 'k2', 'k3'], day(0))).toEqual([]);
    });

    test('band keys are claimed all or none, and given back only by their owner', async () => {
      const { store } = await open();
      const index = store.nearDuplicates;
      expect(await index.claim(['k1', 'k2'], 'i1')).toBe(true);
      expect(await index.claim(['k1', 'k2'], 'i1')).toBe(true);
      expect(await index.claim(['k2', 'k3'], 'i2')).toBe(false);
      // Nothing of a refused claim is held: k3 is free.
      expect(await index.claim(['k3'], 'i3')).toBe(true);
      await index.release(['k1', 'k2'], 'i2');
      expect(await index.claim(['k1'], 'i2')).toBe(false);
      await index.release(['k1', 'k2'], 'i1');
      expect(await index.claim(['k1', 'k2'], 'i2')).toBe(true);
    });
  });
}
