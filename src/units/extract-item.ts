// Unit of work 2's first half, for a new item and a changed one alike: the item's page read
// through the one client and extracted (the feed's own copy when the page fails or the
// source is not full-text).

import type { SourceConfig } from '../config/index.js';
import { extractFromFeed, findSiteRule } from '../extract/index.js';
import { describeError, isFeedwrightError } from '../lib/errors.js';
import type { ExtractedArticle, FeedItem } from '../types.js';
import type { WorkContext } from './work-context.js';

/**
 * `pageOnly`: a page that cannot be read throws instead of falling back to the feed's copy
 * (an update must not replace a whole article with a feed's summary for a passing error).
 */
export async function extractItem(
  ctx: WorkContext,
  source: SourceConfig,
  item: FeedItem,
  options: { pageOnly?: boolean } = {},
): Promise<ExtractedArticle> {
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
    if (ctx.signal?.aborted || options.pageOnly) throw error;
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
