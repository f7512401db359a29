// A simulated web of several news hosts for queue-mode tests: each host its own loopback
// address (127.0.0.1, 127.0.0.2, ...: a different host name to the per-host limit), an
// RSS feed answering 304 to its own ETag, and article pages that take a while. It counts,
// per host, the requests in flight at once (the most ever seen), and every feed answer.

import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface SimulatedHost {
  origin: string;
  feedUrl: string;
  /** The most requests this host ever had in flight at once. */
  maxInFlight: number;
  inFlight: number;
  pageRequests: number;
  /** Status of every feed answer, in order. */
  feedAnswers: number[];
}

export interface SimulatedWeb {
  hosts: SimulatedHost[];
  /** Milliseconds each page takes. */
  pageDelayMs: { value: number };
  /** Zeroes the counters (between runs). */
  resetCounts(): void;
  /** Edits an item at its source: a corrected headline and body, in its page and its feed entry. */
  edit(host: number, index: number): void;
  pageRequests(): number;
  close(): Promise<void>;
}

/** Items edited at their source, by `host-index`. */
const edited = new Set<string>();
const corrected = (host: number, index: number) => (edited.has(`${host}-${index}`) ? ', corrected' : '');
// Each report's sentences are drawn (seeded by desk, report and paragraph) from these, so
// two reports are two different texts: one template filled in differently would be near
// copies, merged as one story (issue 16).
const CLAUSES = [
  [
    'the company',
    'its chief executive',
    'a spokesperson',
    'the board',
    'two analysts',
    'the regulator',
    'local officials',
    'the founders',
  ],
  ['said', 'expected', 'warned', 'confirmed', 'denied', 'estimated', 'announced', 'argued'],
  [
    'revenue would double',
    'the plant would open',
    'prices would fall',
    'the deal would close',
    'hiring would slow',
    'the product would ship',
    'costs would rise',
    'exports would grow',
  ],
  [
    'next spring',
    'by March',
    'within weeks',
    'this quarter',
    'before the election',
    'after the audit',
    'in two years',
    'later this year',
  ],
  ['in Lyon', 'in Osaka', 'in Denver', 'in Leeds', 'in Porto', 'in Austin', 'in Gdansk', 'in Perth'],
];

function reportSentence(seed: number): string {
  let state = seed;
  const draw = (options: string[]) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return options[(state >>> 16) % options.length];
  };
  const clause = () => CLAUSES.map(draw).join(' ');
  return `${clause()}, while ${clause()}; ${clause()}.`;
}

function pageHtml(host: number, index: number): string {
  const words = ['market', 'cloud', 'model', 'chip', 'startup', 'robot', 'energy', 'research'];
  const topic = words[(host * 3 + index) % words.length];
  const paragraphs = Array.from(
    { length: 5 },
    (_, p) =>
      `<p>Paragraph ${p + 1} of report ${index}${corrected(host, index)} from desk ${host}: the ${topic} company closed a funding round, and ${reportSentence(host * 10_007 + index * 101 + p)}</p>`,
  ).join('\n');
  return `<!doctype html><html><head><title>Report ${host}-${index} | Desk ${host}</title>
<meta property="og:title" content="Desk ${host} report ${index} on the ${topic} market${corrected(host, index)}">
<meta property="article:published_time" content="2026-02-${String((index % 27) + 1).padStart(2, '0')}T0${host}:00:00Z">
</head><body><nav><a href="/">Home</a></nav><article><h1>Desk ${host} report ${index} on the ${topic} market${corrected(host, index)}</h1>${paragraphs}</article>
<footer>Desk ${host}</footer></body></html>`;
}

