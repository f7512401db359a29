// A worker's metrics (issue 15 item 7), on a registry of its own (never prom-client's global
// default, so two sets in one process, as in tests, do not collide). What each records:
//   feedwright_fetches_total{kind,outcome,status}       every HTTP client call (recordFetch)
//   feedwright_fetch_duration_seconds{kind}             its duration, retries and redirects included
//   feedwright_extractions_total{method}                the extraction method that won
//   feedwright_extraction_duration_seconds{method}      how long the extraction took
//   feedwright_articles_written_total                   article files written
//   feedwright_queue_jobs{queue,state}                  queue depths, read at each scrape
//   feedwright_host_leases_in_use{host}                 fleet-wide host leases held, read at each scrape
//   feedwright_last_cycle_timestamp_seconds             when the last cycle ended (unix seconds)
//   feedwright_last_cycle_duration_seconds              how long it took
//   feedwright_metrics_source_errors_total{source}      a queue or lease read that failed at a scrape
// The recorder's functions are plain closures: `recordFetch: metrics.recordFetch` can be
// handed to the HTTP client as is.

import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ExtractionMethod, FetchObservation } from '../types.js';

export interface QueueDepth {
  queue: string;
  /** BullMQ's job state: waiting, active, delayed, failed, ... */
  state: string;
  count: number;
}

export type QueueDepthSource = () => QueueDepth[] | Promise<QueueDepth[]>;
export type CycleSource = () => Promise<{ startedAt: Date; durationMs: number } | undefined>;
/** Leases in use per host. */
export type LeaseSource = () => Record<string, number> | Promise<Record<string, number>>;

export interface Metrics {
  readonly registry: Registry;
  recordFetch(observation: FetchObservation): void;
  /** `durationMs` left out when no page was extracted (the feed's own copy was used). */
  recordExtraction(method: ExtractionMethod, durationMs?: number): void;
  recordArticleWritten(): void;
  setQueueDepthSource(source: QueueDepthSource): void;
  setLeaseSource(source: LeaseSource): void;
  recordCycle(startedAt: Date, durationMs: number): void;
  /** Where the last cycle is read at each scrape when it ran in another process (queue mode). */
  setCycleSource(source: CycleSource): void;
}

const FETCH_BUCKETS_S = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const EXTRACTION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface MetricsOptions {
  /** How long a scrape waits for the queue or lease source (Redis down: it would wait); default 2 s. */
  sourceTimeoutMs?: number;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const fetches = new Counter({
    name: 'feedwright_fetches_total',
    help: 'HTTP client calls by kind (feed, page, form), outcome and last status',
    labelNames: ['kind', 'outcome', 'status'] as const,
    registers,
  });
  const fetchDuration = new Histogram({
    name: 'feedwright_fetch_duration_seconds',
    help: 'Duration of an HTTP client call, retries and redirects included',
    labelNames: ['kind'] as const,
    buckets: FETCH_BUCKETS_S,
    registers,
  });
  const extractions = new Counter({
    name: 'feedwright_extractions_total',
    help: 'Articles extracted, by the method that won',
    labelNames: ['method'] as const,
    registers,
  });
  const extractionDuration = new Histogram({
    name: 'feedwright_extraction_duration_seconds',
    help: 'Duration of one page extraction',
    labelNames: ['method'] as const,
    buckets: EXTRACTION_BUCKETS_S,
    registers,
  });
  const articlesWritten = new Counter({
    name: 'feedwright_articles_written_total',
    help: 'Article files written',
    registers,
  });
  const sources = createScrapeSources(registry, options.sourceTimeoutMs ?? 2000);
  // The last cycle may have run elsewhere (another process): read at each scrape when a
  // source is set, once for both gauges.
  let cycleSource: CycleSource | undefined;
  let cycleRead: Promise<void> | undefined;
  const readCycle = () =>
    (cycleRead ??= (async () => {
      try {
        const last = await cycleSource?.();
        if (last) recordCycle(last.startedAt, last.durationMs);
      } catch {
        // Left at its last value; the queue gauge counts Redis errors.
      } finally {
        cycleRead = undefined;
      }
    })());
  const lastCycle = new Gauge({
    name: 'feedwright_last_cycle_timestamp_seconds',
    help: 'When the last cycle ended, in unix seconds',
    registers,
    collect: readCycle,
  });
  const lastCycleDuration = new Gauge({
    name: 'feedwright_last_cycle_duration_seconds',
    help: 'How long the last cycle took',
    registers,
    collect: readCycle,
  });
  const recordCycle = (startedAt: Date, durationMs: number) => {
    lastCycle.set((startedAt.getTime() + durationMs) / 1000);
    lastCycleDuration.set(durationMs / 1000);
  };
  return {
    registry,
    recordFetch: ({ kind, outcome, status, durationMs }) => {
      fetches.inc({ kind, outcome, status: status === undefined ? '' : String(status) });
      fetchDuration.observe({ kind }, durationMs / 1000);
    },
    recordExtraction: (method, durationMs) => {
      extractions.inc({ method });
      if (durationMs !== undefined) extractionDuration.observe({ method }, durationMs / 1000);
    },
    recordArticleWritten: () => articlesWritten.inc(),
    setQueueDepthSource: sources.setQueueDepthSource,
    setLeaseSource: sources.setLeaseSource,
    recordCycle,
    setCycleSource: (source: CycleSource) => {
      cycleSource = source;
    },
  };
}

/** The gauges read from another part of the program at each scrape (queue, leases). */
function createScrapeSources(registry: Registry, timeoutMs: number) {
  let queueSource: QueueDepthSource | undefined;
  let leaseSource: LeaseSource | undefined;
  // Reads under way in this scrape: the error counter, registered last, waits for them.
  const reading = new Set<Promise<void>>();
  type Series = [Record<string, string>, number][];
  /** Refills the gauge from a read; a read that fails or is late leaves it empty and is counted. */
  const refill = (gauge: Gauge<string>, source: string, read: () => Promise<Series>) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${source} read took over ${timeoutMs} ms`)), timeoutMs);
    });
    const done = Promise.race([read(), late]).then(
      (series) => {
        gauge.reset();
        for (const [labels, value] of series) gauge.set(labels, value);
      },
      () => {
        gauge.reset();
        errors.inc({ source });
      },
    );
    const tracked = done.finally(() => {
      clearTimeout(timer);
      reading.delete(tracked);
    });
    reading.add(tracked);
    return tracked;
  };
  new Gauge({
    name: 'feedwright_queue_jobs',
    help: 'Jobs in each queue, by state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    collect() {
      return refill(this, 'queue', async () =>
        ((await queueSource?.()) ?? []).map(({ queue, state, count }) => [{ queue, state }, count]),
      );
    },
  });
  new Gauge({
    name: 'feedwright_host_leases_in_use',
    help: 'Fleet-wide host leases held, by host',
    labelNames: ['host'] as const,
    registers: [registry],
    collect() {
      return refill(this, 'leases', async () =>
        Object.entries((await leaseSource?.()) ?? {}).map(([host, count]) => [{ host }, count]),
      );
    },
  });
  const errors = new Counter({
    name: 'feedwright_metrics_source_errors_total',
    help: 'Scrapes where reading the queue depths or the host leases failed or was late (the gauge is left empty)',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      await Promise.all(reading);
    },
  });
  return {
    setQueueDepthSource: (source: QueueDepthSource) => {
      queueSource = source;
    },
    setLeaseSource: (source: LeaseSource) => {
      leaseSource = source;
    },
  };
}
