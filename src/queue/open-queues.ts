// The four queues of queue mode and the event readers that tell a waiting cycle when its
// jobs finish, each on its own connection from one factory, under queue.prefix.

import { Job, Queue, QueueEvents } from 'bullmq';
import type { QueueConfig, RedisFactory } from './queue-redis.js';
import { QUEUE_NAMES } from './queue-jobs.js';

export interface Queues {
  feeds: Queue;
  pages: Queue;
  publish: Queue;
  cycles: Queue;
  events: { feeds: QueueEvents; pages: QueueEvents; publish: QueueEvents };
  close(): Promise<void>;
}

export function openQueues(redis: RedisFactory, queue: QueueConfig): Queues {
  const options = (role: string) => ({ connection: redis.connect(role), prefix: queue.prefix });
  const open = (name: string) => new Queue(name, options(`queue ${name}`));
  const listen = (name: string) => new QueueEvents(name, options(`events ${name}`));
  const queues = {
    feeds: open(QUEUE_NAMES.feeds),
    pages: open(QUEUE_NAMES.pages),
    publish: open(QUEUE_NAMES.publish),
    cycles: open(QUEUE_NAMES.cycles),
  };
  const events = {
    feeds: listen(QUEUE_NAMES.feeds),
    pages: listen(QUEUE_NAMES.pages),
    publish: listen(QUEUE_NAMES.publish),
  };
  return {
    ...queues,
    events,
    async close() {
      await Promise.all([...Object.values(events), ...Object.values(queues)].map((part) => part.close()));
    },
  };
}

/**
 * Queues a job under `jobId`, or joins the one already waiting or running under it. A
 * finished job of that id (an earlier cycle's) is removed first, so the id is reused.
 */
export async function addOrJoin<T>(
  queue: Queue,
  name: string,
  data: T,
  jobId: string,
  options: Parameters<Queue['add']>[2] = {},
): Promise<Job> {
  const existing = await Job.fromId(queue, jobId);
  if (existing && ((await existing.isCompleted()) || (await existing.isFailed()))) await existing.remove();
  return queue.add(name, data, { ...options, jobId });
}

/** Resolves with the job's result once it finished; rejects with its error, or when `signal` aborts. */
export async function waitForJob<R>(job: Job, events: QueueEvents, signal?: AbortSignal): Promise<R> {
  const finished = job.waitUntilFinished(events) as Promise<R>;
  if (!signal) return finished;
  signal.throwIfAborted();
  return new Promise<R>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    finished.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
