// What `feedwright serve` tells /metrics: the requests it answered (counted as each
// response finishes) and when the main feeds in its folder last changed (their newest
// mtime, read at each scrape; none published yet leaves the gauge empty).

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createServeMetrics, type ServeMetrics } from '../metrics/index.js';
import { FEED_FILES } from '../publish/index.js';

/** Unix seconds of the newest of rss.xml, atom.xml and feed.json in `root`, if any exists. */
export async function readFeedsUpdatedSeconds(root: string): Promise<number | undefined> {
  const times = await Promise.all(
    Object.values(FEED_FILES).map((name) =>
      stat(join(root, name)).then(
        (info) => info.mtimeMs,
        () => undefined,
      ),
    ),
  );
  const known = times.filter((ms): ms is number => ms !== undefined);
  return known.length === 0 ? undefined : Math.max(...known) / 1000;
}

export function createFeedsMetrics(root: string): ServeMetrics {
  const metrics = createServeMetrics();
  metrics.setFeedsUpdatedSource(() => readFeedsUpdatedSeconds(root));
  return metrics;
}
