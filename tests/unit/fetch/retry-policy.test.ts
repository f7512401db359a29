import { describe, expect, test } from 'vitest';
import { FeedwrightError, type ErrorCode } from '../../../src/lib/errors.js';
import { isRetryable } from '../../../src/fetch/retry-policy.js';

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
