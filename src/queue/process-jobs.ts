// What a worker does with each kind of job: the same two units of work as one process
// runs (src/units/), the feed job spawning a page job per new or changed item and waiting
// for them.
// A page job that did not finish its item throws, so BullMQ tries it again and, at the
// end, keeps it in the failed set with its error.

import { Job, UnrecoverableError } from 'bullmq';
import { describeError } from '../lib/errors.js';
import {
  processItemTask,
  processSourceFeed,
  type ItemOutcome,
  type ItemTask,
  type SourceOutcome,
  type WorkContext,
} from '../units/index.js';
import { addOrJoin, waitForJob, type Queues } from './open-queues.js';
import { findJobSource, JOB_OPTIONS, pageJobId, type FeedJobData, type PageJobData } from './queue-jobs.js';

/** BullMQ's lowest priority (2^21). */
const MAX_PRIORITY = 2 ** 21;

function jobSource(ctx: WorkContext, key: string) {
  const source = findJobSource(ctx.config, key);
  // Not retried: another try on this worker would not find it either.
  if (!source) throw new UnrecoverableError(`source ${key} is not an enabled source of this worker's configuration`);
  return source;
}

export async function processFeedJob(job: Job<FeedJobData>, ctx: WorkContext, queues: Queues): Promise<SourceOutcome> {
  const source = jobSource(ctx, job.data.source);
  // GUID collisions are told within one feed job (the sources of a cycle run apart).
  return processSourceFeed(source, { ...ctx, guidOwners: new Map() }, (tasks) =>
    runPageJobs(job, queues, tasks, ctx.signal),
  );
}

/**
 * The feed job's items as page jobs, waited for. Their ids are kept in the feed job's data
 * first: when the job is tried again (its worker died), the items an earlier try already
 * stored are no longer new, and their outcomes are read back from their jobs, so the
 * cycle's summary counts them as one process would.
 */
async function runPageJobs(
  feedJob: Job<FeedJobData>,
  queues: Queues,
  tasks: ItemTask[],
  signal?: AbortSignal,
): Promise<ItemOutcome[]> {
  const source = feedJob.data.source;
  const ids = tasks.map(pageJobId);
  const earlier = (feedJob.data.pages ?? []).filter((id) => !ids.includes(id));
  await feedJob.updateData({ ...feedJob.data, pages: [...earlier, ...ids] });
  const jobs = await Promise.all(
    tasks.map(({ item, update }, i) =>
      addOrJoin<PageJobData>(
        queues.pages,
        'page',
        { source, item, ...(update ? { update } : {}) },
        ids[i]!,
        // Every feed's first page before any feed's second: the pages of one host do not
        // fill a worker's slots, waiting for that host's leases, while other hosts wait.
        { ...JOB_OPTIONS.pages, priority: Math.min(i + 1, MAX_PRIORITY) },
      ),
    ),
  );
  // An earlier try's page jobs may still be finishing (stored, not yet completed): waited for.
  const done = await Promise.all(
    earlier.map(async (id) => {
      const job = await Job.fromId(queues.pages, id);
      return job && waitForJob<ItemOutcome>(job, queues.events.pages, signal).catch(() => undefined);
    }),
  );
  const outcomes = await Promise.all(
    jobs.map((job) =>
      waitForJob<ItemOutcome>(job, queues.events.pages, signal).catch((error: unknown): ItemOutcome => {
        if (signal?.aborted) throw error;
        return { kind: 'failed', error: describeError(error) };
      }),
    ),
  );
  const stored = done.flatMap((outcome) => (outcome ? [outcome] : []));
  return [...stored, ...outcomes];
}

export async function processPageJob(job: Job<PageJobData>, ctx: WorkContext): Promise<ItemOutcome> {
  const task = { item: job.data.item, update: job.data.update === true };
  const outcome = await processItemTask(jobSource(ctx, job.data.source), task, ctx);
  if (outcome.kind === 'stopped') throw new Error('The worker stopped before the item was stored (handed back)');
  if (outcome.kind === 'failed') throw new Error(outcome.error ?? 'Unable to store article');
  // Held by a claim whose worker died, or is storing it now: tried again after the backoff.
  if (outcome.kind === 'duplicate' && outcome.slug === '')
    throw new Error('Another worker holds this item; tried again');
  // Stored by an earlier try of this job (its worker died before the job completed): the
  // item was written, and the cycle counts it so, as one process would.
  if (outcome.kind === 'duplicate' && outcome.ofItem)
    return { kind: 'written', slug: outcome.slug, method: outcome.method };
  return outcome;
}
