// The metrics of `feedwright serve`, on a registry of its own. The feed server knows only
// the published folder, so it says only what it sees: the requests it answered, and when
// the published feeds last changed (a cycle that found nothing new leaves them untouched,
// so this is the last change, not the last cycle: the workers' gauge has that).
//   feedwright_serve_requests_total{status}              requests answered, by status
//   feedwright_feeds_updated_timestamp_seconds{feed}     last change of each main feed (unix seconds);
//                                                        no sample for a feed not published yet

import { Counter, Gauge, Registry } from 'prom-client';

/** Unix seconds of each published feed's last change, by file name (`rss.xml`). */
export type FeedsUpdatedSource = () => Promise<Record<string, number>>;

export interface ServeMetrics {
  readonly registry: Registry;
  recordRequest(status: number): void;
  setFeedsUpdatedSource(source: FeedsUpdatedSource): void;
}

export function createServeMetrics(): ServeMetrics {
  const registry = new Registry();
  let feedsUpdated: FeedsUpdatedSource | undefined;
  const requests = new Counter({
    name: 'feedwright_serve_requests_total',
    help: 'Requests answered by the feed server, by status',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'feedwright_feeds_updated_timestamp_seconds',
    help: 'When each published feed (rss.xml, atom.xml, feed.json) last changed, in unix seconds',
    labelNames: ['feed'] as const,
    registers: [registry],
    async collect() {
      const times = (await feedsUpdated?.()) ?? {};
      this.reset();
      for (const [feed, seconds] of Object.entries(times)) this.set({ feed }, seconds);
    },
  });
  return {
    registry,
    recordRequest: (status) => requests.inc({ status: String(status) }),
    setFeedsUpdatedSource: (source) => {
      feedsUpdated = source;
    },
  };
}
