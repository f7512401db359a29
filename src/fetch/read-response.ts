// What one response means: a redirect to follow, 304 Not Modified, a body to decode, or a
// FeedwrightError (GONE, HTTP_STATUS, RATE_LIMITED with the asked wait, TOO_LARGE, EMPTY,
// NOT_HTML). The body is only read for a 2xx that passed the cheap checks on its head.

import type { IncomingHttpHeaders } from 'node:http';
import type { FetchResult, RawBody } from '../types.js';
import { parseMaxAgeSec, parseRetryAfterMs } from './cache-policy.js';
import { bytesOpenLikeHtml, isHtmlMediaType, parseMediaType } from './content-type.js';
import { decodeBody } from '../lib/decode-body.js';
import { fetchError } from './fetch-error.js';
import { assertContentLength, readBody } from './read-body.js';
import type { OpenResponse } from './send-request.js';

export type ResourceKind = 'feed' | 'page';

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface ReadResponseOptions {
  kind: ResourceKind;
  maxBytes: number;
  /** Return the bytes undecoded (HttpClient.fetchPage). */
  raw?: boolean;
  /** Validators sent with the request, reported back on a 304 the server sent bare. */
  etag?: string;
  lastModified?: string;
}

export type ResponseOutcome =
  | { type: 'redirect'; location: string }
  | ({ type: 'done'; raw?: RawBody } & Omit<FetchResult, 'url' | 'finalUrl' | 'durationMs'>);

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function validators(headers: IncomingHttpHeaders) {
  return {
    etag: header(headers, 'etag'),
    lastModified: header(headers, 'last-modified'),
    maxAgeSec: parseMaxAgeSec(headers),
  };
}

/** Throws the error a non-2xx, non-redirect, non-304 status stands for. */
function throwForStatus(status: number, headers: IncomingHttpHeaders, url: string): never {
  if (status === 410) throw fetchError('GONE', 'The resource is gone (410)', url, { status });
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfterMs(headers['retry-after']) : undefined;
  if (status === 429 || retryAfterMs !== undefined) {
    throw fetchError('RATE_LIMITED', `Rate limited (${status})`, url, { status, retryAfterMs });
  }
  throw fetchError('HTTP_STATUS', `Unexpected HTTP status ${status}`, url, { status });
}

export async function readResponse(
  response: OpenResponse,
  url: string,
  options: ReadResponseOptions,
): Promise<ResponseOutcome> {
  const { status, headers, body } = response;
  const location = header(headers, 'location');
  if (REDIRECT_STATUSES.has(status) && location) {
    body.destroy();
    return { type: 'redirect', location };
  }
  if (status === 304) {
    body.destroy();
    const found = validators(headers);
    const etag = found.etag ?? options.etag;
    const lastModified = found.lastModified ?? options.lastModified;
    return { type: 'done', status, notModified: true, body: '', ...found, etag, lastModified };
  }
  if (status < 200 || status > 299) {
    body.destroy();
    throwForStatus(status, headers, url);
  }
  return readSuccess(response, url, options);
}

async function readSuccess(
  response: OpenResponse,
  url: string,
  options: ReadResponseOptions,
): Promise<ResponseOutcome> {
  const { status, headers, body } = response;
  const rawType = header(headers, 'content-type');
  const contentType = parseMediaType(rawType);
  try {
    if (options.kind === 'page' && contentType !== undefined && !isHtmlMediaType(contentType)) {
      throw fetchError('NOT_HTML', `Expected an HTML page, got ${contentType}`, url, { status });
    }
    assertContentLength(header(headers, 'content-length'), options.maxBytes, url);
  } catch (error) {
    body.destroy();
    throw error;
  }
  const bytes = await readBody(body, options.maxBytes, url);
  if (bytes.length === 0) throw fetchError('EMPTY', 'Empty response body', url, { status });
  if (options.kind === 'page' && contentType === undefined && !bytesOpenLikeHtml(bytes)) {
    throw fetchError('NOT_HTML', 'Expected an HTML page, got an untyped body that is not HTML', url, { status });
  }
  const head = { type: 'done', status, notModified: false, contentType, ...validators(headers) } as const;
  if (options.raw) return { ...head, body: '', raw: { bytes, contentType: rawType } };
  const decoded = decodeBody(bytes, rawType, options.kind);
  if (decoded.text.trim() === '') throw fetchError('EMPTY', 'Response body is blank', url, { status });
  return { ...head, charset: decoded.charset, body: decoded.text };
}
