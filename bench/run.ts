// `npm run bench`: feedwright on a simulated web (bench/sim-web.ts), each scenario in its
// own child process so peak RSS and CPU are the scenario's own. Prints a table, each
// cycle's network bound with its formula, and the targets met or missed.
//
//   npm run bench                        every scenario (takes many minutes)
//   npm run bench -- --quick             small sizes, a smoke run of every scenario
//   npm run bench -- --only cold-5k,baseline-5k
//   npm run bench -- --only queue        queue mode alone (needs redis-server)
//   options: --seed N  --workers N (extraction workers; default: the pipeline's own)
//            --concurrency N (fetch.concurrency of feedwright and of the baseline; default 16)
//            --cpu-prof (children write .cpuprofile files to the folder printed)
//            --keep (keep the work folders)
//            --node-option=--max-old-space-size=256 (passed to every scenario's node)
//
// Scenarios: cold-5k (200 sources x 25 items, then the warm cycle), cold-20k (1,000 x 20,
// then warm), publish-100k (an archive of 100,000 files made once by
// scripts/make-archive.ts's articles and reused), baseline-5k (rss-parser + Readability, the same
// 5,000 articles), queue (bench/run-queue-scenario.ts: the built command with 1, 2 and 4
// worker processes on a private redis-server, against the one-process run); --quick runs
// cold-quick, publish-quick, baseline-quick and queue-quick instead.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureArchive } from './ensure-archive.js';
import { formatQueueTable } from './queue-table.js';
import { checkTargets, formatTable, rowsOf } from './report-table.js';
import { runQueueScenario, type QueuePlan, type QueueResult } from './run-queue-scenario.js';
import { runScenario, type ScenarioPlan, type ScenarioResult } from './run-scenario.js';
import type { WebOptions } from './sim-web.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20240101' },
    workers: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    'cpu-prof': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'node-option': { type: 'string', multiple: true },
  },
});

const seed = Number(values.seed);
// DESIGN.md's default fetch.concurrency unless told otherwise; the baseline gets the same.
const CONCURRENCY = Number(values.concurrency);
if (!Number.isInteger(CONCURRENCY) || CONCURRENCY < 1)
  throw new Error(`--concurrency must be a positive integer, not ${values.concurrency}`);
const PER_HOST = 2;
const TIMEOUT_MS = 3000;

function webOf(sources: number, itemsPerSource: number): WebOptions {
  return {
    seed,
    sources,
    itemsPerSource,
    minLatencyMs: 50,
    maxLatencyMs: 300,
    errorRate: 0.01,
    hangRate: 0.002,
    hangMs: 2 * TIMEOUT_MS,
  };
}

// Queue mode: each worker's concurrency fixed, so more workers mean more connections;
// a fixed delay per request keeps the cycle network-bound until the CPU runs out.
const QUEUE_CONCURRENCY = 8;

function queuePlan(label: string, quick: boolean): QueuePlan {
  const web = (sources: number, itemsPerSource: number, delayMs: number): WebOptions => ({
    seed,
    sources,
    itemsPerSource,
    minLatencyMs: delayMs,
    maxLatencyMs: delayMs,
    errorRate: 0,
    hangRate: 0,
    hangMs: 0,
  });
  return {
    label,
    concurrency: QUEUE_CONCURRENCY,
    perHostConcurrency: PER_HOST,
    timeoutMs: TIMEOUT_MS,
    rowSets: quick
      ? [{ name: 'many hosts', web: web(8, 4, 50), workerCounts: [1, 2] }]
      : [
          { name: 'many hosts', web: web(100, 10, 200), workerCounts: [1, 2, 4] },
          { name: 'two hosts', web: web(2, 100, 200), workerCounts: [1, 2, 4] },
        ],
  };
}

function plansOf(): Array<() => Promise<ScenarioPlan | QueuePlan>> {
  const common = { concurrency: CONCURRENCY, perHostConcurrency: PER_HOST, timeoutMs: TIMEOUT_MS, keep: values.keep };
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  const profile = values['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${join(tmpdir(), 'feedwright-bench-profiles')}`]
    : [];
  const childArgs = [...profile, ...(values['node-option'] ?? [])];
  const sized = (label: string, sources: number, items: number) => [
    {
      id: `cold-${label}`,
      plan: async () => ({
        ...common,
        label: `cold-${label}`,
        kind: 'feedwright' as const,
        web: webOf(sources, items),
        workers,
        childArgs,
      }),
    },
    {
      id: `baseline-${label}`,
      plan: async () => ({
        ...common,
        label: `baseline-${label}`,
        kind: 'baseline' as const,
        web: webOf(sources, items),
        childArgs,
      }),
    },
  ];
  const publish = (label: string, count: number) => ({
    id: `publish-${label}`,
    plan: async () => ({
      ...common,
      label: `publish-${label}`,
      kind: 'publish' as const,
      archiveDir: await ensureArchive(count),
      childArgs,
    }),
  });
  const all = [
    ...sized('quick', 20, 5),
    ...sized('1k', 50, 20),
    publish('quick', 2_000),
    ...sized('5k', 200, 25),
    ...sized('20k', 1_000, 20),
    publish('100k', 100_000),
    { id: 'queue-quick', plan: async () => queuePlan('queue-quick', true) },
    { id: 'queue', plan: async () => queuePlan('queue', false) },
  ];
  const defaults = values.quick
    ? ['cold-quick', 'publish-quick', 'baseline-quick', 'queue-quick']
    : ['cold-5k', 'cold-20k', 'publish-100k', 'baseline-5k', 'queue'];
  const wanted = values.only ? values.only.split(',').map((id) => id.trim()) : defaults;
  const unknown = wanted.filter((id) => !all.some((entry) => entry.id === id));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${all.map((entry) => entry.id).join(', ')}`);
  return wanted.map((id) => all.find((entry) => entry.id === id)!.plan);
}

const results: ScenarioResult[] = [];
const queueResults: QueueResult[] = [];
for (const plan of plansOf()) {
  const resolved = await plan();
  process.stderr.write(`running ${resolved.label} ...\n`);
  if ('rowSets' in resolved) {
    const result = await runQueueScenario(resolved);
    queueResults.push(result);
    process.stderr.write(`${formatQueueTable(result)}\n`);
    continue;
  }
  const result = await runScenario(resolved);
  results.push(result);
  process.stderr.write(`${formatTable(rowsOf(result))}\n`);
}

function printReport(): void {
  console.log(
    `\nfeedwright bench (seed ${seed}; fetch.concurrency ${CONCURRENCY}, perHostConcurrency ${PER_HOST}, timeoutMs ${TIMEOUT_MS}; latency 50-300 ms; 1% of URLs 503 once, 0.2% hang once)\n`,
  );
  console.log(formatTable(results.flatMap(rowsOf)));
  console.log('\nnetwork bound = max(sum of held latencies / C, slowest host: its feed + its pages / perHost)');
  for (const result of results) {
    for (const [phase, bound] of Object.entries(result.bounds))
      console.log(`  ${result.label} ${phase}: ${bound.formula}`);
    for (const note of result.notes) console.log(`  ${result.label}: ${note}`);
  }
  console.log('\ntargets:');
  for (const line of checkTargets(results)) console.log(`  ${line}`);
}

if (results.length > 0) printReport();
for (const result of queueResults) console.log(`\n${formatQueueTable(result)}`);
