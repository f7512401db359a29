// Worker-thread side of the extractor pool: runs extractArticle for each message.

import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract-article.js';
import type { ExtractInput } from '../extract-article.js';

export interface WorkerRequest {
  id: number;
  input: ExtractInput;
}

export type WorkerReply = { id: number; article: ReturnType<typeof extractArticle> } | { id: number; error: string };

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, article: extractArticle(request.input) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
