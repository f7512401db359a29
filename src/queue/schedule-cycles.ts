// `feedwright start` in queue mode: one BullMQ job scheduler, "cycle", on `schedule`. A
// scheduler is one record in Redis, so any number of `start` processes on any number of
// machines keep the same one (each start updates it to its configuration's schedule) and a
// tick gives one cycle job, run by some worker. The first cycle at start-up is a job too,
// its id from the minute, so starts in the same minute queue it once.

import type { Queues } from './open-queues.js';
import type { CycleJobData } from './queue-jobs.js';

export const CYCLE_SCHEDULER_ID = 'cycle';

export async function scheduleCycles(
  queues: Queues,
  schedule: string,
  options: { initialRun?: boolean; now?: () => Date } = {},
): Promise<void> {
  await queues.cycles.upsertJobScheduler(
    CYCLE_SCHEDULER_ID,
    { pattern: schedule },
    {
      name: 'cycle',
      data: {} satisfies CycleJobData,
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    },
  );
  if (options.initialRun === false) return;
  const minute = Math.floor((options.now ?? (() => new Date()))().getTime() / 60_000);
  await queues.cycles.add('cycle', {} satisfies CycleJobData, {
    jobId: `cycle-start-${minute}`,
    removeOnComplete: { count: 100 },
  });
}
