// The simulated web: S sources of I items, each source on its own host. Every host is a
// distinct loopback address (127.1.0.1, 127.1.0.2, ...: Linux routes all of 127.0.0.0/8 to
// the loopback interface), because the HTTP client's per-host limit keys on the URL's host
// name without the port: servers on several ports of 127.0.0.1 would all share one host
// slot, and names like s17.bench.localhost do not resolve through getaddrinfo here.
// Seeded: per-request latency, which URLs fail once (503, or no answer until the client
// times out), the items and their pages. Feeds answer 304 to a matching If-None-Match or
// If-Modified-Since. Every request's held time is recorded for the network bound, and each
// host counts the requests it has in flight at once (the per-host limit, seen from the server).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadPageTemplates, renderPage, type PageTemplate } from './corpus-pages.js';
import { createRandom, drawUniform, hashSeed } from './seeded-random.js';

export interface WebOptions {
  seed: number;
  sources: number;
  itemsPerSource: number;
  minLatencyMs: number;
  maxLatencyMs: number;
  /** Fraction of URLs whose first request gets a 503. */
  errorRate: number;
  /** Fraction of URLs whose first request is never answered (the client times out). */
  hangRate: number;
  /** How long a hung request is held before the server gives up on it. */
  hangMs: number;
}

export interface SourceSpec {
  name: string;
  url: string;
  host: string;
}

export interface RequestRecord {
  host: string;
  kind: 'feed' | 'page' | 'other';
  status: number;
  heldMs: number;
}

export interface SimWeb {
  sources: SourceSpec[];
  /** The records since the last call, and a fresh log. */
  takeRecords(): RequestRecord[];
  /** Since the last call: the most requests any one host had in flight at once, and the whole web. */
  takePeakInFlight(): { perHost: number; total: number };
  close(): Promise<void>;
}

const WORDS = (
  'model chip startup funding robot agent cloud data privacy policy open weights lab launch ' +
  'benchmark inference training GPU deal partner rival court ruling safety research app voice ' +
  'search browser coding assistant enterprise Europe China chatbot image video music health'
).split(' ');
const LAST_MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT';

function hostAddress(index: number): string {
  return `127.${1 + Math.floor(index / 250)}.0.${1 + (index % 250)}`;
}

function itemTitle(seed: number, source: number, item: number): string {
  const next = createRandom(hashSeed(seed, 'title', source, item));
  const words = Array.from({ length: 5 + Math.floor(next() * 5) }, () => WORDS[Math.floor(next() * WORDS.length)]);
  return `${words.join(' ')} (${source}.${item})`.replace(/^./, (first) => first.toUpperCase());
}

function itemPath(source: number, item: number): string {
  return `/2024/${source}/${item}/story-${item}.html`;
}

