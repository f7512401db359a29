// The near-duplicate index as the state keeps it (issue 16): band key -> the articles
// indexed under it, in the window (the dedupe folder's NearDuplicateIndex contract), plus
// claims on band keys. A new article's check and write run holding its keys, so two near
// copies stored at the same moment (two sources of one cycle, two workers) are checked one
// after the other: the second finds the first indexed and is merged into it. Two near
// copies share a band key with probability 0.99 or more (src/dedupe/min-hash.ts), so
// claiming the keys is what serializes them. Each store keeps it beside its state:
// near-duplicate-index-json.ts (a side file), near-duplicate-index-redis.ts.

import type { NearDuplicateIndex } from '../dedupe/index.js';

export interface NearDuplicateStore extends NearDuplicateIndex {
  /** Holds every key for `owner`: false (nothing held) when another owner holds any of them. */
  claim(keys: readonly string[], owner: string): Promise<boolean>;
  /** Gives back the keys `owner` holds. */
  release(keys: readonly string[], owner: string): Promise<void>;
}
