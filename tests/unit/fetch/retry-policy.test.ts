import { describe, expect, test } from 'vitest';
import { FeedwrightError, type ErrorCode } from '../../../src/lib/errors.js';
import { backoffDelayMs, isRetryable } from '../../../src/fetch/retry-policy.js';

function failure(code: ErrorCode, status?: number, retryAfterMs?: number) {
  return new FeedwrightError(code, 'x', { stage: 'fetch', status, retryAfterMs });
}

describe('isRetryable', () => {
  test.each([
    [failure('NETWORK'), true],
    [failure('TIMEOUT'), true],
    [failure('HTTP_STATUS', 500), true],
    [failure('HTTP_STATUS', 503), true],
    [failure('HTTP_STATUS', 404), false],
    [failure('HTTP_STATUS', 403), false],
    [failure('RATE_LIMITED', 429), true],
    [failure('RATE_LIMITED', 429, 1_000), true],
    [failure('RATE_LIMITED', 429, 60_001), false],
    [failure('GONE', 410), false],
    [failure('TOO_LARGE'), false],
    [failure('TLS'), false],
    [failure('BLOCKED_ADDRESS'), false],
    [failure('NOT_HTML'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error, 60_000)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  test('doubles per attempt, jitter within [half, full]', () => {
    expect(backoffDelayMs(0, 1000, () => 0)).toBe(500);
    expect(backoffDelayMs(0, 1000, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, 1000, () => 0)).toBe(4000);
    expect(backoffDelayMs(3, 1000, () => 1)).toBe(8000);
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelayMs(2, 100);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });
});
