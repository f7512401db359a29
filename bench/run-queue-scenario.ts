// The queue scenario (issue 15, "Measured"): queue mode on this machine, with the built
// command and a private redis-server on a free port. For each set of rows, one simulated
// web (a fixed delay on every request, so the cycle is network-bound), the one-process
// `feedwright run` on it as the baseline, then one cycle with 1, 2, 4... worker processes.
// Skipped, with the reason, when redis-server is not installed.

import { availableParallelism, loadavg } from 'node:os';
import { startRedisServer, type RedisServer } from '../tests/helpers/redis-server.js';
import { ensureDist } from './ensure-dist.js';
import { measureQueueCycle, type QueueCycleMeasure } from './measure-queue-cycle.js';
import { startSimWeb, type WebOptions } from './sim-web.js';

export interface QueueRowSetPlan {
  name: string;
  web: WebOptions;
  workerCounts: number[];
}

export interface QueuePlan {
  label: string;
  rowSets: QueueRowSetPlan[];
  concurrency: number;
  perHostConcurrency: number;
  timeoutMs: number;
}

export interface QueueRowSet {
  name: string;
  hosts: number;
  itemsPerHost: number;
  latencyMs: number;
  /** The one-process run first, then one row per worker count. */
  rows: QueueCycleMeasure[];
}

export type QueueResult =
  | { label: string; plan: QueuePlan; rowSets: QueueRowSet[]; notes: string[]; skipped?: undefined }
  | { label: string; plan: QueuePlan; skipped: string };

async function startRedisOrSkip(): Promise<RedisServer | string> {
  try {
    return await startRedisServer();
  } catch (error) {
    if (/ENOENT/.test(String(error)))
      return 'redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it)';
    throw error;
  }
}

async function runRowSet(plan: QueuePlan, set: QueueRowSetPlan, redisUrl: string): Promise<QueueRowSet> {
  const web = await startSimWeb(set.web);
  const site = { ...plan, web, redisUrl, label: plan.label };
  const rows: QueueCycleMeasure[] = [];
  try {
    for (const workers of [0, ...set.workerCounts]) {
      process.stderr.write(`  ${set.name}: ${workers === 0 ? 'one process' : `${workers} worker(s)`} ...\n`);
      rows.push(await measureQueueCycle(site, workers));
    }
  } finally {
    await web.close();
  }
  return {
    name: set.name,
    hosts: set.web.sources,
    itemsPerHost: set.web.itemsPerSource,
    latencyMs: set.web.minLatencyMs,
    rows,
  };
}

export async function runQueueScenario(plan: QueuePlan): Promise<QueueResult> {
  const redis = await startRedisOrSkip();
  if (typeof redis === 'string') return { label: plan.label, plan, skipped: redis };
  try {
    ensureDist();
    const loadBefore = loadavg()[0];
    const rowSets: QueueRowSet[] = [];
    for (const set of plan.rowSets) rowSets.push(await runRowSet(plan, set, redis.url));
    // Other work on the machine slows the cycles: say how busy it was.
    const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (cores: ${availableParallelism()})`;
    return { label: plan.label, plan, rowSets, notes: [load] };
  } finally {
    await redis.stop();
  }
}
