// What `feedwright status` adds in queue mode: the jobs in each queue by state, the
// workers connected, and the jobs that ended in the failed set with their errors.

import type { Queues } from './open-queues.js';
import { QUEUE_NAMES } from './queue-jobs.js';

export interface FailedJob {
  queue: string;
  id: string;
  /** What the job was about: the source, or the item's link. */
  about: string;
  attempts: number;
  error: string;
  failedAt: string | null;
}

export interface QueueStatus {
  workers: number;
  counts: Record<string, Record<string, number>>;
  failed: FailedJob[];
}

const SHOWN_FAILURES = 20;

export async function collectQueueStatus(queues: Queues): Promise<QueueStatus> {
  const named = [QUEUE_NAMES.feeds, QUEUE_NAMES.pages, QUEUE_NAMES.publish, QUEUE_NAMES.cycles] as const;
  const counts: QueueStatus['counts'] = {};
  const failed: FailedJob[] = [];
  for (const name of named) {
    const queue = queues[name];
    counts[name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    for (const job of await queue.getFailed(0, SHOWN_FAILURES - 1)) {
      const data = job.data as { source?: string; item?: { url?: string; title?: string } };
      failed.push({
        queue: name,
        id: job.id ?? '',
        about: data.item?.url ?? data.item?.title ?? data.source ?? '',
        attempts: job.attemptsMade,
        error: job.failedReason ?? '',
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      });
    }
  }
  return { workers: await queues.pages.getWorkersCount(), counts, failed };
}

export function formatQueueStatus(status: QueueStatus): string {
  const lines = [`Queue: ${status.workers} worker connection(s)`];
  for (const [name, count] of Object.entries(status.counts))
    lines.push(
      `  ${name.padEnd(8)} waiting ${count.waiting ?? 0}, active ${count.active ?? 0}, delayed ${count.delayed ?? 0}, failed ${count.failed ?? 0}`,
    );
  if (status.failed.length > 0) {
    lines.push('', 'Failed jobs:');
    for (const job of status.failed)
      lines.push(
        `  ${job.queue} ${job.about || job.id}: ${job.error} (${job.attempts} attempts, ${job.failedAt ?? '?'})`,
      );
  }
  return lines.join('\n');
}
