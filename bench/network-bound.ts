// The network bound of a cycle: the shortest wall time any client could reach with the
// same limits, from what the simulated web actually held (latency of every request,
// failed attempts and timeouts included; the client's retry backoff excluded).
//   global:   sum(latency) / C,   with C = min(fetch.concurrency, perHost x hosts)
//   per host: max over hosts of (its feed's latency + sum(its pages' latencies) / perHost)
//   bound = max(global, per host)

import type { RequestRecord } from './sim-web.js';

export interface NetworkBound {
  requests: number;
  meanLatencyMs: number;
  effectiveConcurrency: number;
  globalMs: number;
  perHostMs: number;
  boundMs: number;
  formula: string;
}

export function computeNetworkBound(records: RequestRecord[], concurrency: number, perHost: number): NetworkBound {
  const hosts = new Map<string, { feedMs: number; pagesMs: number }>();
  let totalMs = 0;
  for (const record of records) {
    totalMs += record.heldMs;
    const entry = hosts.get(record.host) ?? { feedMs: 0, pagesMs: 0 };
    if (record.kind === 'feed') entry.feedMs = Math.max(entry.feedMs, record.heldMs);
    else entry.pagesMs += record.heldMs;
    hosts.set(record.host, entry);
  }
  const effective = Math.min(concurrency, perHost * Math.max(1, hosts.size));
  const globalMs = totalMs / effective;
  let perHostMs = 0;
  for (const entry of hosts.values()) perHostMs = Math.max(perHostMs, entry.feedMs + entry.pagesMs / perHost);
  const meanLatencyMs = records.length > 0 ? totalMs / records.length : 0;
  const boundMs = Math.max(globalMs, perHostMs);
  const formula =
    `max(${records.length} req x ${meanLatencyMs.toFixed(1)} ms / C=min(${concurrency}, ${perHost}x${hosts.size}), ` +
    `max_host(feed + pages/${perHost})=${(perHostMs / 1000).toFixed(1)} s) = ${(boundMs / 1000).toFixed(1)} s`;
  return {
    requests: records.length,
    meanLatencyMs,
    effectiveConcurrency: effective,
    globalMs,
    perHostMs,
    boundMs,
    formula,
  };
}
