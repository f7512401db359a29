// The daemon (`feedwright start`): cycles on the configured node-cron schedule, one at a
// time (node-cron's noOverlap plus our own guard, since the first cycle runs outside
// cron). A tick never throws: a failing cycle is logged and the next tick runs.
// stop() (wired to SIGINT/SIGTERM by the CLI) stops the schedule, asks the running cycle
// to stop starting new work, and resolves once its writes are done.

import cron from 'node-cron';
import type { ResolvedConfig } from '../config/index.js';
import { describeError, isFeedwrightError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';

/** One cycle under the run lock (commands/run-command.ts's runLockedCycle, passed in by the CLI). */
export type RunCycle = (signal: AbortSignal) => Promise<unknown>;

export interface Daemon {
  /** Resolves when the daemon has stopped (after stop() and the current cycle). */
  done: Promise<void>;
  stop(reason: string): Promise<void>;
}

export function startDaemon(
  config: ResolvedConfig,
  logger: Logger,
  runCycle: RunCycle,
  options: { initialRun?: boolean } = {},
): Daemon {
  let current: Promise<void> | undefined;
  let completed = 0;
  let stopping = false;
  const controller = new AbortController();
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const cycle = async (trigger: string) => {
    if (current || stopping) {
      logger.warn('Cycle skipped, the previous one is still running', { trigger });
      return;
    }
    current = (async () => {
      try {
        await runCycle(controller.signal);
      } catch (error) {
        logger.error('Cycle failed', {
          trigger,
          code: isFeedwrightError(error) ? error.code : undefined,
          err: describeError(error),
        });
      } finally {
        completed += 1;
        current = undefined;
      }
    })();
    await current;
  };

  const task = cron.schedule(config.schedule, () => cycle('schedule'), { noOverlap: true, name: 'feedwright' });
  logger.info('Daemon started', { schedule: config.schedule, pid: process.pid });
  if (options.initialRun !== false) void cycle('start');

  return {
    done,
    async stop(reason) {
      if (stopping) return done;
      stopping = true;
      logger.info('Daemon stopping, letting the current cycle finish', { reason });
      await task.stop();
      await task.destroy();
      controller.abort();
      await current;
      logger.info('Daemon stopped', { cycles: completed });
      finish();
      return done;
    },
  };
}
