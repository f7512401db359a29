// Scores the near-duplicate merge decision (src/dedupe, issue 16) on the test set of
// tests/corpus/near-duplicates (npm run make:near-duplicates builds it): precision, recall
// and merges of different stories of one site, for half A (tuned on), half B (held out)
// and all, at the threshold, then a threshold sweep and the outcome per kind of pair;
// then the time per check against 1,000 and 100,000 stored articles through the state.json
// store's index (time-checks.ts; `--index memory` for the bare in-memory index), and what
// that index costs the store's save and load (time-saves.ts).
//   npm run eval:dedupe [-- --threshold 0.8 --sizes 1000,100000 --index memory]

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THRESHOLD } from '../src/dedupe/index.js';
import { readPairSet } from './near-duplicates/pair-set.js';
import {
  isMerged,
  scoreDecisions,
  scorePairs,
  type Measure,
  type PairOutcome,
} from './near-duplicates/score-decisions.js';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createJsonStateStore, emptyState } from '../src/state/index.js';
import { timeChecks } from './near-duplicates/time-checks.js';
import { timeSaves } from './near-duplicates/time-saves.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SET = resolve(root, 'tests', 'corpus', 'near-duplicates', 'pairs.json.gz');
const SWEEP = [0.4, 0.5, 0.6, 0.65, 0.7, 0.72, 0.75, 0.78, 0.8, 0.85, 0.9];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const threshold = Number(option('--threshold') ?? DEFAULT_THRESHOLD);
const sizes = (option('--sizes') ?? '1000,100000').split(',').map(Number);
const indexKind = option('--index') ?? 'json';
const f3 = (value: number) => value.toFixed(3);

function row(label: string, outcomes: PairOutcome[], at: number): string {
  const score = scoreDecisions(outcomes, at);
  const positives = outcomes.filter((outcome) => outcome.pair.merge).length;
  return [
    label.padEnd(10),
    String(score.pairs).padStart(5),
    `${positives}/${score.pairs - positives}`.padStart(9),
    f3(score.precision).padStart(9),
    f3(score.recall).padStart(7),
    String(score.falseMerges).padStart(6),
    String(score.sameSiteMerges).padStart(9),
  ].join(' ');
}

const HEADER = `${'set'.padEnd(10)} pairs  merge/not precision recall false sameSite`;

const outcomes = scorePairs(readPairSet(SET));
const halves = { A: outcomes.filter((o) => o.pair.half === 'A'), B: outcomes.filter((o) => o.pair.half === 'B') };
console.log(`Merge decision at threshold ${threshold} (tuned on half A; half B held out)\n${HEADER}`);
console.log(row('half A', halves.A, threshold));
console.log(row('half B', halves.B, threshold));
console.log(row('all', outcomes, threshold));

console.log('\nThreshold sweep (precision / recall / same-site merges): containment, and Jaccard to compare');
console.log(`${'t'.padEnd(6)}${'half A'.padEnd(22)}${'half B'.padEnd(22)}${'all'.padEnd(22)}Jaccard, all`);
for (const at of SWEEP) {
  const cell = (set: PairOutcome[], measure?: Measure) => {
    const score = scoreDecisions(set, at, measure);
    return `${f3(score.precision)} ${f3(score.recall)} ${score.sameSiteMerges}`.padEnd(22);
  };
  console.log(`${String(at).padEnd(6)}${cell(halves.A)}${cell(halves.B)}${cell(outcomes)}${cell(outcomes, 'jaccard')}`);
}

console.log(`\nPer kind at ${threshold}: merged / pairs, LSH candidates, score min / median / max`);
const kinds = [...new Set(outcomes.map((outcome) => outcome.pair.kind))];
for (const kind of kinds) {
  const set = outcomes.filter((outcome) => outcome.pair.kind === kind);
  const scores = set.map((outcome) => outcome.score).sort((a, b) => a - b);
  const merged = set.filter((outcome) => isMerged(outcome, threshold)).length;
  const candidates = set.filter((outcome) => outcome.candidate).length;
  const must = set[0]!.pair.merge ? 'merge' : 'not';
  console.log(
    `${kind.padEnd(12)}${must.padEnd(6)}${`${merged}/${set.length}`.padStart(8)}${String(candidates).padStart(6)}   ${f3(scores[0]!)} ${f3(scores[Math.floor(scores.length / 2)]!)} ${f3(scores[scores.length - 1]!)}`,
  );
}

const where = indexKind === 'memory' ? 'the in-memory index' : "the state.json store's index";
console.log(`\nTime per check through ${where} (keys + lookup + exact verification; stored texts read from memory)`);
console.log('stored   checks  index build  mean ms  p95 ms  max ms  candidates/check  synthetic matches');
for (const stored of sizes) {
  // The store is never saved here: its index is what a run checks against.
  const store = createJsonStateStore(join(tmpdir(), 'feedwright-eval-unsaved.json'), emptyState());
  const index = indexKind === 'memory' ? undefined : store.nearDuplicates;
  const timing = await timeChecks(
    outcomes.map((outcome) => outcome.pair),
    stored,
    threshold,
    index,
  );
  console.log(
    [
      String(timing.stored).padEnd(8),
      String(timing.checks).padStart(6),
      `${(timing.buildMs / 1000).toFixed(1)} s`.padStart(12),
      timing.meanMs.toFixed(3).padStart(8),
      timing.p95Ms.toFixed(3).padStart(7),
      timing.maxMs.toFixed(3).padStart(7),
      timing.meanCandidates.toFixed(2).padStart(17),
      String(timing.syntheticMatches).padStart(18),
    ].join(' '),
  );
}

console.log("\nThe state.json store's saves and load with the index beside it (median of 3 saves)");
console.log(
  'stored   state.json save  both saved  index file  load state  load both (first check)  heap (state + index)',
);
for (const stored of sizes) {
  const saves = await timeSaves(
    outcomes.map((outcome) => outcome.pair),
    stored,
  );
  console.log(
    [
      String(saves.stored).padEnd(8),
      `${saves.stateSaveMs.toFixed(0)} ms`.padStart(15),
      `${saves.bothSaveMs.toFixed(0)} ms`.padStart(11),
      `${saves.indexMb.toFixed(1)} MB`.padStart(11),
      `${saves.stateLoadMs.toFixed(0)} ms`.padStart(11),
      `${saves.loadMs.toFixed(0)} ms`.padStart(24),
      (saves.heapMb === undefined ? 'n/a (--expose-gc)' : `${saves.heapMb.toFixed(0)} MB`).padStart(21),
    ].join(' '),
  );
}
