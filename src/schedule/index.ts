// The schedule folder's door: the daemon (cron ticks that never overlap) and the run lock.
// When a source is next due is the polling policy, in state/source-schedule.ts.

export { startDaemon, type Daemon, type RunCycle } from './start-daemon.js';
export { acquireRunLock, type RunLock } from './run-lock.js';
