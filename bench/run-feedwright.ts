// The feedwright scenario, in its own child process: a cold cycle (everything new, publish
// included), then a warm cycle (every feed answers 304) without publish, the publish after
// it on its own, and the bare cost of the same conditional requests made with the client
// alone, so the warm cycle's overhead per source can be told apart from the 304 itself.

import pLimit from 'p-limit';
import { createExtractor } from '../src/extract/pool/extractor-pool.js';
import { createHttpClient } from '../src/fetch/http-client.js';
import { limitHeapGrowth } from '../src/lib/heap.js';
import { runOnce, type RunReport } from '../src/pipeline.js';
import { publishFeeds } from '../src/publish/publish-feeds.js';
import { markPhase, measurePhase, readPeakRss, type PhaseMetrics, type ScenarioSpec } from './child-protocol.js';
import { buildConfig } from './bench-config.js';
import { quietLogger, warningNotes } from './quiet-logger.js';

function runCounts(report: RunReport): Record<string, number> {
  return {
    sources: report.sourcesDue,
    ok: report.sourcesOk,
    notModified: report.sourcesNotModified,
    failed: report.sourcesFailed,
    articles: report.articlesWritten,
    articlesFailed: report.articlesFailed,
    fallbacks: report.feedFallbacks,
    duplicates: report.duplicates,
  };
}

export async function runFeedwrightScenario(
  spec: ScenarioSpec,
): Promise<{ phases: Record<string, PhaseMetrics>; notes: string[] }> {
  limitHeapGrowth(); // as the CLI does (src/cli.ts)
  const config = await buildConfig(spec);
  const warnings = new Map<string, number>();
  const logger = quietLogger(warnings);
  const phases: Record<string, PhaseMetrics> = {};
  const extractor = spec.workers === undefined ? undefined : createExtractor({ workers: spec.workers });

  await markPhase('cold');
  const cold = await measurePhase(() => runOnce(config, { logger, force: true, extractor }));
  phases.cold = { wallMs: cold.wallMs, cpuMs: cold.cpuMs, peakRssBytes: readPeakRss(), counts: runCounts(cold.value) };

  await markPhase('warm');
  const warm = await measurePhase(() => runOnce(config, { logger, force: true, publish: false, extractor }));
  phases.warm = { wallMs: warm.wallMs, cpuMs: warm.cpuMs, peakRssBytes: readPeakRss(), counts: runCounts(warm.value) };

  await markPhase('warm-publish');
  const publish = await measurePhase(() => publishFeeds(config, logger));
  phases['warm-publish'] = {
    wallMs: publish.wallMs,
    cpuMs: publish.cpuMs,
    peakRssBytes: readPeakRss(),
    counts: { articles: publish.value.articles, written: publish.value.written.length },
  };

  await markPhase('client-304');
  const client = createHttpClient({ fetch: config.fetch, site: config.site, logger });
  const limit = pLimit(config.fetch.concurrency);
  const bare = await measurePhase(() =>
    Promise.all(
      spec.sources.map((source, index) =>
        limit(() => client.fetchResource(source.url, { kind: 'feed', etag: `"s${index}-v1"` })),
      ),
    ),
  );
  const notModified = bare.value.filter((result) => result.notModified).length;
  phases['client-304'] = {
    wallMs: bare.wallMs,
    cpuMs: bare.cpuMs,
    peakRssBytes: readPeakRss(),
    counts: { sources: spec.sources.length, notModified },
  };
  await markPhase('end');
  await extractor?.close();
  const notes = warningNotes(warnings);
  return { phases, notes };
}
