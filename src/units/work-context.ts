// What a unit of work is given besides its input, and what it reports back. The same
// context serves today's in-process loop (pipeline.ts) and a queue worker later: the
// state behind its interface, the one HTTP client, the extractor, no globals.

import pLimit, { type LimitFunction } from 'p-limit';
import type { ResolvedConfig } from '../config/index.js';
import type { Extractor } from '../extract/index.js';
import type { HttpClient } from '../fetch/index.js';
import type { Logger } from '../lib/log.js';
import type { Metrics } from '../metrics/index.js';
import type { GuidOwners, StateStore } from '../state/index.js';
import type { ExtractionMethod, FeedItem } from '../types.js';

export interface WorkContext {
  config: ResolvedConfig;
  state: StateStore;
  client: HttpClient;
  extractor: Extractor;
  logger: Logger;
  now: () => Date;
  /** Pages fetched and not yet extracted, at most fetch.concurrency (issue 13: 50 pages of 4.9 MB held at once cost 3.45 GB). */
  pageLimit: LimitFunction;
  /** GUIDs listed in this run, by the first source that listed them (collision warnings). */
  guidOwners: GuidOwners;
  /** When aborted (daemon shutdown), no new work starts; writes under way finish. */
  signal?: AbortSignal;
  /** Told of each extraction and article written (a queue worker's /metrics). */
  metrics?: Pick<Metrics, 'recordExtraction' | 'recordArticleWritten'>;
}

/** One item for unit of work 2: new from its source, or (`update`) stored before and changed at the source since. */
export interface ItemTask {
  item: FeedItem;
  update: boolean;
}

/** What became of one item. `method` is set once extraction ran (`feed`: a fallback). */
export type ItemOutcome =
  | { kind: 'written'; slug: string; method: ExtractionMethod }
  /** `ofItem`: the item itself was already stored (by an earlier try of it), not another story. */
  | { kind: 'duplicate'; slug: string; method: ExtractionMethod; ofItem?: boolean }
  /** An edit at the source rewrote the item's file (issue 16). */
  | { kind: 'updated'; slug: string; method: ExtractionMethod }
  /** An edit at the source left the article as it was: its page gave the same title and body. */
  | { kind: 'unchanged'; slug: string; method: ExtractionMethod }
  /** An edit at the source not written: the file was edited by hand (`conflict`) or deleted (`gone`). */
  | { kind: 'conflict' | 'gone'; slug: string }
  | { kind: 'failed'; method?: ExtractionMethod; error?: string; update?: true }
  /** Not started or given up because the run was stopped: tried again next run. */
  | { kind: 'stopped'; method?: ExtractionMethod; update?: true };

/** What became of one source's feed, and of its new and changed items. */
export type SourceOutcome =
  | { kind: 'ok'; itemCount: number; items: ItemOutcome[] }
  | { kind: 'not-modified' }
  | { kind: 'failed'; code: string };

const DONE = new Set<ItemOutcome['kind']>(['written', 'duplicate', 'updated', 'unchanged', 'conflict', 'gone']);
const UPDATES = new Set<ItemOutcome['kind']>(['updated', 'unchanged', 'conflict', 'gone']);

/** True when the item needs no retry: stored, already stored as another item, or its update dealt with. */
export const isItemDone = (outcome: ItemOutcome): boolean => DONE.has(outcome.kind);

/** True for the outcome of a changed item (not a new one). */
export const isUpdateOutcome = (outcome: ItemOutcome): boolean =>
  UPDATES.has(outcome.kind) || ('update' in outcome && outcome.update === true);

/** A context for this process: page slots from fetch.concurrency, no GUID seen yet. */
export function createWorkContext(
  parts: Omit<WorkContext, 'pageLimit' | 'guidOwners' | 'now'> & { now?: () => Date },
): WorkContext {
  return {
    ...parts,
    now: parts.now ?? (() => new Date()),
    pageLimit: pLimit(parts.config.fetch.concurrency),
    guidOwners: new Map(),
  };
}
