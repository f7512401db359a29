// Per-source and per-item state in data/state.json (written atomically). Seen items live
// here, not in the existence of article files, so an article an editor deleted is never
// written again (STYLE.md "Shape").

import { readFile } from 'node:fs/promises';
import { FeedwrightError } from '../lib/errors.js';
import { writeFileAtomic } from '../lib/fs.js';

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
}

export interface SeenItem {
  /** When the item was first seen (ISO). */
  seenAt: string;
  /** The article file written for it, if any. */
  slug?: string;
}

export interface RunState {
  version: 1;
  /** Keyed by source URL, so renaming a source keeps its state. */
  sources: Record<string, SourceState>;
  /** Keyed by FeedItem.id. */
  items: Record<string, SeenItem>;
  /** Canonical article URL → slug: one file per story across sources. */
  urls: Record<string, string>;
}

export function emptyState(): RunState {
  return { version: 1, sources: {}, items: {}, urls: {} };
}

export async function loadState(path: string): Promise<RunState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new FeedwrightError('IO', `${path}: state cannot be read`, { stage: 'store', cause: error });
  }
  try {
    const parsed = JSON.parse(text) as Partial<RunState>;
    return {
      version: 1,
      sources: parsed.sources ?? {},
      items: parsed.items ?? {},
      urls: parsed.urls ?? {},
    };
  } catch (error) {
    throw new FeedwrightError('PARSE', `${path}: state is not valid JSON (fix or remove the file)`, {
      stage: 'store',
      cause: error,
    });
  }
}

export function sourceState(state: RunState, url: string): SourceState {
  state.sources[url] ??= { url, failures: 0 };
  return state.sources[url];
}

/**
 * Saves state atomically. Saves are chained so two never interleave, and each writes
 * the newest in-memory state.
 */
export function createStateSaver(path: string, state: RunState): { save(): Promise<void> } {
  let chain: Promise<void> = Promise.resolve();
  return {
    save() {
      chain = chain.then(() => writeFileAtomic(path, `${JSON.stringify(state)}\n`));
      return chain;
    },
  };
}
