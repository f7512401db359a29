// One pass of feedwright (`runOnce`): fetch every due source, follow each new item to its
// page, extract, classify, store, then publish. Both triggers, `feedwright run` and the
// daemon's cron tick, call this. It never exits the process and never throws for a bad
// source or article: those are logged and counted in the report. It throws only when
// the state file cannot be read or written.

import { dirname } from 'node:path';
import pLimit from 'p-limit';
import type { ResolvedConfig, SourceConfig } from './config/index.js';
import { createExtractor, type Extractor } from './extract/index.js';
import { createHttpClient, type HttpClient } from './fetch/index.js';
import { describeError, FeedwrightError } from './lib/errors.js';
import { removeStaleTempFiles } from './lib/fs.js';
import type { Logger } from './lib/log.js';
import { publishFeeds, type PublishReport } from './publish/index.js';
import { isDue, openJsonStateStore, type StateStore } from './state/index.js';
import {
  countOutcome,
  createWorkContext,
  newReport,
  processItemTask,
  processSourceFeed,
  type RunReport,
  type SourceOutcome,
  type WorkContext,
} from './units/index.js';

export { isRunFailed, type RunReport } from './units/index.js';

export interface RunProgress {
  sourcesDone: number;
  sourcesTotal: number;
  articlesWritten: number;
}

export interface RunOptions {
  logger: Logger;
  /** Ignore polling intervals, backoff and disabled (410) flags. */
  force?: boolean;
  /** Skip the publish step (tests, `run --no-publish`). */
  publish?: boolean;
  now?: () => Date;
  client?: HttpClient;
  extractor?: Extractor;
  /** The state store (default: the JSON file at paths.state, saved after each source). */
  state?: StateStore;
  onProgress?: (progress: RunProgress) => void;
  /** When aborted (daemon shutdown), no new source or article is started; writes under way finish. */
  signal?: AbortSignal;
}

/**
 * One source through the first unit of work, its new items through the second, here and
 * now. A source's pages take at most perHostConcurrency of the run's page slots at once:
 * its pages mostly share one host, and slots held by pages queued behind that host's limit
 * would leave every other source's pages waiting (a cold 5,000-article run took 3.9x its
 * network bound that way; bench/).
 */
async function processSource(ctx: WorkContext, source: SourceConfig): Promise<SourceOutcome | undefined> {
  if (ctx.signal?.aborted) return undefined;
  const sourcePages = pLimit(ctx.config.fetch.perHostConcurrency);
  return processSourceFeed(source, ctx, (tasks) =>
    Promise.all(tasks.map((task) => sourcePages(() => processItemTask(source, task, ctx)))),
  );
}

export async function runOnce(config: ResolvedConfig, options: RunOptions): Promise<RunReport> {
  const startedMs = Date.now();
  const now = options.now ?? (() => new Date());
  const logger = options.logger;
  const state = options.state ?? (await openJsonStateStore(config.paths.state));
  // Temp files of a run that was killed mid-write; the lock says no other run is writing.
  for (const dir of new Set([dirname(config.paths.state), config.paths.articles])) await removeStaleTempFiles(dir);
  const client =
    options.client ??
    createHttpClient({ fetch: config.fetch, site: config.site, logger: logger.child({ stage: 'fetch' }) });
  const extractor =
    options.extractor ?? createExtractor({ workers: config.extract.workers, timeoutMs: config.extract.timeoutMs });
  const report = newReport();
  const ctx = createWorkContext({ config, state, client, extractor, logger, now, signal: options.signal });
  const sources = config.sources.filter((source) => source.enabled);
  const known = await Promise.all(sources.map((source) => state.findSource(source.url)));
  const due = sources.filter((_source, i) => isDue(known[i], now(), options.force ?? false));
  Object.assign(report, { sourcesTotal: sources.length, sourcesDue: due.length });
  logger.info('Run started', { count: due.length, total: sources.length, force: options.force ?? false });
  let done = 0;
  // At most fetch.concurrency sources in progress: their pages wait for the extractor in
  // memory, so starting every source at once held thousands of pages (1.5 GB at 5,000
  // articles, bench/). State saves after each source are spaced (state/run-state.ts) and not
  // waited for: the flush below writes the final state and reports a write failure.
  const sourceLimit = pLimit(config.fetch.concurrency);
  let saveError: unknown;
  try {
    await Promise.all(
      due.map(async (source) => {
        countOutcome(report, await sourceLimit(() => processSource(ctx, source)));
        state.save().catch((error: unknown) => (saveError ??= error));
        done += 1;
        options.onProgress?.({ sourcesDone: done, sourcesTotal: due.length, articlesWritten: report.articlesWritten });
      }),
    );
  } finally {
    if (!options.extractor) await extractor.close();
  }
  await state.flush();
  if (saveError)
    logger.warn('A state save failed during the run; the final save succeeded', { err: describeError(saveError) });
  if (options.publish !== false) {
    report.publish = await publishSafely(config, logger, client);
    report.publishFailed = report.publish === undefined;
  }
  report.durationMs = Date.now() - startedMs;
  return report;
}

async function publishSafely(
  config: ResolvedConfig,
  logger: Logger,
  client: HttpClient,
): Promise<PublishReport | undefined> {
  try {
    return await publishFeeds(config, logger, client);
  } catch (error) {
    logger.error('Unable to publish feeds', {
      code: error instanceof FeedwrightError ? error.code : undefined,
      err: describeError(error),
    });
    return undefined;
  }
}
