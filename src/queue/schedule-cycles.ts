// `feedwright start` in queue mode: one BullMQ job scheduler, "cycle", on `schedule`. A
// scheduler is one record in Redis, so any number of `start` processes on any number of
// machines keep the same one (each start updates it to its configuration's schedule) and a
// tick gives one cycle job, run by some worker. The first cycle at start-up is a job too,
// its id from the minute, so starts in the same minute queue it once.
//
// Each start process keeps a heartbeat in `:starters` (a sorted set, expiry as score): the
// last one to stop removes the scheduler, and a worker given a tick when no start process
// is alive (all of them killed) removes it instead of running the cycle, so the schedule
// lives exactly as long as some `start` does.

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Queues } from './open-queues.js';
import type { CycleJobData } from './queue-jobs.js';

export const CYCLE_SCHEDULER_ID = 'cycle';
/** A start process that has not renewed its heartbeat for this long is taken for dead. */
const HEARTBEAT_TTL_MS = 30_000;

const startersKey = (prefix: string) => `${prefix}:starters`;

export interface HeldSchedule {
  /** Stops the heartbeat; the last start process alive also removes the scheduler. */
  release(): Promise<void>;
}

export async function holdSchedule(
  queues: Queues,
  redis: Redis,
  prefix: string,
  schedule: string,
  options: { initialRun?: boolean; now?: () => Date } = {},
): Promise<HeldSchedule> {
  const id = randomUUID();
  const beat = () => redis.zadd(startersKey(prefix), Date.now() + HEARTBEAT_TTL_MS, id);
  await beat();
  const timer = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_TTL_MS / 3);
  await queues.cycles.upsertJobScheduler(
    CYCLE_SCHEDULER_ID,
    { pattern: schedule },
    {
      name: 'cycle',
      data: {} satisfies CycleJobData,
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    },
  );
  if (options.initialRun !== false) {
    const minute = Math.floor((options.now ?? (() => new Date()))().getTime() / 60_000);
    await queues.cycles.add('cycle', {} satisfies CycleJobData, {
      jobId: `cycle-start-${minute}`,
      removeOnComplete: { count: 100 },
    });
  }
  return {
    async release() {
      clearInterval(timer);
      await redis.zrem(startersKey(prefix), id);
      if (!(await hasLiveStarters(redis, prefix))) await queues.cycles.removeJobScheduler(CYCLE_SCHEDULER_ID);
    },
  };
}

/** True while some start process keeps the schedule (dead ones' heartbeats are dropped here). */
export async function hasLiveStarters(redis: Redis, prefix: string): Promise<boolean> {
  await redis.zremrangebyscore(startersKey(prefix), '-inf', Date.now());
  return (await redis.zcard(startersKey(prefix))) > 0;
}
