// `feedwright run`: one cycle under the run lock, with a summary line at the end.

import type { ResolvedConfig } from '../config/index.js';
import type { Logger } from '../lib/log.js';
import { runOnce, type RunProgress, type RunReport } from '../pipeline.js';
import { logRunSummary } from '../units/index.js';

export { summaryFields } from '../units/index.js';
import { acquireRunLock } from '../schedule/index.js';

/** A progress line on a terminal, redrawn in place; nothing when not a terminal. */
function terminalProgress(enabled: boolean): { update(progress: RunProgress): void; end(): void } {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update: () => undefined, end: () => undefined };
  let drawn = false;
  return {
    update(progress) {
      drawn = true;
      stream.write(
        `\r\x1b[Ksources ${progress.sourcesDone}/${progress.sourcesTotal}, articles written ${progress.articlesWritten}`,
      );
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

/** Runs one locked cycle; returns the exit status DESIGN.md asks for. */
export async function runLockedCycle(
  config: ResolvedConfig,
  logger: Logger,
  options: { force?: boolean; publish?: boolean; progress?: boolean; signal?: AbortSignal } = {},
): Promise<{ report: RunReport; exitCode: number }> {
  const lock = await acquireRunLock(config.paths.lock);
  const progress = terminalProgress(options.progress ?? false);
  try {
    const report = await runOnce(config, {
      logger,
      force: options.force,
      publish: options.publish,
      signal: options.signal,
      onProgress: (p) => progress.update(p),
    });
    progress.end();
    const failed = logRunSummary(logger, report, 'Run');
    return { report, exitCode: failed ? 1 : 0 };
  } finally {
    progress.end();
    await lock.release();
  }
}
