// The queue scenario's table: per set of rows, the one-process run and each worker count,
// with the cycle's time, the articles a second and the speed-up over one worker, the
// network bound of that many connections, the most requests one host had in flight (seen
// by the server) against fetch.perHostConcurrency, the requests the whole web held on
// average and at most against the connections the workers may open, and the workers' CPU
// and peak RSS.

import type { QueueCycleMeasure } from './measure-queue-cycle.js';
import type { QueueResult, QueueRowSet } from './run-queue-scenario.js';
import { formatColumns, megabytes, seconds } from './report-table.js';

interface QueueRow {
  set: string;
  processes: string;
  articles: string;
  cycle: string;
  rate: string;
  speedup: string;
  bound: string;
  inFlight: string;
  total: string;
  cpu: string;
  rss: string;
}

const HEADER: QueueRow = {
  set: 'web',
  processes: 'processes',
  articles: 'articles',
  cycle: 'cycle',
  rate: 'articles/s',
  speedup: 'vs 1 worker',
  bound: 'net bound',
  inFlight: 'max in flight/host',
  total: 'in flight (all): mean, max',
  cpu: 'CPU (cores busy)',
  rss: 'peak RSS per process',
};

/** Requests the web held on average over the cycle: their summed latency over its length. */
const meanInFlight = (row: QueueCycleMeasure) =>
  (row.bound.requests * row.bound.meanLatencyMs) / Math.max(1, row.cycleMs);
const rateOf = (row: QueueCycleMeasure) => row.written / Math.max(0.001, row.cycleMs / 1000);

function rowOf(
  set: QueueRowSet,
  row: QueueCycleMeasure,
  limits: { perHost: number; concurrency: number },
  oneWorker?: QueueCycleMeasure,
): QueueRow {
  const { perHost, concurrency } = limits;
  const rss = row.peakRssBytes;
  return {
    set: `${set.hosts} hosts x ${set.itemsPerHost}`,
    processes: row.workers === 0 ? 'one process' : `${row.workers} worker${row.workers > 1 ? 's' : ''}`,
    articles: `${row.written}${row.failed > 0 ? ` (${row.failed} failed)` : ''}`,
    cycle: seconds(row.cycleMs),
    rate: rateOf(row).toFixed(1),
    speedup: oneWorker ? `${(rateOf(row) / rateOf(oneWorker)).toFixed(2)}x` : '-',
    bound: seconds(row.bound.boundMs),
    inFlight: `${row.peakInFlight.perHost} (limit ${perHost})`,
    total: `${meanInFlight(row).toFixed(1)}, ${row.peakInFlight.total} of ${concurrency * Math.max(1, row.workers)}`,
    cpu: `${seconds(row.cpuMs)} (${(row.cpuMs / Math.max(1, row.cycleMs)).toFixed(2)})`,
    rss:
      rss.length > 1
        ? `max ${megabytes(Math.max(...rss))}, all ${megabytes(rss.reduce((a, b) => a + b, 0))}`
        : megabytes(rss[0] ?? 0),
  };
}

export function formatQueueTable(result: QueueResult): string {
  const { plan } = result;
  const title =
    `queue mode (${result.label}): fetch.concurrency and worker --concurrency ${plan.concurrency}, ` +
    `perHostConcurrency ${plan.perHostConcurrency}; a fixed delay on every request, no errors`;
  if (result.skipped !== undefined) return `${title}\n  skipped: ${result.skipped}`;
  const rows = result.rowSets.flatMap((set) => {
    const oneWorker = set.rows.find((row) => row.workers === 1);
    return set.rows.map((row) =>
      rowOf(set, row, { perHost: plan.perHostConcurrency, concurrency: plan.concurrency }, oneWorker),
    );
  });
  const delays = [...new Set(result.rowSets.map((set) => `${set.latencyMs} ms`))].join(', ');
  const notes = [
    `delay per request: ${delays}; cycle: the summary line's durationMs (process start excluded);`,
    'net bound: as above, with C = concurrency x workers; CPU: the workers during the cycle',
    "(the one process: all of it), not counting redis-server or the simulated web (the bench's own process)",
    ...result.notes,
  ];
  return [title, formatColumns(HEADER, rows), ...notes.map((note) => `  ${note}`)].join('\n');
}
