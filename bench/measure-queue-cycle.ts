// One measured cycle of the queue scenario, with the built command as an operator runs it:
// N `feedwright worker` processes (each `--concurrency C`, fetch.concurrency C) and one
// `feedwright run` in queue mode; or, with no workers, the one-process `feedwright run`.
// A fresh site folder and queue prefix each time, so every item is new. The simulated web
// tells the requests it held (the network bound) and the most any host had in flight; the
// workers' CPU during the cycle and their peak RSS are read from /proc before they stop.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli, waitFor, type CliRun } from '../tests/helpers/cli.js';
import { buildRawConfig } from './bench-config.js';
import type { ScenarioSpec } from './child-protocol.js';
import { computeNetworkBound, type NetworkBound } from './network-bound.js';
import { readProcStats, watchProcStats, type ProcStats } from './proc-stats.js';
import type { SimWeb } from './sim-web.js';

export interface QueueCycleSite {
  web: SimWeb;
  /** fetch.concurrency of every process, and each worker's --concurrency. */
  concurrency: number;
  perHostConcurrency: number;
  timeoutMs: number;
  /** The private redis-server's URL. */
  redisUrl: string;
  label: string;
}

export interface QueueCycleMeasure {
  /** 0: the one-process `feedwright run`. */
  workers: number;
  written: number;
  failed: number;
  /** The summary line's durationMs: the cycle, publish included, without process start. */
  cycleMs: number;
  /** The most requests one host had in flight at once, and the whole web. */
  peakInFlight: { perHost: number; total: number };
  bound: NetworkBound;
  /** CPU of the workers during the cycle (of the whole process for the one-process run). */
  cpuMs: number;
  /** Peak RSS of each worker (of the one process). */
  peakRssBytes: number[];
}

const START_TIMEOUT_MS = 60_000;

async function writeSite(site: QueueCycleSite, prefix: string | undefined): Promise<{ dir: string; config: string }> {
  const dir = await mkdtemp(join(tmpdir(), `feedwright-bench-${site.label}-`));
  const spec: ScenarioSpec = {
    kind: 'feedwright',
    label: site.label,
    sources: site.web.sources,
    workDir: dir,
    concurrency: site.concurrency,
    perHostConcurrency: site.perHostConcurrency,
    timeoutMs: site.timeoutMs,
  };
  const raw = { ...buildRawConfig(spec), ...(prefix ? { queue: { url: site.redisUrl, prefix } } : {}) };
  const config = join(dir, 'feedwright.yaml');
  // JSON is YAML: the configuration as the command reads any file.
  await writeFile(config, `${JSON.stringify(raw, null, 2)}\n`);
  return { dir, config };
}

/** The fields of the `Run finished` summary line. */
function readSummary(run: CliRun): Record<string, number> {
  const line = /msg="Run finished"(.*)$/m.exec(run.stderr())?.[1];
  if (!line) throw new Error(`feedwright run printed no summary:\n${run.stderr().slice(-2000)}`);
  return Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map(([, key, value]) => [key, Number(value)]));
}

async function stopAll(workers: CliRun[]): Promise<void> {
  for (const worker of workers) worker.child.kill('SIGTERM');
  const killer = setTimeout(() => {
    for (const worker of workers) worker.child.kill('SIGKILL');
  }, 30_000);
  await Promise.all(workers.map((worker) => worker.exit));
  clearTimeout(killer);
}

async function runCycle(site: QueueCycleSite, dir: string, config: string) {
  site.web.takeRecords();
  site.web.takePeakInFlight();
  const run = startCli(['run', '--config', config, '--quiet'], dir);
  const watch = watchProcStats(run.child.pid);
  const code = await run.exit;
  const own = watch.stop();
  if (code !== 0) throw new Error(`feedwright run exited with ${code}:\n${run.stderr().slice(-2000)}`);
  const summary = readSummary(run);
  const peakInFlight = site.web.takePeakInFlight();
  return { summary, own, peakInFlight, records: site.web.takeRecords() };
}

export async function measureQueueCycle(site: QueueCycleSite, workerCount: number): Promise<QueueCycleMeasure> {
  const prefix = workerCount > 0 ? `bench-${site.label}-${workerCount}-${Date.now()}` : undefined;
  const { dir, config } = await writeSite(site, prefix);
  const args = ['worker', '--config', config, '--concurrency', String(site.concurrency)];
  const workers = Array.from({ length: workerCount }, () => startCli(args, dir));
  try {
    await waitFor(
      () => workers.every((worker) => worker.stderr().includes('Worker started')),
      START_TIMEOUT_MS,
      `${workerCount} workers`,
    );
    const before = workers.map((worker) => readProcStats(worker.child.pid));
    const cycle = await runCycle(site, dir, config);
    const after = workers.map((worker) => readProcStats(worker.child.pid));
    const stats: Array<ProcStats | undefined> = workerCount > 0 ? after : [cycle.own];
    const cpuMs =
      workerCount > 0
        ? after.reduce((sum, end, i) => sum + (end?.cpuMs ?? 0) - (before[i]?.cpuMs ?? 0), 0)
        : (cycle.own?.cpuMs ?? 0);
    return {
      workers: workerCount,
      written: cycle.summary.written ?? 0,
      failed: (cycle.summary.failed ?? 0) + (cycle.summary.articleErrors ?? 0),
      cycleMs: cycle.summary.durationMs ?? 0,
      peakInFlight: cycle.peakInFlight,
      bound: computeNetworkBound(cycle.records, site.concurrency * Math.max(1, workerCount), site.perHostConcurrency),
      cpuMs,
      peakRssBytes: stats.map((entry) => entry?.peakRssBytes ?? 0),
    };
  } finally {
    await stopAll(workers);
    await rm(dir, { recursive: true, force: true });
  }
}
