// The messages between the bench's parent (which hosts the simulated web) and a scenario's
// child process (which runs one scenario, so its peak RSS and CPU are its own).
// The child marks phases; at each mark the parent closes the web's request log of the
// phase that ended, so each cycle gets its own network bound.

import type { SourceSpec } from './sim-web.js';

export interface ScenarioSpec {
  kind: 'feedwright' | 'baseline' | 'publish';
  label: string;
  sources: SourceSpec[];
  workDir: string;
  concurrency: number;
  perHostConcurrency: number;
  timeoutMs: number;
  /** publish: the archive folder. */
  archiveDir?: string;
  /** Extraction workers; undefined keeps the pipeline's default. */
  workers?: number;
}

export interface PhaseMetrics {
  wallMs: number;
  cpuMs: number;
  /** Peak RSS of the process so far (bytes). */
  peakRssBytes: number;
  /** Articles written, sources seen, and other counts worth a column. */
  counts: Record<string, number>;
}

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'phase'; name: string }
  | { type: 'result'; phases: Record<string, PhaseMetrics>; notes: string[] };

export type ParentMessage = { type: 'spec'; spec: ScenarioSpec } | { type: 'ack' };

/** Child side: tell the parent a phase starts, and wait until it has cut the request log. */
export function markPhase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: ParentMessage) => {
      if (message.type !== 'ack') return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
    process.send?.({ type: 'phase', name } satisfies ChildMessage);
  });
}

/** Peak resident set of this process in bytes (getrusage maxRSS, all threads). */
export function readPeakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Runs `task` and measures its wall and CPU time (all threads of the process). */
export async function measurePhase<T>(task: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await task();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}
