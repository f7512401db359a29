// When each source is next due. A success waits the longest of the configured minimum,
// the server's Cache-Control max-age / Expires and the feed's own <ttl> / sy:updatePeriod
// (capped at a day, so a bogus header cannot silence a source). A failure backs off
// exponentially from 5 minutes, capped at fetch.maxBackoffMinutes, and never sooner than
// a Retry-After (itself capped at fetch.maxBackoffMinutes). 410 Gone disables the source. `run --force` ignores all of it.
// The state changes that use these are in record-fetch.ts.

import type { SourceState } from './run-state.js';

const MINUTE_MS = 60_000;
const MAX_INTERVAL_MS = 24 * 60 * MINUTE_MS;
const BACKOFF_BASE_MS = 5 * MINUTE_MS;

export interface ScheduleSettings {
  minIntervalMinutes: number;
  maxBackoffMinutes: number;
}

export function isDue(state: SourceState | undefined, now: Date, force: boolean): boolean {
  if (!state) return true;
  if (force) return true;
  if (state.disabled) return false;
  return !state.nextFetchAt || Date.parse(state.nextFetchAt) <= now.getTime();
}

export function nextAfterSuccess(
  now: Date,
  settings: ScheduleSettings,
  maxAgeSec?: number,
  feedIntervalSec?: number,
): string {
  const waits = [settings.minIntervalMinutes * MINUTE_MS, (maxAgeSec ?? 0) * 1000, (feedIntervalSec ?? 0) * 1000];
  const waitMs = Math.min(Math.max(...waits), MAX_INTERVAL_MS);
  return new Date(now.getTime() + waitMs).toISOString();
}

export function nextAfterFailure(
  now: Date,
  failures: number,
  settings: ScheduleSettings,
  retryAfterMs?: number,
): string {
  const capMs = settings.maxBackoffMinutes * MINUTE_MS;
  const backoffMs = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), capMs);
  // A server's Retry-After is honoured up to the same cap, so no header silences a source for good.
  return new Date(now.getTime() + Math.max(backoffMs, Math.min(retryAfterMs ?? 0, capMs))).toISOString();
}
