// The publish stage (DESIGN.md "Output files"). Contract:
// - reads only the article files in config.paths.articles (hand-written ones too), never
//   memory: first their front matter (scan-articles.ts), then the bodies of the items the
//   feeds carry, so a 10,000-file archive costs little more than a 50-item one;
// - writes into config.paths.feeds: rss.xml, atom.xml, feed.json and index.html site-wide
//   and under category/<slug>/, and sources.opml;
// - the same files give the same bytes (dates come from the articles, never the clock), and
//   an output whose bytes did not change is not rewritten (its mtime stays, so readers
//   polling with If-Modified-Since get "not modified"); a changed one is replaced atomically;
// - with site.websubHub, pings the hub for every feed that changed; a failed ping is a warning.
// A bad article is logged and skipped; only a failure to write the outputs throws.

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import type { ResolvedConfig } from '../config/index.js';
import type { HttpClient } from '../fetch/index.js';
import { describeError, FeedwrightError } from '../lib/errors.js';
import { removeStaleTempFiles, writeFileIfChanged } from '../lib/fs.js';
import type { Logger } from '../lib/log.js';
import { redactUrl } from '../lib/url.js';
import { readArticleFile } from '../store/index.js';
import { buildItemModel } from './build-item-model.js';
import { EPOCH, type FeedModel, type ItemModel } from './feed-model.js';
import { FEED_FILES, resolveFeedLinks } from './feed-links.js';
import { pingWebSubHub } from './ping-websub.js';
import { renderAtom } from './render-atom.js';
import { renderIndexHtml, type IndexScope } from './render-index-html.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderOpml } from './render-opml.js';
import { renderRss } from './render-rss.js';
import { scanArticles, type ArticleMeta } from '../store/index.js';
import { selectFeedScopes, type FeedScope } from './select-articles.js';

export interface PublishReport {
  articles: number;
  files: number;
  written: string[];
  unchanged: number;
  durationMs: number;
}

interface Output {
  /** Relative to config.paths.feeds, `/`-separated. */
  file: string;
  data: string;
  /** The self URL, for feeds (the WebSub topic). */
  topic?: string;
}

const BODY_CONCURRENCY = 16;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** Second pass: the bodies of the selected articles only, each read once. */
async function loadItems(
  scopes: FeedScope[],
  site: ResolvedConfig['site'],
  logger: Logger,
): Promise<Map<string, ItemModel>> {
  const selected = new Map<string, ArticleMeta>();
  for (const scope of scopes) for (const meta of scope.metas) selected.set(meta.path, meta);
  const limit = pLimit(BODY_CONCURRENCY);
  const items = new Map<string, ItemModel>();
  await Promise.all(
    [...selected.values()].map((meta) =>
      limit(async () => {
        try {
          const article = await readArticleFile(meta.path);
          items.set(meta.path, buildItemModel(article, meta.timeMs, site));
        } catch (error) {
          logger.warn('Article skipped: unreadable', { file: meta.article.slug, err: describeError(error) });
        }
      }),
    ),
  );
  return items;
}

function buildFeedModel(config: ResolvedConfig, scope: FeedScope, items: ItemModel[]): FeedModel {
  const { site } = config;
  const email = site.email && EMAIL.test(site.email) ? site.email : undefined;
  return {
    title: scope.category ? `${site.title}: ${scope.category}` : site.title,
    description: scope.category ? `${site.title}, articles in ${scope.category}` : site.description || site.title,
    homeUrl: site.url,
    language: site.language,
    links: resolveFeedLinks(site, scope.dir),
    // Published without credentials; the ping itself uses the configured URL.
    ...(site.websubHub ? { hubUrl: redactUrl(site.websubHub) } : {}),
    author: { name: site.author, url: site.url, ...(email ? { email } : {}) },
    updated: newestChange(items),
    items,
  };
}

/** The newest item's date, or a later edit at the source of any item (RSS lastBuildDate, Atom updated). */
function newestChange(items: ItemModel[]): Date {
  let newest = items[0]?.date ?? EPOCH;
  for (const item of items) if (item.modified && item.modified > newest) newest = item.modified;
  return newest;
}

type Renderer = (model: FeedModel) => string;

/**
 * One feed file within site.maxFeedFileBytes (issue 13): when the rendering is bigger, the
 * oldest items are left out until it fits (each item's content is already capped).
 */
function renderWithin(
  render: Renderer,
  model: FeedModel,
  maxBytes: number,
  onCut: (count: number) => void,
): { data: string; count: number } {
  let data = render(model);
  let items = model.items;
  for (let bytes = Buffer.byteLength(data); bytes > maxBytes && items.length > 1; bytes = Buffer.byteLength(data)) {
    items = items.slice(0, Math.max(1, Math.min(items.length - 1, Math.floor((items.length * maxBytes) / bytes))));
    data = render({ ...model, items });
  }
  if (items.length < model.items.length) onCut(items.length);
  return { data, count: items.length };
}

