// Unit of work 1: one source's feed. Fetches it (conditional GET with the validators of
// the last feed that parsed), parses it, hands the items not seen before, and those stored
// within updates.windowDays whose entry changed since (issue 16), to `handleItems` and records the outcome in the state store, in one place and in this order: a source's
// state changes only once the feed parsed and its items were handled, so a feed that
// never parses backs off and never earns a 304 (issue 14). Never throws for a bad source.
//
// `handleItems` is how the caller processes items: today's loop runs processItemPage on
// each; a queue worker would enqueue them and report them done.

import type { SourceConfig } from '../config/index.js';
import { describeError, isFeedwrightError, type FeedwrightError } from '../lib/errors.js';
import { redactUrl } from '../lib/url.js';
import { parseFeed } from '../parse/index.js';
import { isItemDone, type ItemOutcome, type ItemTask, type SourceOutcome, type WorkContext } from './work-context.js';

export type ItemHandler = (tasks: ItemTask[]) => Promise<ItemOutcome[]>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Items first seen at or after this are compared with their entry; none when updates are off. */
function findUpdateWindowStart(ctx: WorkContext, at: Date): Date | undefined {
  const days = ctx.config.updates.windowDays;
  return days > 0 ? new Date(at.getTime() - days * DAY_MS) : undefined;
}

export async function processSourceFeed(
  source: SourceConfig,
  ctx: WorkContext,
  handleItems: ItemHandler,
): Promise<SourceOutcome> {
  const log = ctx.logger.child({ source: source.name });
  const settings = ctx.config.fetch;
  const at = ctx.now();
  const startedMs = Date.now();
  const known = await ctx.state.findSource(source.url);
  try {
    const result = await ctx.client.fetchResource(source.url, {
      kind: 'feed',
      etag: known?.etag,
      lastModified: known?.lastModified,
    });
    const answer = {
      at,
      status: result.status,
      etag: result.etag,
      lastModified: result.lastModified,
      maxAgeSec: result.maxAgeSec,
    };
    if (result.notModified) {
      await ctx.state.recordNotModified(source.url, answer, settings);
      log.info('Feed not modified', { url: redactUrl(source.url), durationMs: result.durationMs });
      return { kind: 'not-modified' };
    }
    // Only the items taken are normalized (a feed may list up to 1,000).
    const feed = parseFeed(result.body, { url: result.finalUrl, maxItems: settings.maxItemsPerSource });
    const since = findUpdateWindowStart(ctx, at);
    const { fresh, changed, collisions } = await ctx.state.findNewItems(source, feed.items, ctx.guidOwners, since);
    for (const [other, count] of collisions)
      log.warn('Items share GUIDs with another source', { otherSource: other, count });
    const tasks = [
      ...fresh.map((item) => ({ item, update: false })),
      ...changed.map((item) => ({ item, update: true })),
    ];
    const items = await handleItems(tasks);
    const itemsLeft = !items.every(isItemDone);
    const counts = { itemCount: feed.items.length, newItems: fresh.length, itemsLeft };
    await ctx.state.recordSuccess(source.url, { ...answer, feedIntervalSec: feed.minIntervalSec, ...counts }, settings);
    log.info('Feed processed', {
      url: redactUrl(source.url),
      status: result.status,
      count: feed.items.length,
      newItems: fresh.length,
      ...(changed.length > 0 ? { changedItems: changed.length } : {}),
      durationMs: Date.now() - startedMs,
    });
    return { kind: 'ok', itemCount: feed.items.length, items };
  } catch (error) {
    // Stopped (a worker shutting down hands its feed job back): nothing to record.
    if (ctx.signal?.aborted && error === ctx.signal.reason) throw error;
    const known = isFeedwrightError(error) ? error : undefined;
    const code = known?.code ?? 'UNKNOWN';
    const message = describeError(error);
    await ctx.state.recordFailure(
      source.url,
      { at, code, status: known?.status, retryAfterMs: known?.retryAfterMs, message },
      settings,
    );
    log.warn(failureMessage(known), { url: redactUrl(source.url), code, status: known?.status, err: message });
    return { kind: 'failed', code };
  }
}

function failureMessage(error: FeedwrightError | undefined): string {
  if (error?.code === 'GONE') return 'Feed is gone (410), source disabled';
  return error?.stage === 'parse' ? 'Unable to parse feed' : 'Unable to fetch feed';
}
