import { describe, expect, test } from 'vitest';
import { BlockedAddressError } from '../../../src/fetch/address-guard.js';
import { toFetchError } from '../../../src/fetch/fetch-error.js';
import { FeedwrightError } from '../../../src/lib/errors.js';

function withCode(code: string, name = 'Error'): Error {
  const error = new Error(`failed: ${code}`) as NodeJS.ErrnoException;
  error.code = code;
  error.name = name;
  return error;
}

describe('toFetchError', () => {
  test.each([
    [withCode('ECONNREFUSED'), 'NETWORK'],
    [withCode('ECONNRESET'), 'NETWORK'],
    [withCode('ENOTFOUND'), 'NETWORK'],
    [withCode('ETIMEDOUT', 'TimeoutError'), 'TIMEOUT'],
    [withCode('DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS'],
    [withCode('CERT_HAS_EXPIRED'), 'TLS'],
    [withCode('ERR_TLS_CERT_ALTNAME_INVALID'), 'TLS'],
    [withCode('ERR_SSL_WRONG_VERSION_NUMBER'), 'TLS'],
    [new Error('wrapper', { cause: new BlockedAddressError('internal.example', ['10.0.0.1']) }), 'BLOCKED_ADDRESS'],
    [new Error('wrapper', { cause: withCode('CERT_UNTRUSTED') }), 'TLS'],
  ])('%s → %s', (error, code) => {
    const mapped = toFetchError(error, 'https://user:pw@feeds.example/rss');
    expect(mapped).toBeInstanceOf(FeedwrightError);
    expect(mapped.code).toBe(code);
    expect(mapped.stage).toBe('fetch');
    expect(mapped.url).toBe('https://feeds.example/rss');
    expect(mapped.cause).toBe(error);
  });

  test('a FeedwrightError passes through unchanged', () => {
    const original = new FeedwrightError('GONE', 'gone', { stage: 'fetch', status: 410 });
    expect(toFetchError(original, 'https://x.example/')).toBe(original);
  });
});
