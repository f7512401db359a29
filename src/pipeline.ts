// One pass of feedwright (`runOnce`): fetch every due source, follow each new item to its
// page, extract, classify, store, then publish. Both triggers, `feedwright run` and the
// daemon's cron tick, call this. It never exits the process and never throws for a bad
// source or article: those are logged and counted in the report. It throws only when
// the state file cannot be read or written.

import { dirname } from 'node:path';
import pLimit from 'p-limit';
import type { ResolvedConfig, SourceConfig } from './config/schema.js';
import { classifyArticle } from './classify/classify-article.js';
import { createExtractor, type Extractor } from './extract/extractor-pool.js';
import { findSiteRule } from './extract/apply-site-rule.js';
import { extractFromFeed } from './extract/extract-article.js';
import { createHttpClient, type HttpClient } from './fetch/http-client.js';
import { describeError, FeedwrightError, isFeedwrightError } from './lib/errors.js';
import { removeStaleTempFiles } from './lib/fs.js';
import type { Logger } from './lib/log.js';
import { parseFeed } from './parse/parse-feed.js';
import { publishFeeds, type PublishReport } from './publish/publish-feeds.js';
import { isDue, nextAfterSuccess, recordFailure } from './schedule/source-schedule.js';
import { createStateSaver, loadState, sourceState, type RunState } from './store/run-state.js';
import { storeArticle } from './store/store-article.js';
import type { ExtractedArticle, FeedItem } from './types.js';

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
  onProgress?: (progress: RunProgress) => void;
  /** When aborted (daemon shutdown), no new source or article is started; writes under way finish. */
  signal?: AbortSignal;
}

export interface RunReport {
  sourcesTotal: number;
  sourcesDue: number;
  sourcesOk: number;
  sourcesNotModified: number;
  sourcesFailed: number;
  newItems: number;
  articlesWritten: number;
  articlesFailed: number;
  duplicates: number;
  feedFallbacks: number;
  publish?: PublishReport;
  /** Set when publishing was attempted and failed (the outputs were not updated). */
  publishFailed?: boolean;
  durationMs: number;
}

interface RunContext {
  config: ResolvedConfig;
  state: RunState;
  client: HttpClient;
  extractor: Extractor;
  logger: Logger;
  now: () => Date;
  report: RunReport;
  reservedSlugs: Set<string>;
  signal?: AbortSignal;
}

function newReport(): RunReport {
  return {
    sourcesTotal: 0,
    sourcesDue: 0,
    sourcesOk: 0,
    sourcesNotModified: 0,
    sourcesFailed: 0,
    newItems: 0,
    articlesWritten: 0,
    articlesFailed: 0,
    duplicates: 0,
    feedFallbacks: 0,
    durationMs: 0,
  };
}

async function extractItem(ctx: RunContext, source: SourceConfig, item: FeedItem): Promise<ExtractedArticle> {
  // The site's rule also cleans the feed's own copy of the article (same promos).
  const rule = item.url ? findSiteRule(item.url, ctx.config.siteRules, source.rule)?.rule : source.rule;
  if (!source.fullText || !item.url) return extractFromFeed(item, source.fullText ? 'item has no link' : undefined, rule);
  try {
    const page = await ctx.client.fetchResource(item.url, { kind: 'page', raw: true, signal: ctx.signal });
    return await ctx.extractor.extract({
      html: page.raw ?? page.body,
      url: page.finalUrl,
      item,
      siteRules: ctx.config.siteRules,
      sourceRule: source.rule,
    });
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    const code = isFeedwrightError(error) ? error.code : 'EXTRACT';
    ctx.logger.warn('Unable to read article page, using the feed content', {
      source: source.name,
      url: item.url,
      code,
      err: describeError(error),
    });
    return extractFromFeed(item, `page: ${code}`, rule);
  }
}

/** Resolves true when the item is done with (stored, or a duplicate); false to retry it next run. */
async function processItem(ctx: RunContext, source: SourceConfig, item: FeedItem): Promise<boolean> {
  if (ctx.signal?.aborted) return false;
  try {
    const extracted = await extractItem(ctx, source, item);
    if (extracted.method === 'feed') ctx.report.feedFallbacks += 1;
    const article = classifyArticle(extracted, item, { config: ctx.config, source, now: ctx.now() });
    const outcome = await storeArticle(ctx.config.paths.articles, ctx.state, article, item.id, ctx.reservedSlugs);
    if (outcome.written) {
      ctx.report.articlesWritten += 1;
      // `reason`: why the methods before the one that won were rejected (issue 12).
      ctx.logger.debug('Article written', { source: source.name, url: item.url, slug: outcome.slug, method: extracted.method, ...(extracted.fallbackReason ? { reason: extracted.fallbackReason } : {}) });
    } else {
      ctx.report.duplicates += 1;
      ctx.logger.debug('Article already stored from another item', { source: source.name, url: item.url, slug: outcome.slug });
    }
    return true;
  } catch (error) {
    if (ctx.signal?.aborted) return false;
    ctx.report.articlesFailed += 1;
    ctx.logger.warn('Unable to store article', { source: source.name, url: item.url, err: describeError(error) });
    return false;
  }
}

