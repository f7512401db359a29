// The publish scenario, in its own child process: publishFeeds over an archive of article
// files into an empty feeds folder (every output written), then again (nothing changed).

import { join } from 'node:path';
import { resolveConfig } from '../src/config/load-config.js';
import { limitHeapGrowth } from '../src/lib/heap.js';
import { publishFeeds } from '../src/publish/publish-feeds.js';
import { markPhase, measurePhase, readPeakRss, type PhaseMetrics, type ScenarioSpec } from './child-protocol.js';
import { buildRawConfig } from './bench-config.js';
import { quietLogger, warningNotes } from './quiet-logger.js';

export async function runPublishScenario(
  spec: ScenarioSpec,
): Promise<{ phases: Record<string, PhaseMetrics>; notes: string[] }> {
  limitHeapGrowth(); // as the CLI does (src/cli.ts)
  const raw = buildRawConfig(spec);
  raw.paths = { ...raw.paths, articles: spec.archiveDir ?? join(spec.workDir, 'articles') };
  raw.categories = ['Work', 'Research', 'Policy', 'Products', 'Culture'].map((name) => ({
    name,
    coverImages: [`https://images.example.com/${name}.jpg`],
  }));
  const config = await resolveConfig(raw, { cwd: spec.workDir, siteRules: {} });
  const warnings = new Map<string, number>();
  const logger = quietLogger(warnings);
  const phases: Record<string, PhaseMetrics> = {};
  await markPhase('publish');
  const first = await measurePhase(() => publishFeeds(config, logger));
  phases.publish = {
    wallMs: first.wallMs,
    cpuMs: first.cpuMs,
    peakRssBytes: readPeakRss(),
    counts: { articles: first.value.articles, written: first.value.written.length },
  };
  const again = await measurePhase(() => publishFeeds(config, logger));
  phases['publish-again'] = {
    wallMs: again.wallMs,
    cpuMs: again.cpuMs,
    peakRssBytes: readPeakRss(),
    counts: { articles: again.value.articles, written: again.value.written.length },
  };
  await markPhase('end');
  return { phases, notes: warningNotes(warnings) };
}
