// Unit of work 2, whichever the item: a new one is stored (process-item-page.ts), a changed
// one updated (process-item-update.ts). What one process and a queue worker both call.

import type { SourceConfig } from '../config/index.js';
import { processItemPage } from './process-item-page.js';
import { processItemUpdate } from './process-item-update.js';
import type { ItemOutcome, ItemTask, WorkContext } from './work-context.js';

export function processItemTask(source: SourceConfig, task: ItemTask, ctx: WorkContext): Promise<ItemOutcome> {
  return task.update ? processItemUpdate(source, task.item, ctx) : processItemPage(source, task.item, ctx);
}
