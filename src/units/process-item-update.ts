// Unit of work 2 for a changed item (issue 16): an item stored from this source whose feed
// entry changed within updates.windowDays. A file edited by hand or deleted is recorded
// and left alone before any page is fetched; otherwise the page is read again, extracted,
// classified, and the file rewritten in place if its title or body changed (store/
// update-article.ts). Never throws: a failure is logged and reported, and the entry's new
// version is not recorded, so the next fetch of the feed tries again.

import { classifyArticle } from '../classify/index.js';
import type { SourceConfig } from '../config/index.js';
import { describeError } from '../lib/errors.js';
import { findChangedParts, fingerprintItem, sourceKey } from '../state/index.js';
import { findUpdateObstacle, updateArticle, type ArticleUpdate, type UpdateOutcome } from '../store/index.js';
import type { ExtractionMethod, FeedItem } from '../types.js';
import { extractItem } from './extract-item.js';
import type { ItemOutcome, WorkContext } from './work-context.js';

function describeUpdate(
  ctx: WorkContext,
  source: SourceConfig,
  item: FeedItem,
  stored: { slug: string; fileHash: string },
): ArticleUpdate {
  return {
    itemId: item.id,
    ...stored,
    fingerprint: fingerprintItem(item),
    entryUpdated: item.updated,
    source: sourceKey(source.url),
    at: ctx.now(),
  };
}

function toOutcome(
  ctx: WorkContext,
  source: SourceConfig,
  item: FeedItem,
  outcome: UpdateOutcome,
  method?: ExtractionMethod,
): ItemOutcome {
  const fields = { source: source.name, url: item.url, slug: outcome.slug };
  if (outcome.kind === 'conflict') {
    ctx.logger.warn('Article edited by hand, update at the source not written', {
      ...fields,
      file: `${outcome.slug}.md`,
    });
    return { kind: 'conflict', slug: outcome.slug };
  }
  if (outcome.kind === 'gone') {
    ctx.logger.debug('Article deleted, update at the source not written', fields);
    return { kind: 'gone', slug: outcome.slug };
  }
  ctx.logger.debug(outcome.kind === 'rewritten' ? 'Article updated' : 'Article unchanged by the update', fields);
  const kind = outcome.kind === 'rewritten' ? 'updated' : 'unchanged';
  return { kind, slug: outcome.slug, method: method ?? 'feed' };
}

export async function processItemUpdate(source: SourceConfig, item: FeedItem, ctx: WorkContext): Promise<ItemOutcome> {
  if (ctx.signal?.aborted) return { kind: 'stopped', update: true };
  const dir = ctx.config.paths.articles;
  let method: ExtractionMethod | undefined;
  try {
    const seen = await ctx.state.findItem(item.id);
    // Only an item that wrote its own file is ever changed (item-fingerprint.ts).
    if (!seen?.slug || !seen.fileHash) return { kind: 'gone', slug: seen?.slug ?? '' };
    const update = describeUpdate(ctx, source, item, { slug: seen.slug, fileHash: seen.fileHash });
    const parts = seen.fingerprint ? findChangedParts(seen.fingerprint, update.fingerprint) : [];
    ctx.logger.debug('Item changed at the source', { source: source.name, url: item.url, changed: parts.join(',') });
    const obstacle = await findUpdateObstacle(dir, ctx.state, update);
    if (obstacle) return toOutcome(ctx, source, item, obstacle);
    const extracted = await extractItem(ctx, source, item, { pageOnly: true });
    method = extracted.method;
    const article = classifyArticle(extracted, item, { config: ctx.config, source, now: ctx.now() });
    return toOutcome(ctx, source, item, await updateArticle(dir, ctx.state, update, article), method);
  } catch (error) {
    if (ctx.signal?.aborted) return { kind: 'stopped', method, update: true };
    const err = describeError(error);
    ctx.logger.warn('Unable to update article', { source: source.name, url: item.url, err });
    return { kind: 'failed', method, error: err, update: true };
  }
}
