// A lock file holding the PID of the process running a cycle, so cron never starts two
// at once. A lock whose process is gone (killed, crashed, machine rebooted) is stale and
// taken over.
//
// The lock appears with its PID already in it (written to a temp file, then hard-linked
// into place, which fails if a lock exists), so no one ever reads an empty lock. A stale
// lock is moved aside by an atomic rename before it is judged, so two processes taking
// over the same stale lock cannot delete each other's fresh one.

import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FeedwrightError } from '../lib/errors.js';
import { isProcessAlive } from '../lib/process.js';

export interface RunLock {
  path: string;
  release(): Promise<void>;
}

function lockError(path: string, message: string, cause?: unknown): FeedwrightError {
  return new FeedwrightError('IO', `${path}: ${message}`, { stage: 'schedule', cause });
}

async function tryCreate(path: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temp, `${process.pid}\n`);
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw lockError(path, 'lock file cannot be created', error);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readOwner(path: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isNaN(pid) ? 0 : pid;
}

/** Moves a stale lock aside; puts it back (and reports its owner) if it turned out live. */
async function takeOverStale(path: string): Promise<number | undefined> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return undefined; // gone already: someone else took it over, or released it
  }
  const owner = await readOwner(aside);
  if (owner !== undefined && owner !== process.pid && isProcessAlive(owner)) {
    await link(aside, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return owner;
  }
  await unlink(aside).catch(() => undefined);
  return undefined;
}

function locked(path: string, owner: number): FeedwrightError {
  return new FeedwrightError('LOCKED', `another feedwright run is in progress (pid ${owner}, lock ${path})`, {
    stage: 'schedule',
  });
}

export async function acquireRunLock(path: string): Promise<RunLock> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await tryCreate(path)) {
      return {
        path,
        // Only our own lock is removed, never one another process holds by now.
        release: async () => {
          if ((await readOwner(path)) === process.pid) await unlink(path).catch(() => undefined);
        },
      };
    }
    const owner = await readOwner(path);
    if (owner !== undefined && owner !== process.pid && isProcessAlive(owner)) throw locked(path, owner);
    const live = await takeOverStale(path);
    if (live !== undefined) throw locked(path, live);
  }
  throw new FeedwrightError('LOCKED', `${path}: lock file could not be taken over`, { stage: 'schedule' });
}
