// Unit of work 2: one new feed item to a stored article. Follows the item to its page
// through the one client, extracts (the feed's own copy when the page fails or the source
// is not full-text), classifies and stores it, claims going through the state store.
// Never throws: a bad article is logged and reported as failed.

import { classifyArticle } from '../classify/index.js';
import type { SourceConfig } from '../config/index.js';
import { describeError } from '../lib/errors.js';
import { fingerprintItem } from '../state/index.js';
import { storeArticle, type NearDuplicateSettings } from '../store/index.js';
import type { ExtractedArticle, FeedItem } from '../types.js';
import { extractItem } from './extract-item.js';
import type { ItemOutcome, WorkContext } from './work-context.js';

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
    const outcome = await storeArticle(ctx.config.paths.articles, ctx.state, article, item.id, {
      fingerprint: fingerprintItem(item),
      nearDuplicates: nearDuplicateSettings(ctx),
    });
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
    const ofItem = outcome.reason === 'duplicate-item' ? { ofItem: true } : {};
    return { kind: 'duplicate', slug: outcome.slug, method, ...ofItem };
  } catch (error) {
    if (ctx.signal?.aborted) return { kind: 'stopped', method };
    const err = describeError(error);
    ctx.logger.warn('Unable to store article', { source: source.name, url: item.url, err });
    return { kind: 'failed', method, error: err };
  }
}
