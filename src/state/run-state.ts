// Per-source and per-item state in data/state.json (written atomically). Seen items live
// here, not in the existence of article files, so an article an editor deleted is never
// written again (STYLE.md "Shape").

import { FeedwrightError } from '../lib/errors.js';
import { readFileIfExists, writeFileAtomic } from '../lib/fs.js';
import { redactCredentials, redactUrl } from '../lib/url.js';

export type FetchOutcome = 'ok' | 'not-modified' | 'error' | 'gone';

export interface SourceState {
  url: string;
  etag?: string;
  lastModified?: string;
  lastFetchAt?: string;
  lastOutcome?: FetchOutcome;
  lastStatus?: number;
  lastErrorCode?: string;
  lastError?: string;
  /** Items in the feed at the last successful fetch. */
  itemCount?: number;
  /** New items found at the last successful fetch. */
  newItems?: number;
  nextFetchAt?: string;
  /** Consecutive failures (for exponential backoff). */
  failures: number;
  /** Set by 410 Gone: never fetched again until the config changes the URL. */
  disabled?: boolean;
  /** Set at the first fetch that read item ids scoped to the source (seen-items.ts). */
  scopedIds?: boolean;
}

export interface SeenItem {
  /** When the item was first seen (ISO). */
  seenAt: string;
  /** The article file written for it, if any. */
  slug?: string;
  /**
   * The feed entry as last read, for an item that wrote its file (item-fingerprint.ts):
   * compared at each fetch while the item is within updates.windowDays (issue 16).
   */
  fingerprint?: ItemFingerprint;
  /** A hash of the file as feedwright last wrote it: other bytes on disk mean an editor's hand. */
  fileHash?: string;
  /** When feedwright last wrote the file (ISO). */
  storedAt?: string;
  /** An update at the source not written because the file was edited by hand (listed by `status`). */
  conflict?: UpdateConflict;
}

/** What identifies a version of a feed entry: its own updated date, and hashes of its title and content. */
export interface ItemFingerprint {
  updated?: string;
  title: string;
  content: string;
}

export interface UpdateConflict {
  /** When the update was skipped (ISO). */
  at: string;
  /** The source whose item changed (its state key: URL without credentials). */
  source: string;
}

export interface RunState {
  /** 2 since item ids are scoped to their source; a version 1 file is migrated on load. */
  version: 2;
  /** Keyed by source URL without credentials (sourceKey), so renaming a source keeps its state. */
  sources: Record<string, SourceState>;
  /** Keyed by the item id scoped to its source (seen-items.ts). */
  items: Record<string, SeenItem>;
  /**
   * The items of a version 1 file, keyed by their unscoped id (a hash of the GUID alone):
   * read only by sources not yet `scopedIds`, never written to.
   */
  legacyItems?: Record<string, SeenItem>;
  /** Canonical article URL → slug: one file per story across sources. */
  urls: Record<string, string>;
}

export function emptyState(): RunState {
  return { version: 2, sources: {}, items: {}, urls: {} };
}

export async function loadState(path: string): Promise<RunState> {
  let text: string | undefined;
  try {
    text = await readFileIfExists(path);
  } catch (error) {
    throw new FeedwrightError('IO', `${path}: state cannot be read`, { stage: 'store', cause: error });
  }
  if (text === undefined) return emptyState();
  try {
    return migrateState(JSON.parse(text) as RawState);
  } catch (error) {
    throw new FeedwrightError('PARSE', `${path}: state is not valid JSON (fix or remove the file)`, {
      stage: 'store',
      cause: error,
    });
  }
}

/** A source's key in state: its URL without user name or password (never written to state.json). */
export const sourceKey = (url: string): string => redactUrl(url);

/**
 * State written before issue 13 keyed sources by their URL as configured, credentials
 * included: those entries move to their redacted key (an entry already there wins),
 * keeping validators and backoff, so nothing is fetched again for it.
 */
