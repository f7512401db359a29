// Parent side of one scenario: starts the simulated web (when the scenario fetches), forks
// the scenario's child with tsx, cuts the web's request log at every phase the child
// marks, and resolves with the child's measurements and each phase's network bound.

import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, PhaseMetrics, ScenarioSpec } from './child-protocol.js';
import { computeNetworkBound, type NetworkBound } from './network-bound.js';
import { startSimWeb, type WebOptions } from './sim-web.js';

export interface ScenarioResult {
  label: string;
  kind: ScenarioSpec['kind'];
  phases: Record<string, PhaseMetrics>;
  bounds: Record<string, NetworkBound>;
  notes: string[];
}

export interface ScenarioPlan {
  label: string;
  kind: ScenarioSpec['kind'];
  web?: WebOptions;
  archiveDir?: string;
  concurrency: number;
  perHostConcurrency: number;
  timeoutMs: number;
  workers?: number;
  childArgs: string[];
  keep: boolean;
}

const CHILD = fileURLToPath(new URL('./scenario-child.ts', import.meta.url));

export async function runScenario(plan: ScenarioPlan): Promise<ScenarioResult> {
  const web = plan.web ? await startSimWeb(plan.web) : undefined;
  const workDir = await mkdtemp(join(tmpdir(), `feedwright-bench-${plan.label}-`));
  const spec: ScenarioSpec = {
    kind: plan.kind,
    label: plan.label,
    sources: web?.sources ?? [],
    workDir,
    concurrency: plan.concurrency,
    perHostConcurrency: plan.perHostConcurrency,
    timeoutMs: plan.timeoutMs,
    archiveDir: plan.archiveDir,
    workers: plan.workers,
  };
  const bounds: Record<string, NetworkBound> = {};
  const loadBefore = loadavg()[0];
  try {
    const child = fork(CHILD, [], {
      execArgv: ['--import', 'tsx', ...plan.childArgs],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let phase: string | undefined;
    const result = await new Promise<Extract<ChildMessage, { type: 'result' }>>((resolve, reject) => {
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') child.send({ type: 'spec', spec });
        if (message.type === 'phase') {
          const records = web?.takeRecords() ?? [];
          if (phase && records.length > 0)
            bounds[phase] = computeNetworkBound(records, plan.concurrency, plan.perHostConcurrency);
          phase = message.name;
          child.send({ type: 'ack' });
        }
        if (message.type === 'result') resolve(message);
      });
      child.on('exit', (code) => reject(new Error(`scenario ${plan.label} exited with ${code} before its result`)));
    });
    // Other work on the machine inflates wall times: say how busy it was.
    const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (cores: ${availableParallelism()})`;
    return { label: plan.label, kind: plan.kind, phases: result.phases, bounds, notes: [...result.notes, load] };
  } finally {
    await web?.close();
    if (!plan.keep) await rm(workDir, { recursive: true, force: true });
  }
}
