// A client wired for tests: small timeouts and a tiny retry backoff, so every scripted
// failure (stall, 500s, 429) resolves in well under a second.
import type { ResolvedConfig } from '../../../src/config/schema.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../../src/fetch/http-client.js';
import { silentLogger } from '../../../src/lib/log.js';

export const testSite = { title: 'AIVibe', url: 'https://aivibe.example' };

export function testFetchConfig(overrides: Partial<ResolvedConfig['fetch']> = {}): ResolvedConfig['fetch'] {
  return {
    timeoutMs: 300,
    concurrency: 16,
    perHostConcurrency: 2,
    allowPrivateNetworks: true,
    retries: 2,
    maxRedirects: 5,
    maxFeedBytes: 64 * 1024,
    maxPageBytes: 32 * 1024,
    maxRetryAfterMs: 2_000,
    userAgent: undefined,
    minIntervalMinutes: 0,
    maxBackoffMinutes: 60,
    maxItemsPerSource: 100,
    ...overrides,
  };
}

export function createTestClient(
  overrides: Partial<ResolvedConfig['fetch']> = {},
  options: Partial<HttpClientOptions> = {},
): HttpClient {
  return createHttpClient({
    fetch: testFetchConfig(overrides),
    site: testSite,
    logger: silentLogger,
    retryBaseDelayMs: 5,
    ...options,
  });
}

/** The settled rejection of a promise, for asserting on FeedwrightError fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}
