// The one HTTP client of feedwright (STYLE.md "One HTTP client"). Contract:
// fetchResource(url, {kind}) GETs an http(s) URL and resolves with a FetchResult (decoded
// body, final URL, validators, freshness) or rejects with a FeedwrightError, stage 'fetch':
//   TIMEOUT, NETWORK, TLS          connection failures, retried with backoff
//   HTTP_STATUS (status), GONE     4xx/5xx (5xx retried), 410
//   RATE_LIMITED (retryAfterMs)    429 (or 503 + Retry-After); retried when the asked wait
//                                  fits fetch.maxRetryAfterMs, else thrown at once
//   TOO_LARGE, EMPTY, NOT_HTML     body over the cap, no body, a 'page' that is not HTML
//   TOO_MANY_REDIRECTS             over fetch.maxRedirects, or a loop
//   BLOCKED_ADDRESS                a private/reserved address (SSRF guard), or not http(s)
// Each attempt of each redirect hop waits for a per-host and a global slot. Redirects are
// followed here, not by got, so every hop's address is checked and every hop counted.
// postForm(url, form) sends one form POST (a WebSub ping) with the same guard, timeouts,
// agents, user agent and host slots; it follows no redirect (issue 13: a POST is never
// sent on to where an answer points) and resolves with the status, or rejects as above.
// Options for queue mode and metrics (issue 15): `hostGate` wraps every request with the
// fleet-wide host lease (host-limiter.ts), `recordFetch` hears of each call's outcome.

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { ResolvedConfig } from '../config/index.js';
import type { Logger } from '../lib/log.js';
import { backoffDelayMs, sleep } from '../lib/backoff.js';
import { redactUrl } from '../lib/url.js';
import type { FetchResult, PageFetchResult, RawBody } from '../types.js';
import { createGuardedLookup, findLiteralAddress, isBlockedAddress, type AddressPolicy } from './address-guard.js';
import { fetchError, toFetchError } from './fetch-error.js';
import { createHostLimiter, type HostGate, type HostLimiter } from './host-limiter.js';
import { observeFetch, type FetchRecorder } from './observe-fetch.js';
import { readResponse, type ResourceKind, type ResponseOutcome } from './read-response.js';
import { isRetryable } from './retry-policy.js';
import { sendRequest, type SendRequestOptions } from './send-request.js';
import { buildRequestHeaders, buildUserAgent } from './request-headers.js';

export interface FetchOptions {
  kind: ResourceKind;
  etag?: string;
  lastModified?: string;
  maxBytes?: number;
  signal?: AbortSignal;
}

/**
 * Internally, a 2xx body may be left undecoded (`raw`): pages go to the extraction worker
 * as bytes, so their text, often over V8's large-object size, never lands in this heap.
 */
type ReadOptions = FetchOptions & { raw?: boolean };
type ReadResult = FetchResult & { raw?: RawBody };

export interface HttpClient {
  /** A feed or page, its body decoded to text. */
  fetchResource(url: string, options: FetchOptions): Promise<FetchResult>;
  /** An HTML page as bytes, for the extractor to decode (see PageFetchResult). */
  fetchPage(url: string, options?: { maxBytes?: number; signal?: AbortSignal }): Promise<PageFetchResult>;
  postForm(url: string, form: Record<string, string>, options?: { signal?: AbortSignal }): Promise<{ status: number }>;
}

export interface HttpClientOptions {
  fetch: ResolvedConfig['fetch'];
  site: Pick<ResolvedConfig['site'], 'title' | 'url'>;
  logger: Logger;
  /** Base of the exponential backoff between attempts; default 1000. */
  retryBaseDelayMs?: number;
  /** The address policy when private networks are not allowed; default isBlockedAddress. */
  isBlockedAddress?: AddressPolicy;
  /** Each request's permission beyond this process: the fleet-wide host lease in queue mode. */
  hostGate?: HostGate;
  /** Told of every fetch's outcome, status and duration (the metrics). */
  recordFetch?: FetchRecorder;
}

/** The body read may take this many times fetch.timeoutMs in all (a slow drip ends). */
const BODY_TIMEOUT_FACTOR = 2;

interface ClientContext {
  config: ResolvedConfig['fetch'];
  logger: Logger;
  limiter: HostLimiter;
  userAgent: string;
  retryBaseDelayMs: number;
  policy?: AddressPolicy;
  request: Omit<SendRequestOptions, 'headers' | 'signal'>;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const config = options.fetch;
  const policy = config.allowPrivateNetworks ? undefined : (options.isBlockedAddress ?? isBlockedAddress);
  const context: ClientContext = {
    config,
    logger: options.logger,
    limiter: createHostLimiter({ ...config, gate: options.hostGate }),
    userAgent: buildUserAgent(config.userAgent, options.site),
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
    policy,
    request: {
      timeoutMs: config.timeoutMs,
      bodyTimeoutMs: config.timeoutMs * BODY_TIMEOUT_FACTOR,
      dnsLookup: policy ? createGuardedLookup(policy) : undefined,
      // Pooled sockets skip the DNS lookup, so they must never be shared with a client
      // that has another address policy.
      agent: { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) },
    },
  };
  const record = options.recordFetch;
  return {
    fetchResource: (url, fetchOptions) =>
      observeFetch(record, fetchOptions.kind, fetchOptions.signal, () => fetchResource(context, url, fetchOptions)),
    fetchPage: async (url, pageOptions = {}) => {
      const {
        raw,
        body: _body,
        charset: _charset,
        notModified: _notModified,
        ...rest
      } = await observeFetch(record, 'page', pageOptions.signal, () =>
        fetchResource(context, url, { ...pageOptions, kind: 'page', raw: true }),
      );
      // No validators are sent for a page, so there is no 304: a 2xx always brings its bytes.
      if (!raw) throw fetchError('EMPTY', 'The page came without a body', url);
      return { ...rest, raw };
    },
    postForm: (url, form, postOptions) =>
      observeFetch(record, 'form', postOptions?.signal, () => postForm(context, url, form, postOptions?.signal)),
  };
}

