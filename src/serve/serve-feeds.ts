// `feedwright serve`: serves the published feeds folder over node:http, for local use and
// for readers on a small host. Contract:
// - GET and HEAD only (405 with Allow otherwise); `/` and folders serve their index.html
//   (a folder without its trailing slash is redirected, so relative links work); a folder
//   without an index.html, a file asked for with a trailing slash, a dotfile or temp file
//   is 404;
// - Content-Type per file (rss.xml, atom.xml, feed.json, .opml, .html, ...);
// - a strong ETag (hash of the bytes; the gzip variant has its own) and Last-Modified,
//   304 on If-None-Match / If-Modified-Since; gzip when Accept-Encoding allows it, with
//   Vary: Accept-Encoding;
// - nothing outside the folder: dot segments (plain or %2e%2e), NUL, backslashes and
//   bad encoding are 400, and a symlink leading out of the folder is 404 (a folder is
//   checked before it is redirected, so the 301 shows nothing outside);
// - a client has headersTimeoutMs to send its headers and requestTimeoutMs for the whole
//   request; an idle keep-alive connection is closed after 5 s;
// - GET /metrics answers in Prometheus's text format (feeds-metrics.ts: requests answered,
//   when the feeds last changed), before any file lookup;
// - binds 127.0.0.1 unless told otherwise. close() ends open connections too.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { isInsideFolder } from '../lib/confine-path.js';
import { addressUrl, closeServer, listen } from '../lib/listen.js';
import type { Logger } from '../lib/log.js';
import { METRICS_PATH, sendMetrics, type ServeMetrics } from '../metrics/index.js';
import { createFeedsMetrics } from './feeds-metrics.js';
import { acceptsGzip, findContentType, isCompressible, isNotModified } from './negotiate-response.js';
import { resolveRequestPath } from './resolve-request-path.js';

const gzipAsync = promisify(gzip);

export interface ServeFeedsOptions {
  dir: string;
  port: number;
  host?: string;
  logger: Logger;
  /** Default 10 s. */
  headersTimeoutMs?: number;
  /** Default 30 s. */
  requestTimeoutMs?: number;
}

export interface FeedsServer {
  server: Server;
  /** `http://HOST:PORT/` */
  url: string;
  close(): Promise<void>;
}

interface Representation {
  mtimeMs: number;
  size: number;
  contentType: string;
  body: Buffer;
  etag: string;
  gzipEtag: string;
  gzipped?: Buffer;
}

type Located =
  | { kind: 'file'; path: string; info: Stats }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

const MAX_CACHED_FILES = 256;

function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The real path of `path` when it exists inside `realRoot`, else undefined. */
async function realInside(realRoot: string, path: string): Promise<string | undefined> {
  const real = await realpath(path).catch(() => undefined);
  return real !== undefined && isInsideFolder(realRoot, real) ? real : undefined;
}

async function locateFile(
  root: string,
  target: { path: string; isFolder: boolean; urlPath: string; query: string },
): Promise<Located> {
  const missing: Located = { kind: 'missing' };
  const realRoot = await realpath(root).catch(() => undefined);
  const real = realRoot && (await realInside(realRoot, target.path));
  if (!realRoot || !real) return missing;
  const info = await stat(real).catch(() => undefined);
  if (info?.isDirectory()) {
    const index = await realInside(realRoot, join(real, 'index.html'));
    const indexInfo = index ? await stat(index).catch(() => undefined) : undefined;
    if (!index || !indexInfo?.isFile()) return missing;
    return target.isFolder
      ? { kind: 'file', path: index, info: indexInfo }
      : { kind: 'redirect', location: `${target.urlPath}/${target.query}` };
  }
  return info?.isFile() && !target.isFolder ? { kind: 'file', path: real, info } : missing;
}

function createRepresentationCache() {
  const cache = new Map<string, Representation>();
  /** `info`: the file's stat from locateFile. */
  return async function load(path: string, info: Stats): Promise<Representation> {
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(path);
    const etag = strongEtag(body);
    const rep: Representation = {
      mtimeMs: info.mtimeMs,
      size: body.length,
      contentType: findContentType(path),
      body,
      etag,
      gzipEtag: `${etag.slice(0, -1)}-gzip"`,
    };
    if (cache.size >= MAX_CACHED_FILES) cache.delete(cache.keys().next().value as string);
    cache.set(path, rep);
    return rep;
  };
}

async function sendRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation): Promise<void> {
  const compressible = isCompressible(rep.contentType);
  const useGzip = compressible && acceptsGzip(req.headers['accept-encoding']);
  const headers: Record<string, string | number> = {
    etag: useGzip ? rep.gzipEtag : rep.etag,
    'last-modified': new Date(rep.mtimeMs).toUTCString(),
    'cache-control': 'no-cache',
  };
  if (compressible) headers.vary = 'Accept-Encoding';
  const conditional = { ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] };
  if (isNotModified(conditional, { etags: [rep.etag, rep.gzipEtag], mtimeMs: rep.mtimeMs })) {
    res.writeHead(304, headers).end();
    return;
  }
  if (useGzip) rep.gzipped ??= await gzipAsync(rep.body);
  const body = useGzip ? (rep.gzipped as Buffer) : rep.body;
  headers['content-type'] = rep.contentType;
  headers['content-length'] = body.length;
  headers['x-content-type-options'] = 'nosniff';
  if (useGzip) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function createHandler(root: string, metrics: ServeMetrics) {
  const load = createRepresentationCache();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.once('finish', () => metrics.recordRequest(res.statusCode));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    if (req.url?.split('?')[0] === METRICS_PATH) {
      await sendMetrics(metrics.registry, req, res);
      return;
    }
    const target = resolveRequestPath(root, req.url);
    if (target.kind === 'bad') {
      sendText(res, 400, 'Bad request\n');
      return;
    }
    const found: Located = target.kind === 'hidden' ? { kind: 'missing' } : await locateFile(root, target);
    if (found.kind === 'redirect') sendText(res, 301, 'Moved permanently\n', { location: found.location });
    else if (found.kind === 'missing') sendText(res, 404, 'Not found\n');
    else await sendRepresentation(req, res, await load(found.path, found.info));
  };
}

export async function serveFeeds(options: ServeFeedsOptions): Promise<FeedsServer> {
  const root = resolve(options.dir);
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger;
  const handle = createHandler(root, createFeedsMetrics(root));
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      keepAliveTimeout: 5_000,
      // How often node checks the two timeouts above (default 30 s would let a slow client stay that long).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      handle(req, res)
        .then(() => logger.debug('Request served', { method: req.method, path: req.url, status: res.statusCode }))
        .catch((error: unknown) => {
          logger.warn('Unable to serve request', { method: req.method, path: req.url, err: error });
          if (!res.headersSent) sendText(res, 500, 'Internal server error\n');
          else res.destroy();
        });
    },
  );
  const address = await listen(server, options.port, host);
  const folder = await stat(root).catch(() => undefined);
  if (!folder?.isDirectory())
    logger.warn('Feeds folder not found: nothing to serve until feeds are published', { dir: root });
  const url = addressUrl(address);
  logger.info('Serving feeds', { dir: root, url });
  return {
    server,
    url,
    close: () => closeServer(server),
  };
}
