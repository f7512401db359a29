// Longer seeded fuzzing than the test: mutated real-world feeds into parseFeed and
// mutated article pages into extractArticle; prints iterations, rejections, mutation
// counts, the slowest call and every failure (an exception other than FeedwrightError,
// or a call over the 5 s hang guard).
// Run: npx tsx scripts/fuzz.ts [iterationsPerTarget] [seed]
import { extractArticle } from '../src/extract/extract-article.js';
import { parseFeed } from '../src/parse/parse-feed.js';
import { readFeedSeeds, readPageSeeds } from '../tests/hostile/helpers/fuzz-corpus.js';
import { runFuzz, type FuzzReport } from '../tests/hostile/helpers/run-fuzz.js';

const iterations = Number(process.argv[2] ?? 2_000);
const seed = Number(process.argv[3] ?? 1);
const options = { seed, maxIterations: iterations, budgetMs: 30 * 60_000, hangMs: 5_000 };

function print(target: string, report: FuzzReport): void {
  console.log(
    `${target}: ${report.iterations} mutants, ${report.rejected} rejected with FeedwrightError, ${report.failures.length} failures`,
  );
  console.log(`  mutations: ${JSON.stringify(report.mutations)}`);
  console.log(`  slowest: ${Math.round(report.slowest.ms)} ms (${report.slowest.name})`);
  for (const failure of report.failures) console.log(`  FAIL ${failure}`);
}

print(
  'parseFeed',
  runFuzz(await readFeedSeeds(), (text) => parseFeed(text, { url: 'https://feeds.example/feed' }), options),
);
print(
  'extractArticle',
  runFuzz(
    await readPageSeeds(),
    (html) => extractArticle({ html, url: 'https://news.example/2026/01/05/story/', siteRules: {} }),
    { ...options, seed: seed + 1 },
  ),
);