async function processSource(ctx: RunContext, source: SourceConfig): Promise<void> {
  if (ctx.signal?.aborted) return;
  const st = sourceState(ctx.state, source.url);
  const log = ctx.logger.child({ source: source.name });
  const started = ctx.now();
  const startedMs = Date.now();
  try {
    const result = await ctx.client.fetchResource(source.url, { kind: 'feed', etag: st.etag, lastModified: st.lastModified });
    const settings = ctx.config.fetch;
    Object.assign(st, { lastFetchAt: started.toISOString(), lastStatus: result.status, failures: 0, disabled: false });
    Object.assign(st, { lastErrorCode: undefined, lastError: undefined });
    if (result.etag || !result.notModified) st.etag = result.etag;
    if (result.lastModified || !result.notModified) st.lastModified = result.lastModified;
    if (result.notModified) {
      st.lastOutcome = 'not-modified';
      st.newItems = 0;
      st.nextFetchAt = nextAfterSuccess(started, settings, result.maxAgeSec);
      ctx.report.sourcesNotModified += 1;
      log.info('Feed not modified', { url: source.url, durationMs: result.durationMs });
      return;
    }
    // Only the items taken are normalized (a feed may list up to 1,000).
    const feed = parseFeed(result.body, { url: result.finalUrl, maxItems: settings.maxItemsPerSource });
    const items = feed.items;
    const fresh = dedupeById(items).filter((item) => !ctx.state.items[item.id]);
    ctx.report.newItems += fresh.length;
    const done = await Promise.all(fresh.map((item) => processItem(ctx, source, item)));
    Object.assign(st, { lastOutcome: 'ok', itemCount: items.length, newItems: fresh.length });
    st.nextFetchAt = nextAfterSuccess(started, settings, result.maxAgeSec, feed.minIntervalSec);
    if (done.includes(false)) {
      // Items left for the next run: forget the validators so a 304 cannot hide them.
      Object.assign(st, { etag: undefined, lastModified: undefined, nextFetchAt: undefined });
    }
    ctx.report.sourcesOk += 1;
    log.info('Feed processed', { url: source.url, status: result.status, count: items.length, newItems: fresh.length, durationMs: Date.now() - startedMs });
  } catch (error) {
    const known = isFeedwrightError(error) ? error : undefined;
    recordFailure(st, known, describeError(error), started, ctx.config.fetch);
    ctx.report.sourcesFailed += 1;
    log.warn(failureMessage(known), {
      url: source.url,
      code: known?.code ?? 'UNKNOWN',
      status: known?.status,
      err: describeError(error),
    });
  }
}

function failureMessage(error: FeedwrightError | undefined): string {
  if (error?.code === 'GONE') return 'Feed is gone (410), source disabled';
  return error?.stage === 'parse' ? 'Unable to parse feed' : 'Unable to fetch feed';
}

function dedupeById(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}

export async function runOnce(config: ResolvedConfig, options: RunOptions): Promise<RunReport> {
  const startedMs = Date.now();
  const now = options.now ?? (() => new Date());
  const logger = options.logger;
  const state = await loadState(config.paths.state);
  // Temp files of a run that was killed mid-write; the lock says no other run is writing.
  for (const dir of new Set([dirname(config.paths.state), config.paths.articles])) await removeStaleTempFiles(dir);
  const saver = createStateSaver(config.paths.state, state);
  const client = options.client ?? createHttpClient({ fetch: config.fetch, site: config.site, logger: logger.child({ stage: 'fetch' }) });
  const extractor = options.extractor ?? createExtractor({ workers: config.extract.workers });
  const report = newReport();
  const ctx: RunContext = { config, state, client, extractor, logger, now, report, reservedSlugs: new Set(), signal: options.signal };
  const sources = config.sources.filter((source) => source.enabled);
  const due = sources.filter((source) => isDue(state.sources[source.url], now(), options.force ?? false));
  Object.assign(report, { sourcesTotal: sources.length, sourcesDue: due.length });
  logger.info('Run started', { count: due.length, total: sources.length, force: options.force ?? false });
  let done = 0;
  // At most fetch.concurrency sources in progress: their pages wait for the extractor in
  // memory, so starting every source at once held thousands of pages (1.5 GB at 5,000
  // articles, bench/). State saves after each source are spaced (run-state.ts) and not
  // waited for: the flush below writes the final state and reports a write failure.
  const sourceLimit = pLimit(config.fetch.concurrency);
  let saveError: unknown;
  try {
    await Promise.all(
      due.map(async (source) => {
        await sourceLimit(() => processSource(ctx, source));
        saver.save().catch((error: unknown) => (saveError ??= error));
        done += 1;
        options.onProgress?.({ sourcesDone: done, sourcesTotal: due.length, articlesWritten: report.articlesWritten });
      }),
    );
  } finally {
    if (!options.extractor) await extractor.close();
  }
  await saver.flush();
  if (saveError) logger.warn('A state save failed during the run; the final save succeeded', { err: describeError(saveError) });
  if (options.publish !== false) {
    report.publish = await publishSafely(config, logger);
    report.publishFailed = report.publish === undefined;
  }
  report.durationMs = Date.now() - startedMs;
  return report;
}

async function publishSafely(config: ResolvedConfig, logger: Logger): Promise<PublishReport | undefined> {
  try {
    return await publishFeeds(config, logger);
  } catch (error) {
    logger.error('Unable to publish feeds', { code: error instanceof FeedwrightError ? error.code : undefined, err: describeError(error) });
    return undefined;
  }
}

/**
 * DESIGN.md's exit rule: a run fails when every due source failed; and when the feeds
 * could not be published, since readers would not see what the run stored.
 */
export function isRunFailed(report: RunReport): boolean {
  return (report.sourcesDue > 0 && report.sourcesFailed === report.sourcesDue) || report.publishFailed === true;
}
