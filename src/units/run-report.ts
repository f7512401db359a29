// What one cycle did, counted the same way wherever its units of work ran: in this process
// (pipeline.ts) or on queue workers (queue/), whose summary line must read the same.

import type { Logger } from '../lib/log.js';
import type { PublishReport } from '../publish/index.js';
import { isUpdateOutcome, type SourceOutcome } from './work-context.js';

export interface RunReport {
  sourcesTotal: number;
  sourcesDue: number;
  sourcesOk: number;
  sourcesNotModified: number;
  sourcesFailed: number;
  newItems: number;
  articlesWritten: number;
  articlesFailed: number;
  duplicates: number;
  feedFallbacks: number;
  /** Articles rewritten for an edit at the source (issue 16). */
  articlesUpdated: number;
  publish?: PublishReport;
  /** Set when publishing was attempted and failed (the outputs were not updated). */
  publishFailed?: boolean;
  durationMs: number;
}

export function newReport(): RunReport {
  return {
    sourcesTotal: 0,
    sourcesDue: 0,
    sourcesOk: 0,
    sourcesNotModified: 0,
    sourcesFailed: 0,
    newItems: 0,
    articlesWritten: 0,
    articlesFailed: 0,
    duplicates: 0,
    feedFallbacks: 0,
    articlesUpdated: 0,
    durationMs: 0,
  };
}

export function countOutcome(report: RunReport, outcome: SourceOutcome | undefined): void {
  if (outcome?.kind === 'not-modified') report.sourcesNotModified += 1;
  if (outcome?.kind === 'failed') report.sourcesFailed += 1;
  if (outcome?.kind !== 'ok') return;
  report.sourcesOk += 1;
  report.newItems += outcome.items.filter((item) => !isUpdateOutcome(item)).length;
  for (const item of outcome.items) {
    if (item.kind === 'updated') report.articlesUpdated += 1;
    if ('method' in item && item.method === 'feed') report.feedFallbacks += 1;
    if (item.kind === 'written') report.articlesWritten += 1;
    if (item.kind === 'duplicate') report.duplicates += 1;
    if (item.kind === 'failed') report.articlesFailed += 1;
  }
}

/**
 * DESIGN.md's exit rule: a run fails when every due source failed; and when the feeds
 * could not be published, since readers would not see what the run stored.
 */
export function isRunFailed(report: RunReport): boolean {
  return (report.sourcesDue > 0 && report.sourcesFailed === report.sourcesDue) || report.publishFailed === true;
}

export function summaryFields(report: RunReport): Record<string, unknown> {
  return {
    sources: report.sourcesDue,
    ok: report.sourcesOk,
    notModified: report.sourcesNotModified,
    failed: report.sourcesFailed,
    newItems: report.newItems,
    written: report.articlesWritten,
    articleErrors: report.articlesFailed,
    duplicates: report.duplicates,
    feedFallbacks: report.feedFallbacks,
    published: report.publishFailed ? 'failed' : report.publish ? report.publish.written.length : 0,
    durationMs: report.durationMs,
    updated: report.articlesUpdated,
  };
}

/**
 * The summary line of a cycle (`what`: "Run" or "Cycle"), written whatever the log level
 * (cron runs with --quiet); true when the cycle failed.
 */
export function logRunSummary(logger: Logger, report: RunReport, what: string): boolean {
  const failed = isRunFailed(report);
  const message = !failed
    ? `${what} finished`
    : report.publishFailed
      ? `${what} failed: feeds not published`
      : `${what} failed: every source failed`;
  (failed ? logger.error : logger.summary)(message, summaryFields(report));
  return failed;
}
