// Reports each fetch to an optional recorder (the metrics, issue 15 item 7): one observation
// per call of the client, after its retries and redirects, with its outcome (`ok`,
// `not_modified`, `aborted`, or the error code in lower case), last status and duration.
// Without a recorder the call runs untouched.

import { isFeedwrightError } from '../lib/errors.js';
import type { FetchObservation } from '../types.js';

export type FetchRecorder = (observation: FetchObservation) => void;

export async function observeFetch<T extends { status: number; notModified?: boolean }>(
  record: FetchRecorder | undefined,
  kind: FetchObservation['kind'],
  signal: AbortSignal | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (!record) return run();
  const startedAt = performance.now();
  const durationMs = () => Math.round(performance.now() - startedAt);
  try {
    const result = await run();
    record({
      kind,
      outcome: result.notModified ? 'not_modified' : 'ok',
      status: result.status,
      durationMs: durationMs(),
    });
    return result;
  } catch (error) {
    const known = isFeedwrightError(error) ? error : undefined;
    const outcome = signal?.aborted ? 'aborted' : (known?.code.toLowerCase() ?? 'unknown');
    record({ kind, outcome, status: known?.status, durationMs: durationMs() });
    throw error;
  }
}
