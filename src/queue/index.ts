// The queue folder's door: queue mode (issue 15), feedwright's work spread over any number
// of workers on any number of machines through BullMQ on Redis, with the same units of
// work, state contract and outputs as one process: the worker, a cycle queued and waited
// for, the schedule of `start`, the queue's status, and the fleet-wide per-host limit.

export { createHostLeases, type HostLeaseOptions, type HostLeases } from './host-lease.js';
export { openQueues, type Queues } from './open-queues.js';
export { collectQueueStatus, formatQueueStatus, type FailedJob, type QueueStatus } from './queue-status.js';
export { openRedis, type QueueConfig, type RedisFactory } from './queue-redis.js';
export { runQueuedCycle, type QueuedCycleOptions, type QueueParts } from './run-queued-cycle.js';
export { holdSchedule, type HeldSchedule } from './schedule-cycles.js';
export { startWorker, type RunningWorker, type WorkerOptions } from './start-worker.js';
