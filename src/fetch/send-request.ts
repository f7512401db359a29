// One request on got's stream API (a GET, or a POST with a body), for one URL and one
// attempt: no redirects followed and no retries (the client does both, so it can check
// every hop and count every attempt). Resolves with the response head and the still-unread
// (decompressed) body stream.

import type { IncomingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import got, { type Agents, type Request } from 'got';

export interface SendRequestOptions {
  method?: 'GET' | 'POST';
  /** The request body (a POST's). */
  body?: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Cap on reading the whole body, from the response head to its end. */
  bodyTimeoutMs: number;
  dnsLookup?: LookupFunction;
  /** The client's own keep-alive agents: no socket is shared with another policy. */
  agent?: Agents;
  signal?: AbortSignal;
}

export interface OpenResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Request;
}

export function sendRequest(url: string, options: SendRequestOptions): Promise<OpenResponse> {
  const { timeoutMs } = options;
  const stream = got.stream(url, {
    method: options.method ?? 'GET',
    ...(options.body === undefined ? {} : { body: options.body }),
    headers: options.headers,
    followRedirect: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    decompress: true,
    dnsLookup: options.dnsLookup,
    agent: options.agent,
    signal: options.signal,
    timeout: {
      lookup: timeoutMs,
      connect: timeoutMs,
      secureConnect: timeoutMs,
      send: timeoutMs,
      response: timeoutMs,
      read: options.bodyTimeoutMs,
    },
  });
  return new Promise<OpenResponse>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    stream.once('response', (response: { statusCode: number; headers: IncomingHttpHeaders }) => {
      stream.off('error', onError);
      // Keep one listener so an error after this point never goes unhandled; the body
      // reader sees the same error through the stream's async iterator.
      stream.on('error', () => undefined);
      resolve({ status: response.statusCode, headers: response.headers, body: stream });
    });
  });
}