/** Parses and vets one hop's URL: http(s) only, and no literal blocked address. */
function checkUrl(context: ClientContext, value: string, origin: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw fetchError('BLOCKED_ADDRESS', 'Not a valid URL', origin, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fetchError('BLOCKED_ADDRESS', `Only http: and https: URLs are fetched, not ${url.protocol}`, origin);
  }
  const literal = findLiteralAddress(url.hostname);
  if (context.policy && literal !== undefined && context.policy(literal)) {
    throw fetchError('BLOCKED_ADDRESS', 'Refused to connect to a private or reserved address', url.href);
  }
  return url;
}

async function fetchResource(context: ClientContext, url: string, options: ReadOptions): Promise<ReadResult> {
  const startedAt = performance.now();
  const log = context.logger;
  let current = checkUrl(context, url, url);
  const visited = new Set([current.href]);
  try {
    for (let hops = 0; ; hops += 1) {
      const outcome = await fetchWithRetries(context, current, options);
      if (outcome.type === 'done') {
        const durationMs = Math.round(performance.now() - startedAt);
        const { type: _type, ...rest } = outcome;
        log.debug('Resource fetched', {
          url: redactUrl(url),
          finalUrl: redactUrl(current.href),
          status: outcome.status,
          durationMs,
        });
        // Credentials stay in the request: the result (logged, a base for the feed's links) has none.
        return { url: redactUrl(url), finalUrl: redactUrl(current.href), ...rest, durationMs };
      }
      const next = checkUrl(context, new URL(outcome.location, current).href, current.href);
      if (visited.has(next.href) || hops >= context.config.maxRedirects) {
        const why = visited.has(next.href) ? 'Redirect loop' : `More than ${context.config.maxRedirects} redirects`;
        throw fetchError('TOO_MANY_REDIRECTS', why, url);
      }
      log.debug('Following redirect', { url: redactUrl(current.href), location: redactUrl(next.href) });
      visited.add(next.href);
      current = next;
    }
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const failure = toFetchError(error, current.href);
    log.debug('Unable to fetch resource', {
      url: redactUrl(url),
      finalUrl: redactUrl(current.href),
      code: failure.code,
      status: failure.status,
    });
    throw failure;
  }
}

/** One form POST, one attempt; a 3xx is the answer, not followed. */
async function postForm(
  context: ClientContext,
  url: string,
  form: Record<string, string>,
  signal?: AbortSignal,
): Promise<{ status: number }> {
  const target = checkUrl(context, url, url);
  const headers = {
    'user-agent': context.userAgent,
    'content-type': 'application/x-www-form-urlencoded',
    accept: '*/*',
  };
  const body = new URLSearchParams(form).toString();
  try {
    const status = await context.limiter.run(
      target.hostname,
      async () => {
        const response = await sendRequest(target.href, { ...context.request, method: 'POST', body, headers, signal });
        response.body.destroy();
        return response.status;
      },
      signal,
    );
    context.logger.debug('Form posted', { url: redactUrl(target.href), status });
    return { status };
  } catch (error) {
    throw toFetchError(error, target.href);
  }
}

async function fetchWithRetries(context: ClientContext, url: URL, options: ReadOptions): Promise<ResponseOutcome> {
  const { config, logger } = context;
  for (let attempt = 0; ; attempt += 1) {
    try {
      options.signal?.throwIfAborted();
      return await context.limiter.run(url.hostname, () => attemptOnce(context, url, options), options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const failure = toFetchError(error, url.href);
      if (attempt >= config.retries || !isRetryable(failure, config.maxRetryAfterMs)) throw failure;
      const delayMs = failure.retryAfterMs ?? backoffDelayMs(attempt, context.retryBaseDelayMs);
      logger.warn('Retrying request', {
        url: redactUrl(url.href),
        code: failure.code,
        status: failure.status,
        attempt: attempt + 1,
        delayMs,
      });
      await sleep(delayMs, options.signal);
    }
  }
}

async function attemptOnce(context: ClientContext, url: URL, options: ReadOptions): Promise<ResponseOutcome> {
  const { config } = context;
  const maxBytes = options.maxBytes ?? (options.kind === 'feed' ? config.maxFeedBytes : config.maxPageBytes);
  const headers = buildRequestHeaders(context.userAgent, options);
  const response = await sendRequest(url.href, { ...context.request, headers, signal: options.signal });
  return readResponse(response, url.href, {
    kind: options.kind,
    maxBytes,
    raw: options.raw,
    etag: options.etag,
    lastModified: options.lastModified,
  });
}
