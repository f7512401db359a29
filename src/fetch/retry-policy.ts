// When to try a request again and how long to wait: connection failures, 5xx and 429 are
// retried with exponential backoff plus jitter (so many sources failing together do not
// retry in lockstep); a Retry-After the server gave wins over the backoff, unless it asks
// for more than fetch.maxRetryAfterMs, in which case the error goes up to the scheduler.
// The delay and the wait themselves are lib/backoff.ts.

import type { FeedwrightError } from '../lib/errors.js';

export function isRetryable(error: FeedwrightError, maxRetryAfterMs: number): boolean {
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
      return true;
    case 'HTTP_STATUS':
      return error.status !== undefined && error.status >= 500;
    case 'RATE_LIMITED':
      return error.retryAfterMs === undefined || error.retryAfterMs <= maxRetryAfterMs;
    default:
      return false;
  }
}
