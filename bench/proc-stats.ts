// What Linux tells of another process while it lives (/proc/PID): its peak resident set
// (VmHWM, the high-water mark of every thread together) and the CPU it used so far (utime
// plus stime, in clock ticks of 1/100 s, USER_HZ on Linux). Undefined once it has exited,
// or where there is no /proc.

import { readFileSync } from 'node:fs';

export interface ProcStats {
  peakRssBytes: number;
  cpuMs: number;
}

const TICK_MS = 10;

export function readProcStats(pid: number | undefined): ProcStats | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const peakKb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
    // The fields after the command's name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (!Number.isFinite(peakKb) || !Number.isFinite(ticks)) return undefined;
    return { peakRssBytes: peakKb * 1024, cpuMs: ticks * TICK_MS };
  } catch {
    return undefined;
  }
}

/** Reads `pid`'s stats every `everyMs` until stop(): the last reading before it exited. */
export function watchProcStats(pid: number | undefined, everyMs = 100): { stop(): ProcStats | undefined } {
  let last = readProcStats(pid);
  const timer = setInterval(() => (last = readProcStats(pid) ?? last), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return last;
    },
  };
}