function feedXml(origin: string, host: number, items: number): string {
  const entries = Array.from(
    { length: items },
    (
      _,
      i,
    ) => `<item><title>Desk ${host} report ${i}${corrected(host, i)}</title><link>${origin}/story/${i}</link><guid>${origin}/story/${i}</guid>
<pubDate>Tue, 03 Feb 2026 0${host}:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate><description>Summary ${i}.</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Desk ${host}</title><link>${origin}/</link><description>Test</description>${entries}</channel></rss>`;
}

export async function startSimulatedWeb(options: {
  hosts: number;
  items: number;
  pageDelayMs?: number;
}): Promise<SimulatedWeb> {
  const pageDelayMs = { value: options.pageDelayMs ?? 100 };
  edited.clear();
  const hosts: SimulatedHost[] = [];
  const servers: Server[] = [];
  for (let h = 1; h <= options.hosts; h += 1) {
    const host: SimulatedHost = {
      origin: '',
      feedUrl: '',
      maxInFlight: 0,
      inFlight: 0,
      pageRequests: 0,
      feedAnswers: [],
    };
    const server = createServer((req, res) => {
      host.inFlight += 1;
      host.maxInFlight = Math.max(host.maxInFlight, host.inFlight);
      res.on('close', () => (host.inFlight -= 1));
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/feed.xml') {
        const body = feedXml(host.origin, h, options.items);
        const etag = `"feed-${h}-${options.items}-${edited.size}"`;
        const status = req.headers['if-none-match'] === etag ? 304 : 200;
        host.feedAnswers.push(status);
        res.writeHead(status, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
        res.end(status === 304 ? undefined : body);
        return;
      }
      const story = /^\/story\/(\d+)$/.exec(path);
      if (!story || Number(story[1]) >= options.items) {
        res.writeHead(404).end('not found');
        return;
      }
      host.pageRequests += 1;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(pageHtml(h, Number(story[1])));
      }, pageDelayMs.value);
    });
    await new Promise<void>((resolve) => server.listen(0, `127.0.0.${h}`, resolve));
    const { port } = server.address() as AddressInfo;
    host.origin = `http://127.0.0.${h}:${port}`;
    host.feedUrl = `${host.origin}/feed.xml`;
    hosts.push(host);
    servers.push(server);
  }
  return {
    hosts,
    pageDelayMs,
    resetCounts() {
      for (const host of hosts) Object.assign(host, { maxInFlight: 0, pageRequests: 0, feedAnswers: [] });
    },
    pageRequests: () => hosts.reduce((sum, host) => sum + host.pageRequests, 0),
    edit: (host, index) => void edited.add(`${host}-${index}`),
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}

/**
 * A site folder's configuration over `web` (its first `hosts` hosts as sources, one
 * category), in `dir`, with `data/` made: one process, or queue mode with `queue`.
 */
export async function writeSiteConfig(
  dir: string,
  web: SimulatedWeb,
  options: { hosts?: number; perHost?: number; schedule?: string; queue?: { url: string; prefix: string } } = {},
): Promise<string> {
  const sources = web.hosts
    .slice(0, options.hosts ?? web.hosts.length)
    .map((host, i) => `  - { name: Desk ${i + 1}, url: "${host.feedUrl}", category: Business }`)
    .join('\n');
  const queue = options.queue ? `queue: { url: "${options.queue.url}", prefix: ${options.queue.prefix} }` : '';
  const config = join(dir, 'feedwright.yaml');
  await writeFile(
    config,
    `site: { title: Queue Site, url: https://aivibe.example, author: AIVibe, feedUrl: https://aivibe.example/feeds }
paths: { articles: data/articles, state: data/state.json, feeds: feeds }
schedule: "${options.schedule ?? '0 0 1 1 *'}"
fetch: { allowPrivateNetworks: true, timeoutMs: 10000, retries: 0, perHostConcurrency: ${options.perHost ?? 2}, concurrency: 8 }
extract: { workers: 0 }
${queue}
sources:
${sources}
categories:
  - { name: Business, keywords: [funding] }
tags:
  - { name: Funding, keywords: [funding] }
`,
  );
  await mkdir(join(dir, 'data'), { recursive: true });
  return config;
}
