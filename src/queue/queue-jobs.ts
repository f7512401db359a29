// The jobs of queue mode, one BullMQ queue each: `feeds` (one source's feed, unit of work
// 1), `pages` (one new item, unit of work 2), `publish` (the feeds, once per cycle, never
// two at once) and `cycles` (a scheduled cycle, for `feedwright start`). Job ids come from
// what the job is about, so a source or an item is never queued twice, and a job's data
// never holds a source's credentials (the worker finds the source in its configuration).

import type { JobsOptions } from 'bullmq';
import type { ResolvedConfig, SourceConfig } from '../config/index.js';
import { hashId } from '../lib/hash.js';
import { redactUrl } from '../lib/url.js';
import { fingerprintItem } from '../state/index.js';
import type { FeedItem } from '../types.js';

export const QUEUE_NAMES = { feeds: 'feeds', pages: 'pages', publish: 'publish', cycles: 'cycles' } as const;

export interface FeedJobData {
  /** The source's URL without credentials. */
  source: string;
  /** The page jobs its tries queued (process-jobs.ts). */
  pages?: string[];
}

export interface PageJobData {
  source: string;
  item: FeedItem;
  /** A stored item changed at the source (issue 16), not a new one. */
  update?: boolean;
}

export interface CycleJobData {
  force?: boolean;
}

export const feedJobId = (source: SourceConfig) => `feed-${hashId(redactUrl(source.url), 24)}`;
/** A new item's page job; a changed item's is one per version of its entry, so each version is read once. */
export const pageJobId = ({ item, update }: { item: FeedItem; update: boolean }) =>
  update ? `update-${item.id}-${hashId(JSON.stringify(fingerprintItem(item)), 24)}` : `page-${item.id}`;

/** The source a job is about, from this worker's configuration. */
export function findJobSource(config: ResolvedConfig, key: string): SourceConfig | undefined {
  return config.sources.find((source) => source.enabled && redactUrl(source.url) === key);
}

/**
 * Retries: a page whose store failed, or whose claim a dead worker still holds (claims
 * expire after 30 s), is tried again with 5, 10, 20 s between; then it stays in the failed
 * set with its error (`feedwright status`). A feed job stays until its source's next
 * cycle replaces it; a page job an hour after it completed (its feed job reads its result).
 */
export const JOB_OPTIONS: Record<'feeds' | 'pages' | 'publish', JobsOptions> = {
  feeds: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnFail: { count: 1000 } },
  pages: {
    attempts: 4,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 3600 },
    removeOnFail: { count: 5000 },
  },
  publish: {
    attempts: 2,
    backoff: { type: 'fixed', delay: 5000 },
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 100 },
  },
};

/**
 * A worker that stops answering (killed, or its machine gone) loses its jobs' locks after
 * LOCK_MS; every STALLED_CHECK_MS some worker puts them back in the queue.
 */
export const WORKER_TIMING = { lockDuration: 20_000, stalledInterval: 5_000, maxStalledCount: 2 } as const;
