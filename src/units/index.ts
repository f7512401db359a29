// The units folder's door: the two units of work, plain functions of their input and a
// WorkContext (state store, HTTP client, extractor). pipeline.ts runs them in one
// process; a queue worker on another machine would call the same two.

export { processSourceFeed, type ItemHandler } from './process-source-feed.js';
export { processItemPage } from './process-item-page.js';
export { processItemUpdate } from './process-item-update.js';
export { processItemTask } from './process-item-task.js';
export {
  createWorkContext,
  isItemDone,
  isUpdateOutcome,
  type ItemOutcome,
  type ItemTask,
  type SourceOutcome,
  type WorkContext,
} from './work-context.js';
export { countOutcome, isRunFailed, logRunSummary, newReport, summaryFields, type RunReport } from './run-report.js';
