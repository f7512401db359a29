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

/**
 * The index in memory: band key -> ids of slugs, and each slug's time apart (adding a slug
 * again moves its time; keys it no longer has still lead to it, and verification drops it).
 * Slugs are numbered so 100,000 articles' keys fit in a few hundred megabytes.
 */
export function createMemoryNearDuplicateIndex(): NearDuplicateIndex & { size(): number } {
  const postings = new Map<string, number[]>();
  const ids = new Map<string, number>();
  const slugs: string[] = [];
  const times: number[] = [];
  return {
    async add(slug, keys, at) {
      let id = ids.get(slug);
      if (id === undefined) {
        id = slugs.push(slug) - 1;
        ids.set(slug, id);
      }
      times[id] = at.getTime();
      for (const key of keys) {
        const list = postings.get(key);
        if (!list) postings.set(key, [id]);
        else if (!list.includes(id)) list.push(id);
      }
    },
    async candidates(keys, since) {
      const hits = new Map<number, number>();
      const from = since.getTime();
      for (const key of keys) {
        for (const id of postings.get(key) ?? []) if (times[id]! >= from) hits.set(id, (hits.get(id) ?? 0) + 1);
      }
      return [...hits]
        .map(([id, count]) => ({ slug: slugs[id]!, count }))
        .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1))
        .map(({ slug }) => slug);
    },
    async prune(before) {
      const until = before.getTime();
      for (const [key, list] of postings) {
        const kept = list.filter((id) => times[id]! >= until);
        if (kept.length === 0) postings.delete(key);
        else postings.set(key, kept);
      }
      for (const [slug, id] of ids) if (times[id]! < until) ids.delete(slug);
    },
    size: () => ids.size,
  };
}
