// Measures time, peak memory (the process's maximum RSS, worker threads included) and the
// size of what is written, for one pipeline run per size attack, each alone beside one
// normal source, in a child process of its own, with the default caps:
// - fetch: a 60 MB streamed feed, a gzip bomb (feed), a gzip-bombed page and a
//   byte-a-second page, a feed of 10,000 items, a 5 MB title;
// - big pages: 50 items of 4.9 MB pages, one 4.8 MB page of 600,000 <p>, a table of
//   150,000 rows, 700 KB of 100,000 unclosed <b><i>.
// Prints one table row per case.
// Run: npx tsx scripts/hostile-sizes.ts [timeoutMs] [case...]   (timeoutMs: 2000 by default, for the slow page)
import { fork } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger } from '../src/lib/log.js';
import { runOnce } from '../src/pipeline.js';
import { listArticleFiles, readArticleFile } from '../src/store/article-file.js';
import { loadState } from '../src/state/run-state.js';
import { startServer } from '../tests/helpers/server.js';
import { installBigPageRoutes } from '../tests/hostile/helpers/big-page-routes.js';
import { makeHostileConfig, makeTempDir } from '../tests/hostile/helpers/hostile-config.js';
import { installSizeRoutes } from '../tests/hostile/helpers/size-routes.js';

const FETCH_CASES = ['huge', 'bomb', 'hostile-pages', 'many', 'big-title'];
const PAGE_CASES = ['big', 'paragraphs', 'table', 'unclosed'];
/** Items in each big-page feed. */
const PAGE_COUNTS = { big: 50 };

interface Row {
  name: string;
  ms: number;
  peakMb: number;
  outcome: string;
  written: number;
  fallbacks: number;
  maxBodyChars: number;
  maxFeedBytes: number;
  feedsBytes: number;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function fileSizes(dir: string): Promise<number[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile() && /\.(xml|json)$/.test(entry.name));
  return Promise.all(files.map(async (entry) => (await stat(join(entry.parentPath, entry.name))).size));
}

async function measure(name: string, timeoutMs: number): Promise<Row> {
  const server = await startServer();
  installSizeRoutes(server);
  installBigPageRoutes(server, PAGE_COUNTS);
  const dir = await makeTempDir(`sizes-${name}`);
  try {
    const sources = [name, 'ok'].map((source) => ({
      name: source,
      url: server.url(`/${source}.xml`),
      category: 'Work',
      fullText: source !== 'many',
    }));
    const config = await makeHostileConfig(dir, sources, { timeoutMs, maxItemsPerSource: 100 });
    const started = performance.now();
    const report = await runOnce(config, { logger: silentLogger });
    const ms = Math.round(performance.now() - started);
    const state = await loadState(config.paths.state);
    const outcome = state.sources[server.url(`/${name}.xml`)];
    const bodies = await Promise.all(
      (await listArticleFiles(config.paths.articles)).map(async (file) => (await readArticleFile(file)).body.length),
    );
    const feeds = await fileSizes(config.paths.feeds);
    return {
      name,
      ms,
      peakMb: process.resourceUsage().maxRSS / 1024,
      outcome: String(outcome?.lastErrorCode ?? outcome?.lastOutcome),
      written: report.articlesWritten,
      fallbacks: report.feedFallbacks,
      maxBodyChars: Math.max(0, ...bodies),
      maxFeedBytes: Math.max(0, ...feeds),
      feedsBytes: feeds.reduce((sum, size) => sum + size, 0),
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One case in a fresh child process, so its peak RSS is its own. */
function measureInChild(name: string, timeoutMs: number): Promise<Row> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--case', name, String(timeoutMs)], { execArgv: process.execArgv });
    child.once('message', (row) => resolve(row as Row));
    child.once('exit', (code) => reject(new Error(`case ${name} exited with ${code}`)));
  });
}

function formatRow(row: Row): string {
  return [
    row.name.padEnd(14),
    `${(row.ms / 1000).toFixed(1)} s`.padStart(8),
    `${row.peakMb.toFixed(0)} MB`.padStart(9),
    row.outcome.padEnd(10),
    String(row.written).padStart(7),
    String(row.fallbacks).padStart(9),
    String(row.maxBodyChars).padStart(12),
    `${mb(row.maxFeedBytes)} MB`.padStart(12),
    `${mb(row.feedsBytes)} MB`.padStart(11),
  ].join(' ');
}

if (process.argv[2] === '--case') {
  const row = await measure(process.argv[3]!, Number(process.argv[4]));
  process.send?.(row);
  process.exit(0);
} else {
  const timeoutMs = Number(process.argv[2] ?? 2_000);
  const chosen = process.argv.slice(3);
  const cases = chosen.length > 0 ? chosen : [...FETCH_CASES, ...PAGE_CASES];
  console.log(`fetch.timeoutMs=${timeoutMs}, default caps; 'big' is ${PAGE_COUNTS.big} items`);
  console.log('case               time   peak RSS outcome    written fallbacks  max body ch  largest feed  all feeds');
  for (const name of cases) console.log(formatRow(await measureInChild(name, timeoutMs)));
}
