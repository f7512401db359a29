// The /metrics endpoint in Prometheus's text format (version 0.0.4, the Content-Type the
// registry names). sendMetrics answers one request from any server (`feedwright serve`
// routes /metrics to it); serveMetrics is a worker's own small server (`--metrics-port`):
// GET or HEAD /metrics, 404 for any other path, 405 for any other method. It binds
// 127.0.0.1 unless given another host.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { addressUrl, closeServer, listen } from '../lib/listen.js';
import type { Logger } from '../lib/log.js';

export const METRICS_PATH = '/metrics';

export interface MetricsServerOptions {
  registry: Registry;
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  logger: Logger;
}

export interface MetricsServer {
  /** `http://HOST:PORT/metrics` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Answers with the registry's metrics (a failed collection is a 500, logged by the caller). */
export async function sendMetrics(registry: Registry, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, {
    'content-type': registry.contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);
}

export async function serveMetrics(options: MetricsServerOptions): Promise<MetricsServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return answer(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
    if ((req.url ?? '').split('?')[0] !== METRICS_PATH) return answer(res, 404, 'Not found\n');
    sendMetrics(options.registry, req, res).catch((error: unknown) => {
      options.logger.warn('Unable to collect metrics', { err: error });
      if (!res.headersSent) answer(res, 500, 'Internal server error\n');
    });
  });
  const address = await listen(server, options.port, host);
  const url = `${addressUrl(address).slice(0, -1)}${METRICS_PATH}`;
  options.logger.info('Serving metrics', { url });
  return { url, port: address.port, close: () => closeServer(server) };
}
