// `feedwright worker`: consumes the four queues until stop() (SIGTERM/SIGINT): it then
// takes no new job, hands back the feed jobs that wait on pages (another worker takes them
// over) and the pages not yet stored, lets writes under way finish, and resolves.
// fetch.concurrency bounds this worker's requests and the pages it holds;
// fetch.perHostConcurrency holds across every worker together (a lease per request, in
// Redis, host-lease.ts).

import { Worker, type Job, type Processor } from 'bullmq';
import type { ResolvedConfig } from '../config/index.js';
import { createExtractor } from '../extract/index.js';
import { createHttpClient } from '../fetch/index.js';
import { describeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { createMetrics, serveMetrics, type Metrics, type MetricsServer, type QueueDepth } from '../metrics/index.js';
import { publishFeeds } from '../publish/index.js';
import { createRedisStateStore } from '../state/index.js';
import { createWorkContext, logRunSummary } from '../units/index.js';
import { createHostLeases, type HostLeases } from './host-lease.js';
import { readLastCycle } from './last-cycle.js';
import { openQueues, type Queues } from './open-queues.js';
import { processFeedJob, processPageJob } from './process-jobs.js';
import { QUEUE_NAMES, WORKER_TIMING, type CycleJobData, type FeedJobData, type PageJobData } from './queue-jobs.js';
import { openRedis, type QueueConfig, type RedisFactory } from './queue-redis.js';
import { runQueuedCycle } from './run-queued-cycle.js';
import { CYCLE_SCHEDULER_ID, hasLiveStarters } from './schedule-cycles.js';

export interface WorkerOptions {
  /** Page jobs at once (default fetch.concurrency). */
  concurrency?: number;
  /** Serve /metrics on this port (127.0.0.1; 0 picks a free one). */
  metricsPort?: number;
  /** Where /metrics listens; default 127.0.0.1. */
  metricsHost?: string;
}

export interface RunningWorker {
  stop(reason: string): Promise<void>;
  /** Resolves once stopped. */
  done: Promise<void>;
}

export async function startWorker(
  config: ResolvedConfig,
  logger: Logger,
  options: WorkerOptions = {},
): Promise<RunningWorker> {
  const queue = config.queue as QueueConfig;
  const redis = await openRedis(queue, logger);
  const queues = openQueues(redis, queue);
  // One publish and one scheduled cycle at a time, across every worker.
  await queues.publish.setGlobalConcurrency(1);
  await queues.cycles.setGlobalConcurrency(1);
  const state = createRedisStateStore(redis.connect('state'), queue.prefix);
  const leases = createHostLeases({
    redis: redis.connect('leases'),
    subscriber: redis.connect('lease wake-ups'),
    prefix: queue.prefix,
    limit: config.fetch.perHostConcurrency,
  });
  const metrics = createMetrics();
  const client = createHttpClient({
    fetch: config.fetch,
    site: config.site,
    logger: logger.child({ stage: 'fetch' }),
    hostGate: (host, task, signal) => leases.withHostLease(host, () => task(), { signal }),
    recordFetch: metrics.recordFetch,
  });
  const extractor = createExtractor({ workers: config.extract.workers, timeoutMs: config.extract.timeoutMs });
  const stopping = new AbortController();
  const ctx = createWorkContext({ config, state, client, extractor, logger, signal: stopping.signal, metrics });
  const metricsServer = await startMetrics(metrics, { queues, leases, redis, prefix: queue.prefix }, options, logger);
  const cycleParts = { queues, state, redis: redis.connect('cycle'), prefix: queue.prefix };
  const start = <T, R>(name: string, processor: Processor<T, R>, concurrency: number) => {
    const worker = new Worker<T, R>(name, processor, {
      connection: redis.connect(`worker ${name}`),
      prefix: queue.prefix,
      concurrency,
      ...WORKER_TIMING,
    });
    worker.on('failed', (job: Job<T, R> | undefined, error: Error) =>
      logger.warn('Job failed', { queue: name, id: job?.id, attempt: job?.attemptsMade, err: describeError(error) }),
    );
    worker.on('error', (error: Error) => logger.debug('Worker error', { queue: name, err: describeError(error) }));
    return worker;
  };
  const workers = [
    start(QUEUE_NAMES.feeds, (job: Job<FeedJobData>) => processFeedJob(job, ctx, queues), config.fetch.concurrency),
    start(
      QUEUE_NAMES.pages,
      (job: Job<PageJobData>) => processPageJob(job, ctx),
      options.concurrency ?? config.fetch.concurrency,
    ),
    start(QUEUE_NAMES.publish, () => publishFeeds(config, logger.child({ stage: 'publish' }), client), 1),
    start(
      QUEUE_NAMES.cycles,
      (job: Job<CycleJobData>) => runScheduledCycle(config, logger, cycleParts, job.data, stopping.signal),
      1,
    ),
  ];
  logger.info('Worker started', { concurrency: options.concurrency ?? config.fetch.concurrency, prefix: queue.prefix });

  let stopped: Promise<void> | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    done,
    stop(reason) {
      stopped ??= (async () => {
        logger.info('Worker stopping', { reason });
        stopping.abort(new Error(`worker stopping (${reason})`));
        await Promise.all(workers.map((worker) => worker.close()));
        await metricsServer?.close();
        await extractor.close();
        await queues.close();
        await redis.closeAll();
        logger.info('Worker stopped');
        finish();
      })();
      return stopped;
    },
  };
}

async function runScheduledCycle(
  config: ResolvedConfig,
  logger: Logger,
  parts: Parameters<typeof runQueuedCycle>[2],
  data: CycleJobData,
  signal: AbortSignal,
) {
  if (!(await hasLiveStarters(parts.redis, parts.prefix))) {
    await parts.queues.cycles.removeJobScheduler(CYCLE_SCHEDULER_ID);
    logger.warn('No start process is alive: the schedule is removed, no cycle run (run "feedwright start" again)');
    return undefined;
  }
  const report = await runQueuedCycle(config, logger, parts, { force: data.force, signal });
  logRunSummary(logger, report, 'Cycle');
  return report;
}

/** The worker's /metrics, the queue depths, host leases and last cycle read from Redis at each scrape. */
async function startMetrics(
  metrics: Metrics,
  parts: { queues: Queues; leases: HostLeases; redis: RedisFactory; prefix: string },
  options: WorkerOptions,
  logger: Logger,
): Promise<MetricsServer | undefined> {
  if (options.metricsPort === undefined) return undefined;
  const reader = parts.redis.connect('metrics');
  metrics.setLeaseSource(() => parts.leases.leasesInUse());
  metrics.setCycleSource(() => readLastCycle(reader, parts.prefix));
  metrics.setQueueDepthSource(async () => {
    const depths: QueueDepth[] = [];
    for (const name of Object.values(QUEUE_NAMES)) {
      const counts = await parts.queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, count] of Object.entries(counts)) depths.push({ queue: name, state, count });
    }
    return depths;
  });
  return serveMetrics({ registry: metrics.registry, port: options.metricsPort, host: options.metricsHost, logger });
}