function renderFeed(options: WebOptions, origin: string, source: number): string {
  const items: string[] = [];
  for (let item = 0; item < options.itemsPerSource; item += 1) {
    const link = `${origin}${itemPath(source, item)}`;
    const date = new Date(Date.UTC(2024, 0, 1) + (source * options.itemsPerSource + item) * 60_000).toUTCString();
    const title = itemTitle(options.seed, source, item);
    items.push(
      `<item><title>${title}</title><link>${link}</link><guid isPermaLink="true">${link}</guid>` +
        `<pubDate>${date}</pubDate><category>AI</category><description>${title}. A summary of the story.</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Source ${source}</title><link>${origin}/</link><description>Simulated source ${source}</description>${items.join('')}</channel></rss>`;
}

interface HostContext {
  options: WebOptions;
  templates: PageTemplate[];
  source: number;
  origin: string;
  host: string;
  seen: Map<string, number>;
  records: RequestRecord[];
  /** This host's load, then the whole web's. */
  loads: HostLoad[];
}

interface HostLoad {
  inFlight: number;
  peak: number;
}

function answer(ctx: HostContext, req: IncomingMessage, res: ServerResponse, kind: RequestRecord['kind']): void {
  const path = (req.url ?? '/').split('?')[0];
  const { options, source } = ctx;
  if (kind === 'feed') {
    const etag = `"s${source}-v1"`;
    const fresh = req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === LAST_MODIFIED;
    const headers = { etag, 'last-modified': LAST_MODIFIED };
    if (fresh) return void res.writeHead(304, headers).end();
    res
      .writeHead(200, { ...headers, 'content-type': 'application/rss+xml; charset=utf-8' })
      .end(renderFeed(options, ctx.origin, source));
    return;
  }
  const match = /^\/2024\/(\d+)\/(\d+)\//.exec(path);
  if (kind !== 'page' || !match) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  const item = Number(match[2]);
  const template = ctx.templates[hashSeed(options.seed, 'page', source, item) % ctx.templates.length];
  const html = renderPage(template, `${ctx.origin}${path}`, itemTitle(options.seed, source, item));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

function handle(ctx: HostContext, req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0];
  const kind: RequestRecord['kind'] = path === '/feed.xml' ? 'feed' : path.startsWith('/2024/') ? 'page' : 'other';
  const count = (ctx.seen.get(path) ?? 0) + 1;
  ctx.seen.set(path, count);
  const { options } = ctx;
  const started = performance.now();
  const record: RequestRecord = { host: ctx.host, kind, status: 0, heldMs: 0 };
  ctx.records.push(record);
  for (const load of ctx.loads) {
    load.inFlight += 1;
    load.peak = Math.max(load.peak, load.inFlight);
    res.once('close', () => (load.inFlight -= 1));
  }
  const fate = drawUniform(options.seed, 'fate', ctx.host, path);
  const firstTime = count === 1;
  if (firstTime && fate < options.hangRate) {
    const timer = setTimeout(() => res.destroy(), options.hangMs);
    res.on('close', () => {
      clearTimeout(timer);
      record.heldMs = performance.now() - started;
    });
    return;
  }
  const span = options.maxLatencyMs - options.minLatencyMs;
  const latencyMs = options.minLatencyMs + span * drawUniform(options.seed, 'latency', ctx.host, path, count);
  setTimeout(() => {
    record.heldMs = latencyMs;
    if (firstTime && fate < options.hangRate + options.errorRate) {
      record.status = 503;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('temporarily unavailable');
      return;
    }
    answer(ctx, req, res, kind);
    record.status = res.statusCode;
  }, latencyMs);
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startSimWeb(options: WebOptions, templates = loadPageTemplates()): Promise<SimWeb> {
  let records: RequestRecord[] = [];
  const servers: Server[] = [];
  const sources: SourceSpec[] = [];
  const loads: HostLoad[] = [];
  const webLoad: HostLoad = { inFlight: 0, peak: 0 };
  for (let source = 0; source < options.sources; source += 1) {
    const host = hostAddress(source);
    const load: HostLoad = { inFlight: 0, peak: 0 };
    loads.push(load);
    const ctx: HostContext = {
      options,
      templates,
      source,
      origin: '',
      host,
      seen: new Map(),
      records,
      loads: [load, webLoad],
    };
    const server = createServer((req, res) => handle({ ...ctx, records }, req, res));
    server.keepAliveTimeout = 30_000;
    const port = await listen(server, host);
    ctx.origin = `http://${host}:${port}`;
    servers.push(server);
    sources.push({ name: `Source ${source}`, url: `${ctx.origin}/feed.xml`, host });
  }
  return {
    sources,
    takeRecords() {
      const taken = records;
      records = [];
      return taken;
    },
    takePeakInFlight() {
      const peak = { perHost: Math.max(0, ...loads.map((load) => load.peak)), total: webLoad.peak };
      for (const load of [...loads, webLoad]) load.peak = load.inFlight;
      return peak;
    },
    close: async () => {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
