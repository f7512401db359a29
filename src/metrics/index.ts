// The metrics folder's door (issue 15 item 7): prom-client registries of feedwright's own,
// a typed recorder for workers, the feed server's few metrics, and the /metrics endpoint.
// A leaf like lib/: it imports no stage, so any room may report to it.

export {
  createMetrics,
  type CycleSource,
  type LeaseSource,
  type Metrics,
  type MetricsOptions,
  type QueueDepth,
  type QueueDepthSource,
} from './create-metrics.js';
export { createServeMetrics, type FeedsUpdatedSource, type ServeMetrics } from './create-serve-metrics.js';
export {
  METRICS_PATH,
  sendMetrics,
  serveMetrics,
  type MetricsServer,
  type MetricsServerOptions,
} from './serve-metrics.js';
