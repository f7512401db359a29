// Where band keys live (issue 16): band key -> the slugs indexed under it, each with the time
// it was added, so a lookup sees only the window (`dedupe.windowDays`) and old entries can
// be dropped. The store's implementations (a JSON side file, Redis) follow this contract;
// in Redis each band key is a sorted set scored by time: ZADD on add, ZRANGEBYSCORE from
// `since` on lookup, ZREMRANGEBYSCORE (or key expiry) to prune. This file also holds the
// in-memory implementation the tests and the evaluation use.

export interface NearDuplicateIndex {
  /** Index `slug` under `keys` at time `at` (adding a slug again moves its time). */
  add(slug: string, keys: readonly string[], at: Date): Promise<void>;
  /** Slugs sharing a key with `keys` added at `since` or later, most shared keys first (then by slug). */
  candidates(keys: readonly string[], since: Date): Promise<string[]>;
  /** Drop entries added before `before`. */
  prune(before: Date): Promise<void>;
}

/** Slugs by the keys they share with a lookup, as `candidates` orders them: most first, then by slug. */
export function rankCandidates(hits: ReadonlyMap<string, number>): string[] {
  return [...hits]
    .sort(([slugA, countA], [slugB, countB]) => countB - countA || (slugA < slugB ? -1 : 1))
    .map(([slug]) => slug);
}

/**
 * A key as the memory index holds it: a 30-bit hash (FNV-1a), a small integer V8 keeps
 * unboxed. A map of 3.2 million string keys (100,000 articles) took 7 s to fill and most of
 * the index's memory; of integers, 1.3 s. Two keys meeting on one hash only add a
 * candidate, which verification drops.
 */
export function hashIndexKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x3fffffff;
}

/** One indexed article: what the index keeps of it (its keys hashed), and what a stored index saves. */
export interface NearDuplicateEntry {
  slug: string;
  hashes: Uint32Array;
  atMs: number;
}

export interface MemoryNearDuplicateIndex extends NearDuplicateIndex {
  size(): number;
  /** The entries, oldest addition first (a store saves them in this order and restores them). */
  entries(): IterableIterator<NearDuplicateEntry>;
  /** Adds a saved entry back, as `add` with the keys already hashed. */
  restore(entry: NearDuplicateEntry): void;
}

/**
 * The index in memory: band key -> the entries indexed under it, and the entries by slug in
 * the order they were added (adding a slug again moves it to the end with its new time; keys
 * it no longer has still lead to it, and verification drops it). Entries are added with the
 * clock's time, so the order is about that of time: prune walks from the oldest and stops at
 * the first one inside the window, costing only what it drops (an entry added out of order
 * waits for those before it; a lookup never sees it once out of the window).
 */
export function createMemoryNearDuplicateIndex(): MemoryNearDuplicateIndex {
  // Most band keys lead to one article: it is held as is, a list only for a shared key
  // (100,000 articles are 3.2 million keys, and 3.2 million one-item arrays cost ~100 MB).
  const postings = new Map<number, NearDuplicateEntry | NearDuplicateEntry[]>();
  const bySlug = new Map<string, NearDuplicateEntry>();
  const listed = (hash: number): readonly NearDuplicateEntry[] => {
    const held = postings.get(hash);
    return held === undefined ? [] : Array.isArray(held) ? held : [held];
  };
  const post = (entry: NearDuplicateEntry) => {
    for (const hash of entry.hashes) {
      const held = postings.get(hash);
      if (held === undefined) postings.set(hash, entry);
      else if (Array.isArray(held)) held.push(entry);
      else postings.set(hash, [held, entry]);
    }
  };
  const unpost = (entry: NearDuplicateEntry) => {
    for (const hash of entry.hashes) {
      const kept = listed(hash).filter((other) => other !== entry);
      if (kept.length === 0) postings.delete(hash);
      else postings.set(hash, kept.length === 1 ? kept[0]! : kept);
    }
  };
  const restore = (entry: NearDuplicateEntry) => {
    const old = bySlug.get(entry.slug);
    const hashes = old ? Uint32Array.from(new Set([...old.hashes, ...entry.hashes])) : entry.hashes;
    if (old) unpost(old);
    bySlug.delete(entry.slug);
    const added = { ...entry, hashes };
    bySlug.set(entry.slug, added);
    post(added);
  };
  return {
    async add(slug, keys, at) {
      restore({ slug, hashes: Uint32Array.from(keys, hashIndexKey), atMs: at.getTime() });
    },
    async candidates(keys, since) {
      const hits = new Map<string, number>();
      const from = since.getTime();
      for (const hash of new Set(keys.map(hashIndexKey))) {
        for (const entry of listed(hash)) if (entry.atMs >= from) hits.set(entry.slug, (hits.get(entry.slug) ?? 0) + 1);
      }
      return rankCandidates(hits);
    },
    async prune(before) {
      const until = before.getTime();
      for (const entry of bySlug.values()) {
        if (entry.atMs >= until) break;
        unpost(entry);
        bySlug.delete(entry.slug);
      }
    },
    size: () => bySlug.size,
    entries: () => bySlug.values(),
    restore,
  };
}
