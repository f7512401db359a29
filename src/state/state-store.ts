// The one interface every change of run state goes through (issue 14): a source's fetch
// outcome, and the claims that make each story one file (an item id stored once, a
// canonical URL stored once, a slug reserved once). The stages and the units of work
// (src/units/) see only this; json-state-store.ts keeps it in data/state.json, and a
// shared store (queue mode on several machines) implements the same methods.

import type { FeedItem } from '../types.js';
import type { NearDuplicateStore } from './near-duplicate-store.js';
import type { ItemFingerprint, SeenItem, SourceState, UpdateConflict } from './run-state.js';
import type { GuidOwners, NewItems } from './seen-items.js';
import type { ScheduleSettings } from './source-schedule.js';

/** A fetch the server answered 304 Not Modified to. */
export interface NotModifiedFetch {
  /** When the fetch started. */
  at: Date;
  status: number;
  /** Validators the 304 repeated, if any (kept otherwise). */
  etag?: string;
  lastModified?: string;
  maxAgeSec?: number;
}

/** A feed fetched and parsed, and its new items handled. */
export interface ParsedFetch {
  at: Date;
  status: number;
  etag?: string;
  lastModified?: string;
  maxAgeSec?: number;
  /** The interval the feed asks for (RSS ttl, sy:updatePeriod), seconds. */
  feedIntervalSec?: number;
  itemCount: number;
  newItems: number;
  /** Some items were not done with: the validators are forgotten so a 304 cannot hide them. */
  itemsLeft: boolean;
}

/** A fetch or parse that failed. */
export interface FailedFetch {
  at: Date;
  /** FeedwrightError code (`UNKNOWN` when not one of ours). */
  code: string;
  status?: number;
  retryAfterMs?: number;
  /** The error as shown by `status` (no credentials). */
  message: string;
}

/** The file feedwright wrote for an item: the feed entry it was made from, and a hash of its bytes. */
export interface StoredFile {
  fingerprint: ItemFingerprint;
  fileHash: string;
}

/**
 * What became of a changed entry (issue 16): its file `rewritten`; a `conflict` (the file
 * was edited by hand, so left alone); or `kept` (the article read the same, or its file
 * was deleted). Each records the entry's new fingerprint, so that version is read once.
 */
export type ItemUpdate =
  | { kind: 'rewritten'; fingerprint: ItemFingerprint; fileHash: string; at: Date }
  | { kind: 'conflict'; fingerprint: ItemFingerprint; conflict: UpdateConflict }
  | { kind: 'kept'; fingerprint: ItemFingerprint };

/** An item whose update was skipped for an editor's hand. */
export interface ConflictEntry {
  itemId: string;
  slug: string;
  conflict: UpdateConflict;
}

export interface StateStore {
  /** The state of the source at `url`, if it has any. Read-only: change it through record…. */
  findSource(url: string): Promise<Readonly<SourceState> | undefined>;
  recordNotModified(url: string, fetch: NotModifiedFetch, settings: ScheduleSettings): Promise<void>;
  /** Validators are stored here only: a body that never parsed never earns a 304. */
  recordSuccess(url: string, fetch: ParsedFetch, settings: ScheduleSettings): Promise<void>;
  recordFailure(url: string, fetch: FailedFetch, settings: ScheduleSettings): Promise<void>;

  /**
   * The items of a fetched feed not seen before from this source, their ids scoped to it
   * (seen-items.ts; a state written before ids were scoped is taken over here); and, when
   * `since` is given, the items stored from it since then whose entry changed (`changed`).
   */
  findNewItems(
    source: { name: string; url: string },
    items: FeedItem[],
    owners: GuidOwners,
    since?: Date,
  ): Promise<NewItems>;
  /** The item, when it was stored or found a duplicate, in an earlier run or this one. */
  findItem(itemId: string): Promise<Readonly<SeenItem> | undefined>;
  /**
   * Takes the item for this caller: false when it is already stored or being stored by
   * another caller. The claims below are held in the item's name (`owner`, its id): a
   * retry of the same item (a worker killed mid-job) takes back what its first try held.
   */
  claimItem(itemId: string): Promise<boolean>;
  releaseItem(itemId: string): Promise<void>;
  /** Records the item as done with, its story in `slug`. */
  recordItem(itemId: string, slug: string): Promise<void>;
  /**
   * Records the item stored under `slug`, and the canonical URL it claimed: a claim is kept
   * (and saved) only from here, once the file is written, so a crash between the claim and
   * the write cannot leave a URL pointing at a story that has no file.
   */
  recordStored(itemId: string, slug: string, url: string | undefined, file?: StoredFile): Promise<void>;
  /** Records what became of a changed entry of a stored item (one step: two workers never mix their fields). */
  recordUpdate(itemId: string, update: ItemUpdate): Promise<void>;
  /** The items whose update was skipped because their file was edited by hand. */
  findConflicts(): Promise<ConflictEntry[]>;

  /** The slug of the story already stored (or being stored) for a canonical URL, if any. */
  findUrl(url: string): Promise<string | undefined>;
  /**
   * Claims the URL for `slug` while its file is written: undefined when taken now (or
   * already held by `owner`), else the slug that already has it.
   */
  claimUrl(url: string, slug: string, owner: string): Promise<string | undefined>;
  /** Gives up a claim whose file could not be written. */
  releaseUrl(url: string, owner: string): Promise<void>;

  /** Reserves a slug while its file is checked and written: false when another owner holds it. */
  reserveSlug(slug: string, owner: string): Promise<boolean>;
  releaseSlug(slug: string, owner: string): Promise<void>;

  /** Near-duplicate band keys of the articles stored in the window, and claims on them (issue 16). */
  readonly nearDuplicates: NearDuplicateStore;

  /** Persists soon (writes are spaced); resolves once a write begun after the call is done. */
  save(): Promise<void>;
  /** Persists now (end of a run). */
  flush(): Promise<void>;
}
