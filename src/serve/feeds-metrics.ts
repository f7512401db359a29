// What `feedwright serve` tells /metrics: the requests it answered (counted as each
// response finishes) and when each main feed in its folder last changed (its mtime, read
// at each scrape; a feed not published yet has no sample).

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createServeMetrics, type ServeMetrics } from '../metrics/index.js';
import { FEED_FILES } from '../publish/index.js';

/** Unix seconds of the last change of rss.xml, atom.xml and feed.json in `root`, those that exist. */
export async function readFeedsUpdatedSeconds(root: string): Promise<Record<string, number>> {
  const names = Object.values(FEED_FILES);
  const times = await Promise.all(
    names.map((name) =>
      stat(join(root, name)).then(
        (info) => info.mtimeMs,
        () => undefined,
      ),
    ),
  );
  return Object.fromEntries(names.flatMap((name, i) => (times[i] === undefined ? [] : [[name, times[i] / 1000]])));
}

export function createFeedsMetrics(root: string): ServeMetrics {
  const metrics = createServeMetrics();
  metrics.setFeedsUpdatedSource(() => readFeedsUpdatedSeconds(root));
  return metrics;
}
