// Seeded fuzzing of the two parsers that read strangers' documents: mutated real feeds
// into parseFeed, mutated real article pages into extractArticle. Nothing may escape but
// a FeedwrightError, and no single call may run longer than the hang guard (5 s; a guard,
// not a speed target). scripts/fuzz.ts runs the same loop for longer.

import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.js';
import { parseFeed } from '../../src/parse/parse-feed.js';
import { readFeedSeeds, readPageSeeds } from './helpers/fuzz-corpus.js';
import { runFuzz } from './helpers/run-fuzz.js';

/** A single call slower than this is a hang, not slowness: it is generous on purpose. */
const HANG_MS = 5_000;
// A fixed number of mutants, so the test checks the same inputs on any machine; the budget
// only stops a runaway loop. scripts/fuzz.ts runs more.
const FEED_MUTANTS = 250;
const PAGE_MUTANTS = 120;
const BUDGET_MS = 80_000;

describe('fuzzing with seeded mutations', () => {
  test('parseFeed: only FeedwrightError, no hang', async () => {
    const seeds = await readFeedSeeds();
    const report = runFuzz(seeds, (text) => parseFeed(text, { url: 'https://feeds.example/feed' }), {
      seed: 1_001,
      maxIterations: FEED_MUTANTS,
      budgetMs: BUDGET_MS,
      hangMs: HANG_MS,
    });
    expect(report.failures).toEqual([]);
    expect(report.iterations).toBe(FEED_MUTANTS);
  }, 90_000);

  test('extractArticle: only FeedwrightError, no hang', async () => {
    const seeds = await readPageSeeds();
    const report = runFuzz(
      seeds,
      (html) => extractArticle({ html, url: 'https://news.example/2026/01/05/story/', siteRules: {} }),
      {
        seed: 2_002,
        maxIterations: PAGE_MUTANTS,
        budgetMs: BUDGET_MS,
        hangMs: HANG_MS,
      },
    );
    expect(report.failures).toEqual([]);
    expect(report.iterations).toBe(PAGE_MUTANTS);
  }, 90_000);
});
