import { describe, expect, test } from 'vitest';
import { applyFailure } from '../../../src/state/record-fetch.js';
import { isDue, nextAfterFailure, nextAfterSuccess } from '../../../src/state/source-schedule.js';

const now = new Date('2026-01-01T00:00:00.000Z');
const settings = { minIntervalMinutes: 10, maxBackoffMinutes: 60 };
const plus = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe('source schedule', () => {
  test.each([
    ['the configured minimum', undefined, undefined, plus(10)],
    ['Cache-Control max-age when longer', 1800, undefined, plus(30)],
    ['the feed ttl when longest', 60, 3600, plus(60)],
    ['capped at a day', 10 * 86400, undefined, plus(24 * 60)],
  ])('success waits %s', (_name, maxAge, feedInterval, expected) => {
    expect(nextAfterSuccess(now, settings, maxAge, feedInterval)).toBe(expected);
  });

  test.each([
    [1, plus(5)],
    [2, plus(10)],
    [3, plus(20)],
    [4, plus(40)],
    [5, plus(60)],
    [12, plus(60)],
  ])('failure %i backs off exponentially, capped', (failures, expected) => {
    expect(nextAfterFailure(now, failures, settings)).toBe(expected);
  });

  test('Retry-After longer than the backoff wins, up to the backoff cap', () => {
    expect(nextAfterFailure(now, 1, settings, 30 * 60_000)).toBe(plus(30));
    expect(nextAfterFailure(now, 1, settings, 365 * 86_400_000)).toBe(plus(60));
  });

  test('410 Gone disables the source; --force still fetches it', () => {
    const state = { url: 'https://a.example/feed', failures: 0 };
    applyFailure(state, { at: now, code: 'GONE', status: 410, message: 'gone' }, settings);
    expect(state).toMatchObject({ disabled: true, lastOutcome: 'gone', failures: 1, lastStatus: 410 });
    expect(isDue(state, new Date(now.getTime() + 86400_000 * 30), false)).toBe(false);
    expect(isDue(state, now, true)).toBe(true);
  });

  test('due when never fetched or past nextFetchAt, not before', () => {
    expect(isDue(undefined, now, false)).toBe(true);
    expect(isDue({ url: 'u', failures: 0, nextFetchAt: plus(5) }, now, false)).toBe(false);
    expect(isDue({ url: 'u', failures: 0, nextFetchAt: plus(-1) }, now, false)).toBe(true);
  });
});