function redactSourceKeys(sources: Record<string, SourceState>): Record<string, SourceState> {
  const out: Record<string, SourceState> = {};
  const entries = Object.entries(sources);
  for (const [url, entry] of entries) if (sourceKey(url) === url) out[url] = entry;
  for (const [url, entry] of entries) {
    const key = sourceKey(url);
    if (key === url || out[key]) continue;
    out[key] = { ...entry, url: key, ...(entry.lastError ? { lastError: redactCredentials(entry.lastError) } : {}) };
  }
  return out;
}

/** The state of the source at `url`, if it has any. */
export function findSourceState(state: RunState, url: string): SourceState | undefined {
  return state.sources[sourceKey(url)];
}

interface RawState {
  version?: number;
  sources?: Record<string, SourceState>;
  items?: Record<string, SeenItem>;
  legacyItems?: Record<string, SeenItem>;
  urls?: Record<string, string>;
}

/** A version 1 file's items become `legacyItems` (seen-items.ts takes them over, source by source). */
function migrateState(raw: RawState): RunState {
  const scoped = raw.version === 2;
  const legacy = scoped ? raw.legacyItems : raw.items;
  return {
    version: 2,
    sources: redactSourceKeys(raw.sources ?? {}),
    items: (scoped ? raw.items : undefined) ?? {},
    ...(legacy && Object.keys(legacy).length > 0 ? { legacyItems: legacy } : {}),
    urls: raw.urls ?? {},
  };
}

/**
 * The state of the source at `url`, made when it has none. A source new to the state has
 * only ever had scoped ids (`scopedIds`): the unscoped ids of a version 1 file belong to the
 * sources that file knew, and a new one must not take them over (seen-items.ts).
 */
export function sourceState(state: RunState, url: string): SourceState {
  const key = sourceKey(url);
  state.sources[key] ??= { url: key, failures: 0, scopedIds: true };
  return state.sources[key]!;
}

/** At most one write per this interval during a run; flush() writes at once. */
const STATE_SAVE_INTERVAL_MS = 5000;

export interface StateSaver {
  /** Resolves once a write that began after this call is done; writes are spaced by the interval. */
  save(): Promise<void>;
  /** Like save, without waiting for the interval (end of a run). */
  flush(): Promise<void>;
}

/**
 * Saves state atomically. Saves are chained so two never interleave, each writes the
 * newest in-memory state, and the calls that come while one waits share its write: a run
 * of 1,000 sources over a state of 20,000 items used to serialize it 1,000 times (O(S x
 * items)); now at most every STATE_SAVE_INTERVAL_MS (a 20,000-item state is ~4.5 MB, ~80 ms
 * of CPU to serialize and write). A crash loses at most that interval: an article file
 * written but not yet recorded is recognised by its `source` on the next run (store-article).
 */
export function createStateSaver(path: string, state: object, minIntervalMs = STATE_SAVE_INTERVAL_MS): StateSaver {
  let chain: Promise<void> = Promise.resolve();
  let pending: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let urgent = false;
  let lastWriteMs = Number.NEGATIVE_INFINITY;
  const waitTurn = () =>
    new Promise<void>((resolve) => {
      const delayMs = lastWriteMs + minIntervalMs - performance.now();
      if (urgent || delayMs <= 0) return resolve();
      const timer = setTimeout(resolve, delayMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const write = () => {
    pending = undefined;
    wake = undefined;
    urgent = false;
    lastWriteMs = performance.now();
    return writeFileAtomic(path, `${JSON.stringify(state)}\n`);
  };
  const schedule = (): Promise<void> => {
    if (pending) return pending;
    const next = chain.then(waitTurn).then(write);
    chain = next.catch(() => undefined);
    pending = next;
    return next;
  };
  return {
    save: schedule,
    flush() {
      const next = schedule();
      urgent = true;
      wake?.();
      return next;
    },
  };
}
