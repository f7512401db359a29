// A source's state after one fetch: the three outcomes as plain changes of a SourceState,
// used by every StateStore so all stores agree. The bug this shape prevents (issue 14):
// validators and `failures: 0` were written before the feed parsed, so a feed that never
// parsed counted 1 failure each time and its next fetch got a 304 and read as healthy.

import type { SourceState } from './run-state.js';
import { nextAfterFailure, nextAfterSuccess, type ScheduleSettings } from './source-schedule.js';
import type { FailedFetch, NotModifiedFetch, ParsedFetch } from './state-store.js';

function recordAnswered(state: SourceState, fetch: NotModifiedFetch | ParsedFetch): void {
  Object.assign(state, { lastFetchAt: fetch.at.toISOString(), lastStatus: fetch.status, failures: 0, disabled: false });
  Object.assign(state, { lastErrorCode: undefined, lastError: undefined });
}

export function applyNotModified(state: SourceState, fetch: NotModifiedFetch, settings: ScheduleSettings): void {
  recordAnswered(state, fetch);
  if (fetch.etag) state.etag = fetch.etag;
  if (fetch.lastModified) state.lastModified = fetch.lastModified;
  state.lastOutcome = 'not-modified';
  state.newItems = 0;
  state.nextFetchAt = nextAfterSuccess(fetch.at, settings, fetch.maxAgeSec);
}

export function applySuccess(state: SourceState, fetch: ParsedFetch, settings: ScheduleSettings): void {
  recordAnswered(state, fetch);
  Object.assign(state, { etag: fetch.etag, lastModified: fetch.lastModified });
  Object.assign(state, { lastOutcome: 'ok', itemCount: fetch.itemCount, newItems: fetch.newItems });
  state.nextFetchAt = nextAfterSuccess(fetch.at, settings, fetch.maxAgeSec, fetch.feedIntervalSec);
  if (fetch.itemsLeft) Object.assign(state, { etag: undefined, lastModified: undefined, nextFetchAt: undefined });
}

/** Backs off (source-schedule.ts); validators stay those of the last feed that parsed. */
export function applyFailure(state: SourceState, fetch: FailedFetch, settings: ScheduleSettings): void {
  const gone = fetch.code === 'GONE';
  state.lastFetchAt = fetch.at.toISOString();
  state.failures += 1;
  state.lastOutcome = gone ? 'gone' : 'error';
  state.lastStatus = fetch.status;
  state.lastErrorCode = fetch.code;
  state.lastError = fetch.message;
  if (gone) state.disabled = true;
  state.nextFetchAt = nextAfterFailure(fetch.at, state.failures, settings, fetch.retryAfterMs);
}
