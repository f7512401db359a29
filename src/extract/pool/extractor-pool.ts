// Runs extractArticle off the event loop on a small worker_threads pool, so parsing a
// large page never stalls fetching. `workers: 0` runs inline (tests, tiny runs).
// The worker is TypeScript when this file is (tsx, vitest) and JavaScript when built.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FeedwrightError } from '../../lib/errors.js';
import type { ExtractedArticle } from '../../types.js';
import { extractArticle } from '../extract-article.js';
import type { ExtractInput } from '../extract-article.js';
import type { WorkerReply, WorkerRequest } from './extract-worker.js';

export interface Extractor {
  extract(input: ExtractInput): Promise<ExtractedArticle>;
  close(): Promise<void>;
}

interface Task {
  request: WorkerRequest;
  resolve: (article: ExtractedArticle) => void;
  reject: (error: Error) => void;
}

/**
 * A page that keeps a worker busy longer than this is abandoned and its worker replaced
 * (config `extract.timeoutMs` gives it; the default matches the config's). A worker is
 * preemptible; extraction inline (`workers: 0`) has no time budget beyond the node and
 * text budgets (load-document.ts, render-body.ts).
 */
const EXTRACT_TIMEOUT_MS = 10_000;

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./extract-worker.js', import.meta.url));
  // Source run (tsx, vitest): on Node 20 a worker does not get ESM loader hooks (`--import
  // tsx` fails on the .ts entry), so the worker registers tsx's in-thread CommonJS hook
  // and requires the TypeScript worker through it.
  const tsxCjs = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./extract-worker.ts', import.meta.url));
  const bootstrap = `require(${JSON.stringify(tsxCjs)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true });
}

/** A page's bytes move to the worker instead of being copied, when their buffer is theirs alone. */
function transferList(request: WorkerRequest): ArrayBuffer[] {
  const { html } = request.input;
  if (typeof html === 'string') return [];
  const { buffer, byteOffset, byteLength } = html.bytes;
  // Small Buffers share Node's allocation pool: moving that would empty other Buffers.
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? [buffer] : [];
}

function failure(task: Task, message: string, cause?: unknown): FeedwrightError {
  return new FeedwrightError('EXTRACT', message, { stage: 'extract', url: task.request.input.url, cause });
}

function createPool(size: number, timeoutMs: number): Extractor {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        // A hung page: fail it and replace the worker (its exit handler respawns).
        if (slot.task !== task) return;
        slot.task = undefined;
        task.reject(failure(task, `Extraction took longer than ${timeoutMs} ms`));
        void slot.worker.terminate();
      }, timeoutMs);
      slot.worker.postMessage(task.request, transferList(task.request));
    }
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker() };
    slot.worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      slot.task = undefined;
      clearTimeout(slot.timer);
      if (task && 'article' in reply) task.resolve(reply.article);
      else if (task && 'error' in reply) task.reject(failure(task, reply.error));
      dispatch();
    });
    slot.worker.on('error', (error) => {
      if (slot.task) slot.task.reject(failure(slot.task, 'Extraction worker failed', error));
      slot.task = undefined;
    });
    slot.worker.on('exit', () => {
      clearTimeout(slot.timer);
      if (slot.task) slot.task.reject(failure(slot.task, 'Extraction worker exited'));
      slot.task = undefined;
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (!closed) {
        slots.push(spawn());
        dispatch();
      }
    });
    return slot;
  };

  return {
    extract(input) {
      if (closed)
        return Promise.reject(
          new FeedwrightError('EXTRACT', 'Extractor is closed', { stage: 'extract', url: input.url }),
        );
      if (slots.length === 0) for (let index = 0; index < size; index += 1) slots.push(spawn());
      return new Promise<ExtractedArticle>((resolve, reject) => {
        queue.push({ request: { id: nextId++, input }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(failure(task, 'Extractor closed before the page was extracted'));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}

export function createExtractor(options: { workers: number; timeoutMs?: number }): Extractor {
  if (options.workers > 0) return createPool(Math.floor(options.workers), options.timeoutMs ?? EXTRACT_TIMEOUT_MS);
  return {
    extract: async (input) => extractArticle(input),
    close: async () => undefined,
  };
}
