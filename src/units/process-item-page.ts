// Unit of work 2: one new feed item to a stored article. Follows the item to its page
// through the one client, extracts (the feed's own copy when the page fails or the source
// is not full-text), classifies and stores it, claims going through the state store.
// Never throws: a bad article is logged and reported as failed.

import { classifyArticle } from '../classify/index.js';
import type { SourceConfig } from '../config/index.js';
import { extractFromFeed, findSiteRule } from '../extract/index.js';
import { describeError, isFeedwrightError } from '../lib/errors.js';
import { storeArticle, type NearDuplicateSettings } from '../store/index.js';
import type { ExtractedArticle, FeedItem } from '../types.js';
import type { ItemOutcome, WorkContext } from './work-context.js';

async function extractItem(ctx: WorkContext, source: SourceConfig, item: FeedItem): Promise<ExtractedArticle> {
  // The site's rule also cleans the feed's own copy of the article (same promos).
  const rule = item.url ? findSiteRule(item.url, ctx.config.siteRules, source.rule)?.rule : source.rule;
  if (!source.fullText || !item.url) {
    const fromFeed = extractFromFeed(item, source.fullText ? 'item has no link' : undefined, rule);
    ctx.metrics?.recordExtraction(fromFeed.method);
    return fromFeed;
  }
  const url = item.url;
  try {
    // A fetched page waits in memory for the extractor: at most fetch.concurrency of them.
    return await ctx.pageLimit(async () => {
      const page = await ctx.client.fetchPage(url, { signal: ctx.signal });
      const startedMs = performance.now();
      const extracted = await ctx.extractor.extract({
        html: page.raw,
        url: page.finalUrl,
        item,
        siteRules: ctx.config.siteRules,
        sourceRule: source.rule,
      });
      ctx.metrics?.recordExtraction(extracted.method, performance.now() - startedMs);
      return extracted;
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
    const fallback = extractFromFeed(item, `page: ${code}`, rule);
    ctx.metrics?.recordExtraction(fallback.method);
    return fallback;
  }
}

/** The store's near-duplicate check, unless `dedupe.nearDuplicates` is off. */
function nearDuplicateSettings(ctx: WorkContext): NearDuplicateSettings | undefined {
  const { nearDuplicates, threshold, windowDays } = ctx.config.dedupe;
  return nearDuplicates ? { threshold, windowDays, now: ctx.now() } : undefined;
}

export async function processItemPage(source: SourceConfig, item: FeedItem, ctx: WorkContext): Promise<ItemOutcome> {
  if (ctx.signal?.aborted) return { kind: 'stopped' };
  let method: ExtractedArticle['method'] | undefined;
  try {
    const extracted = await extractItem(ctx, source, item);
    method = extracted.method;
    const article = classifyArticle(extracted, item, { config: ctx.config, source, now: ctx.now() });
    const outcome = await storeArticle(
      ctx.config.paths.articles,
      ctx.state,
      article,
      item.id,
      nearDuplicateSettings(ctx),
    );
    if (outcome.written) {
      ctx.metrics?.recordArticleWritten();
      // `reason`: why the methods before the one that won were rejected (issue 12).
      const reason = extracted.fallbackReason ? { reason: extracted.fallbackReason } : {};
      ctx.logger.debug('Article written', {
        source: source.name,
        url: item.url,
        slug: outcome.slug,
        method,
        ...reason,
      });
      return { kind: 'written', slug: outcome.slug, method };
    }
    ctx.logger.debug('Article already stored from another item', {
      source: source.name,
      url: item.url,
      slug: outcome.slug,
    });
    return { kind: 'duplicate', slug: outcome.slug, method };
  } catch (error) {
    if (ctx.signal?.aborted) return { kind: 'stopped', method };
    const err = describeError(error);
    ctx.logger.warn('Unable to store article', { source: source.name, url: item.url, err });
    return { kind: 'failed', method, error: err };
  }
}