/** The scope's three feeds, and how many items the smallest of them carries. */
function renderScope(
  model: FeedModel,
  dir: string,
  maxBytes: number,
  log: Logger,
): { outputs: Output[]; count: number } {
  const prefix = dir ? `${dir}/` : '';
  const formats = [
    { file: `${prefix}${FEED_FILES.rss}`, renderer: renderRss, topic: model.links.rss },
    { file: `${prefix}${FEED_FILES.atom}`, renderer: renderAtom, topic: model.links.atom },
    { file: `${prefix}${FEED_FILES.json}`, renderer: renderJsonFeed, topic: model.links.json },
  ];
  const rendered = formats.map(({ file, renderer, topic }) => {
    const { data, count } = renderWithin(renderer, model, maxBytes, (kept) =>
      log.warn('Feed cut to its size cap', { file, count: kept, total: model.items.length }),
    );
    return { output: { file, data, topic }, count };
  });
  return { outputs: rendered.map(({ output }) => output), count: Math.min(...rendered.map(({ count }) => count)) };
}

function renderOutputs(
  config: ResolvedConfig,
  scopes: FeedScope[],
  items: Map<string, ItemModel>,
  log: Logger,
): Output[] {
  const outputs: Output[] = [];
  const pages: Array<{ page: IndexScope; latest: ItemModel[] }> = [];
  for (const scope of scopes) {
    const scopeItems = scope.metas
      .map((meta) => items.get(meta.path))
      .filter((item): item is ItemModel => item !== undefined);
    const feeds = renderScope(buildFeedModel(config, scope, scopeItems), scope.dir, config.site.maxFeedFileBytes, log);
    outputs.push(...feeds.outputs);
    const page = {
      ...(scope.category ? { category: scope.category } : {}),
      dir: scope.dir,
      // What every one of its feeds carries (a feed cut to its size cap carries fewer).
      count: feeds.count,
      total: scope.total,
    };
    pages.push({ page, latest: scopeItems });
  }
  const index = pages.map(({ page }) => page);
  for (const { page, latest } of pages) {
    const file = page.dir ? `${page.dir}/index.html` : 'index.html';
    outputs.push({ file, data: renderIndexHtml(config.site, index, page, latest) });
  }
  outputs.push({ file: 'sources.opml', data: renderOpml(config) });
  return outputs;
}

/**
 * Writes the outputs side by side: each write ends with an fsync, and one after another
 * they cost a disk flush each (seconds after a big run on a slow disk). Every write is
 * settled before a failure is reported, so none is left running.
 */
async function writeOutputs(dir: string, outputs: Output[]): Promise<Array<Output & { path: string }>> {
  const paths = outputs.map((output) => join(dir, ...output.file.split('/')));
  const results = await Promise.allSettled(
    outputs.map((output, index) => writeFileIfChanged(paths[index], output.data, { root: dir, stage: 'publish' })),
  );
  const failed = results.findIndex((result) => result.status === 'rejected');
  if (failed >= 0) {
    throw new FeedwrightError('IO', `Unable to write ${paths[failed]}`, {
      stage: 'publish',
      cause: (results[failed] as PromiseRejectedResult).reason,
    });
  }
  return outputs.flatMap((output, index) =>
    (results[index] as PromiseFulfilledResult<boolean>).value ? [{ ...output, path: paths[index] }] : [],
  );
}

/** `client`: the run's HTTP client, for the WebSub pings (else one is made for them). */
export async function publishFeeds(
  config: ResolvedConfig,
  logger: Logger,
  client?: HttpClient,
): Promise<PublishReport> {
  const started = performance.now();
  const log = logger.child({ stage: 'publish' });
  await removeStaleTempFiles(config.paths.feeds, { recursive: true });
  const { metas, skipped } = await scanArticles(config.paths.articles, log);
  const scopes = selectFeedScopes(config, metas);
  const items = await loadItems(scopes, config.site, log);
  const outputs = renderOutputs(config, scopes, items, log);
  const changed = await writeOutputs(config.paths.feeds, outputs);
  const topics = changed.flatMap((output) => (output.topic ? [output.topic] : []));
  if (config.site.websubHub && topics.length > 0) {
    const pinger =
      client ??
      (await import('../fetch/index.js')).createHttpClient({
        fetch: config.fetch,
        site: config.site,
        logger: logger.child({ stage: 'fetch' }),
      });
    const accepted = await pingWebSubHub(pinger, config.site.websubHub, topics, log);
    log.info('WebSub hub pinged', { count: topics.length, accepted });
  }
  const report: PublishReport = {
    articles: metas.length,
    files: outputs.length,
    written: changed.map((output) => output.path),
    unchanged: outputs.length - changed.length,
    durationMs: Math.round(performance.now() - started),
  };
  log.info('Feeds published', {
    count: report.articles,
    skipped,
    files: report.files,
    written: report.written.length,
    durationMs: report.durationMs,
  });
  return report;
}
