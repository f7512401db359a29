// One base error for every stage (modelled on got's error classes): a stable `code`
// callers and logs can branch on, the `stage` it came from, the URL (credentials
// stripped) and the original error as `cause`.

import { redactCredentials, redactUrl } from './url.js';

export type Stage =
  | 'config'
  | 'fetch'
  | 'parse'
  | 'extract'
  | 'classify'
  | 'store'
  | 'publish'
  | 'schedule'
  | 'queue'
  | 'cli';

export type ErrorCode =
  // configuration
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  // network (Miniflux's response handler's small set)
  | 'TIMEOUT'
  | 'NETWORK'
  | 'TLS'
  | 'HTTP_STATUS'
  | 'RATE_LIMITED'
  | 'TOO_LARGE'
  | 'EMPTY'
  | 'NOT_HTML'
  | 'TOO_MANY_REDIRECTS'
  | 'BLOCKED_ADDRESS'
  | 'GONE'
  // content
  | 'NOT_A_FEED'
  | 'PARSE'
  | 'EXTRACT'
  // storage and locking
  | 'IO'
  | 'LOCKED'
  // queue mode (Redis unreachable, state already there, a cycle that failed)
  | 'QUEUE';

export interface ErrorDetails {
  stage: Stage;
  url?: string;
  status?: number;
  /** For RATE_LIMITED / 503: how long the server asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class FeedwrightError extends Error {
  readonly code: ErrorCode;
  readonly stage: Stage;
  readonly url?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, details: ErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FeedwrightError';
    this.code = code;
    this.stage = details.stage;
    this.url = details.url === undefined ? undefined : redactUrl(details.url);
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isFeedwrightError(error: unknown): error is FeedwrightError {
  return error instanceof FeedwrightError;
}

/** A one-line description of any thrown value, safe to log (no URL credentials). */
export function describeError(error: unknown): string {
  return redactCredentials(error instanceof Error ? error.message : String(error));
}
