// Measures time and peak memory (RSS, sampled every 10 ms) of one pipeline run per size
// attack, each alone beside one normal source, with the default size caps:
// a 60 MB streamed feed, a gzip bomb (feed), a gzip-bombed page and a byte-a-second page,
// a feed of 10,000 items, a 5 MB title. Prints one line per case.
// Run: npx tsx scripts/hostile-sizes.ts [timeoutMs]   (default 2000 for the slow page)
import { rm } from 'node:fs/promises';
import { silentLogger } from '../src/lib/log.js';
import { runOnce } from '../src/pipeline.js';
import { loadState } from '../src/state/run-state.js';
import { startServer } from '../tests/helpers/server.js';
import { makeHostileConfig, makeTempDir } from '../tests/hostile/helpers/hostile-config.js';
import { installSizeRoutes } from '../tests/hostile/helpers/size-routes.js';

const CASES = ['huge', 'bomb', 'hostile-pages', 'many', 'big-title'];
const timeoutMs = Number(process.argv[2] ?? 2_000);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function measure(name: string, origin: { url(path: string): string }): Promise<string> {
  const dir = await makeTempDir(`sizes-${name}`);
  const sources = [name, 'ok'].map((source) => ({ name: source, url: origin.url(`/${source}.xml`), category: 'Work', fullText: source !== 'many' }));
  const config = await makeHostileConfig(dir, sources, { timeoutMs, maxItemsPerSource: 100 });
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const report = await runOnce(config, { logger: silentLogger });
  const ms = Math.round(performance.now() - started);
  clearInterval(sampler);
  const state = await loadState(config.paths.state);
  const outcome = state.sources[origin.url(`/${name}.xml`)];
  await rm(dir, { recursive: true, force: true });
  const code = outcome?.lastErrorCode ?? outcome?.lastOutcome;
  return `${name.padEnd(14)} ${String(ms).padStart(6)} ms  rss ${mb(before)} -> peak ${mb(peak)} MB  outcome=${code} written=${report.articlesWritten} fallbacks=${report.feedFallbacks} failedSources=${report.sourcesFailed}`;
}

const server = await startServer();
installSizeRoutes(server);
try {
  console.log(`fetch.timeoutMs=${timeoutMs}, default caps (feed 10 MB, page 5 MB)`);
  for (const name of CASES) console.log(await measure(name, server));
} finally {
  await server.close();
}
