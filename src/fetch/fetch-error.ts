// Turns whatever a request threw (got's RequestError family, socket errors, our own guard)
// into a FeedwrightError with one of the fetch stage's stable codes.

import { describeError, FeedwrightError, type ErrorCode, type ErrorDetails } from '../lib/errors.js';

const TLS_CODES = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'HOSTNAME_MISMATCH',
]);

export function fetchError(
  code: ErrorCode,
  message: string,
  url: string,
  details: Omit<ErrorDetails, 'stage' | 'url'> = {},
): FeedwrightError {
  return new FeedwrightError(code, message, { ...details, stage: 'fetch', url });
}

function errorCodes(error: unknown): { codes: string[]; names: string[] } {
  const codes: string[] = [];
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string') codes.push(code);
    names.push(current.name);
    current = current.cause;
  }
  return { codes, names };
}

function classify(error: unknown): ErrorCode {
  const { codes, names } = errorCodes(error);
  if (codes.includes('EBLOCKEDADDRESS')) return 'BLOCKED_ADDRESS';
  if (names.includes('TimeoutError') || codes.includes('ETIMEDOUT')) return 'TIMEOUT';
  if (codes.some((code) => TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))) {
    return 'TLS';
  }
  return 'NETWORK';
}

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  BLOCKED_ADDRESS: 'Refused to connect to a private or reserved address',
  TIMEOUT: 'Request timed out',
  TLS: 'TLS handshake or certificate failed',
  NETWORK: 'Network error',
};

/** A FeedwrightError for any thrown value; FeedwrightErrors pass through unchanged. */
export function toFetchError(error: unknown, url: string): FeedwrightError {
  if (error instanceof FeedwrightError) return error;
  const code = classify(error);
  const reason = describeError(error);
  return fetchError(code, `${MESSAGES[code] ?? 'Request failed'}: ${reason}`, url, { cause: error });
}
