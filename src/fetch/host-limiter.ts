// Concurrency limits for the fetch stage: at most `concurrency` requests in the whole run and
// at most `perHostConcurrency` to one host. A task first waits for its host's slot, then for
// a global one, so a task queued behind a busy host never holds a global slot meanwhile.
// A host's queue is dropped as soon as it is idle, so the map never grows past the hosts
// in flight. In queue mode a `gate` (the fleet-wide host lease, issue 15) is passed between
// the two: with its host slot, a task waits for the fleet's permission to call the host, then for
// a global slot, so a task waiting on another worker's lease holds no global slot here.

import pLimit, { type LimitFunction } from 'p-limit';

export interface HostLimiterOptions {
  concurrency: number;
  perHostConcurrency: number;
  /** Wraps each task with its host's permission beyond this process (a fleet-wide lease). */
  gate?: HostGate;
}

/** Runs `task` once `host` may be called; rejects with the signal's reason when aborted first. */
export type HostGate = <T>(host: string, task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Hosts with a task running or waiting (for tests and diagnostics). */
  readonly hostCount: number;
}

export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const global = pLimit(options.concurrency);
  const hosts = new Map<string, { limit: LimitFunction; users: number }>();

  const acquire = (host: string) => {
    let entry = hosts.get(host);
    if (!entry) {
      entry = { limit: pLimit(options.perHostConcurrency), users: 0 };
      hosts.set(host, entry);
    }
    entry.users += 1;
    return entry;
  };

  const release = (host: string) => {
    const entry = hosts.get(host);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users === 0) hosts.delete(host);
  };

  return {
    async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      const key = host.toLowerCase();
      const entry = acquire(key);
      const gate = options.gate;
      try {
        return await entry.limit(() => (gate ? gate(key, () => global(task), signal) : global(task)));
      } finally {
        release(key);
      }
    },
    get hostCount() {
      return hosts.size;
    },
  };
}
