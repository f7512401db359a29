// The commands in queue mode (queue.url set): `run` queues a cycle and, unless --no-wait,
// waits for it and prints the same summary line with the same exit status as one process;
// `start` keeps the one cycle schedule; `worker` consumes jobs; `status` adds the queues;
// `state export|import` move the state between a state.json file and Redis.

import type { ResolvedConfig } from '../config/index.js';
import { FeedwrightError } from '../lib/errors.js';
import { readFileIfExists, writeFileAtomic } from '../lib/fs.js';
import type { Logger } from '../lib/log.js';
import {
  collectQueueStatus,
  formatQueueStatus,
  openQueues,
  openRedis,
  runQueuedCycle,
  holdSchedule,
  type QueueConfig,
  type QueueParts,
  type QueueStatus,
} from '../queue/index.js';
import { createRedisStateStore, exportRedisState, importRedisState, loadState } from '../state/index.js';
import { logRunSummary, type RunReport } from '../units/index.js';
import { collectStatus, formatStatusTable, type SourceStatus } from './status-command.js';

/** The queue settings, or an error saying the command needs them. */
export function queueOf(config: ResolvedConfig, command: string): QueueConfig {
  if (config.queue) return config.queue;
  throw new FeedwrightError(
    'CONFIG_INVALID',
    `${config.file ?? 'configuration'}: "feedwright ${command}" needs queue mode (set queue.url to a redis:// URL)`,
    { stage: 'config' },
  );
}

/** Opens the queues and the shared state, runs `use`, and closes every connection. */
async function withQueue<T>(
  command: string,
  config: ResolvedConfig,
  logger: Logger,
  use: (parts: QueueParts) => Promise<T>,
): Promise<T> {
  const queue = queueOf(config, command);
  const redis = await openRedis(queue, logger);
  const queues = openQueues(redis, queue);
  try {
    const state = createRedisStateStore(redis.connect('state'), queue.prefix);
    return await use({ queues, state, redis: redis.connect('cycle'), prefix: queue.prefix });
  } finally {
    await queues.close();
    await redis.closeAll();
  }
}

export async function runQueuedCommand(
  config: ResolvedConfig,
  logger: Logger,
  options: { force?: boolean; publish?: boolean; wait?: boolean },
): Promise<{ report: RunReport; exitCode: number }> {
  const report = await withQueue('run', config, logger, (parts) => runQueuedCycle(config, logger, parts, options));
  if (options.wait === false) {
    logger.summary('Cycle queued', { sources: report.sourcesDue, total: report.sourcesTotal });
    return { report, exitCode: 0 };
  }
  const failed = logRunSummary(logger, report, 'Run');
  return { report, exitCode: failed ? 1 : 0 };
}

/** `start` in queue mode: keeps the schedule until `signal` aborts (nothing else runs here). */
export async function keepQueueSchedule(
  config: ResolvedConfig,
  logger: Logger,
  options: { initialRun?: boolean; signal: AbortSignal },
): Promise<void> {
  await withQueue('start', config, logger, async ({ queues, redis, prefix }) => {
    const held = await holdSchedule(queues, redis, prefix, config.schedule, { initialRun: options.initialRun });
    logger.info('Cycles scheduled in the queue; workers run them', { schedule: config.schedule });
    if (!options.signal.aborted)
      await new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
    await held.release();
  });
}

export async function collectQueuedStatus(
  config: ResolvedConfig,
  logger: Logger,
): Promise<{ sources: SourceStatus[]; queue: QueueStatus }> {
  return withQueue('status', config, logger, async ({ queues, state }) => ({
    sources: await collectStatus(config, state),
    queue: await collectQueueStatus(queues),
  }));
}

export const formatQueuedStatus = (status: { sources: SourceStatus[]; queue: QueueStatus }): string =>
  `${formatStatusTable(status.sources)}\n\n${formatQueueStatus(status.queue)}`;

export async function exportState(config: ResolvedConfig, logger: Logger, file: string): Promise<string> {
  const queue = queueOf(config, 'state export');
  const redis = await openRedis(queue, logger);
  try {
    const state = await exportRedisState(redis.connect('state'), queue.prefix);
    await writeFileAtomic(file, `${JSON.stringify(state)}\n`);
    return `exported ${Object.keys(state.sources).length} sources and ${Object.keys(state.items).length} items to ${file}`;
  } finally {
    await redis.closeAll();
  }
}

export async function importState(
  config: ResolvedConfig,
  logger: Logger,
  file: string,
  options: { replace?: boolean },
): Promise<string> {
  const queue = queueOf(config, 'state import');
  if ((await readFileIfExists(file)) === undefined)
    throw new FeedwrightError('IO', `${file}: no such state file to import`, { stage: 'cli' });
  const state = await loadState(file);
  const redis = await openRedis(queue, logger);
  try {
    await importRedisState(redis.connect('state'), queue.prefix, state, options);
    return `imported ${Object.keys(state.sources).length} sources and ${Object.keys(state.items).length} items from ${file}`;
  } finally {
    await redis.closeAll();
  }
}
