// One cycle in queue mode, for `feedwright run` and for a scheduled cycle job: a feed job
// per due source (joined when one is already queued), then, unless told not to wait, the
// wait until every feed job and the page jobs it spawned finished, one publish job, and a
// report counted exactly as a one-process run counts it (units/run-report.ts).

import type { Redis } from 'ioredis';
import type { ResolvedConfig } from '../config/index.js';
import { describeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { PublishReport } from '../publish/index.js';
import { isDue, type StateStore } from '../state/index.js';
import { countOutcome, newReport, type RunReport, type SourceOutcome } from '../units/index.js';
import { recordLastCycle } from './last-cycle.js';
import { addOrJoin, waitForJob, type Queues } from './open-queues.js';
import { feedJobId, JOB_OPTIONS, type FeedJobData } from './queue-jobs.js';
import { redactUrl } from '../lib/url.js';

export interface QueueParts {
  queues: Queues;
  state: StateStore;
  /** Where the last cycle's time is kept (last-cycle.ts). */
  redis: Redis;
  prefix: string;
}

export interface QueuedCycleOptions {
  force?: boolean;
  /** Publish once the cycle's jobs finished (default true). */
  publish?: boolean;
  /** false: queue the feed jobs and return (`run --no-wait`). */
  wait?: boolean;
  signal?: AbortSignal;
  now?: () => Date;
}

/** How often a waiting cycle checks that some worker is there to take its jobs. */
const NO_WORKER_CHECK_MS = 10_000;

export async function runQueuedCycle(
  config: ResolvedConfig,
  logger: Logger,
  parts: QueueParts,
  options: QueuedCycleOptions = {},
): Promise<RunReport> {
  const startedMs = Date.now();
  const now = options.now ?? (() => new Date());
  const report = newReport();
  const sources = config.sources.filter((source) => source.enabled);
  const known = await Promise.all(sources.map((source) => parts.state.findSource(source.url)));
  const due = sources.filter((_source, i) => isDue(known[i], now(), options.force ?? false));
  Object.assign(report, { sourcesTotal: sources.length, sourcesDue: due.length });
  logger.info('Cycle queued', { count: due.length, total: sources.length, force: options.force ?? false });
  const jobs = await Promise.all(
    due.map((source) =>
      addOrJoin<FeedJobData>(
        parts.queues.feeds,
        'feed',
        { source: redactUrl(source.url) },
        feedJobId(source),
        JOB_OPTIONS.feeds,
      ),
    ),
  );
  if (options.wait === false) {
    report.durationMs = Date.now() - startedMs;
    return report;
  }
  const watch = watchForWorkers(parts.queues, logger);
  try {
    const outcomes = await Promise.all(
      jobs.map((job, i) =>
        waitForJob<SourceOutcome>(job, parts.queues.events.feeds, options.signal).catch(
          (error: unknown): SourceOutcome => {
            if (options.signal?.aborted) throw error;
            logger.warn('Feed job failed', { source: due[i]!.name, err: describeError(error) });
            return { kind: 'failed', code: 'QUEUE' };
          },
        ),
      ),
    );
    for (const outcome of outcomes) countOutcome(report, outcome);
    if (options.publish !== false) {
      report.publish = await publishOnce(parts.queues, logger, options.signal);
      report.publishFailed = report.publish === undefined;
    }
  } finally {
    clearInterval(watch);
  }
  report.durationMs = Date.now() - startedMs;
  await recordLastCycle(parts.redis, parts.prefix, new Date(startedMs), report.durationMs);
  return report;
}

/** One publish job for this cycle; publish jobs run one at a time across the fleet. */
async function publishOnce(queues: Queues, logger: Logger, signal?: AbortSignal): Promise<PublishReport | undefined> {
  const id = `publish-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  const job = await queues.publish.add('publish', {}, { ...JOB_OPTIONS.publish, jobId: id });
  try {
    return await waitForJob<PublishReport>(job, queues.events.publish, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    logger.error('Unable to publish feeds', { code: 'QUEUE', err: describeError(error) });
    return undefined;
  }
}

/** Warns (once) while no worker is connected: the cycle waits for one. */
function watchForWorkers(queues: Queues, logger: Logger): NodeJS.Timeout {
  let warned = false;
  const check = async () => {
    const count = await queues.feeds.getWorkersCount().catch(() => 1);
    if (count > 0 || warned) return;
    warned = true;
    logger.warn('No worker is taking jobs: the cycle waits for one (start "feedwright worker")');
  };
  void check();
  const timer = setInterval(() => void check(), NO_WORKER_CHECK_MS);
  timer.unref();
  return timer;
}
