// A lock file holding the PID of the process running a cycle, so cron never starts two
// at once. A lock whose process is gone (killed, crashed, machine rebooted) is stale and
// taken over.

import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FeedwrightError } from '../lib/errors.js';
import { isProcessAlive } from '../lib/process.js';

export interface RunLock {
  path: string;
  release(): Promise<void>;
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new FeedwrightError('IO', `${path}: lock file cannot be created`, { stage: 'schedule', cause: error });
  }
}

async function readOwner(path: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isNaN(pid) ? 0 : pid;
}

export async function acquireRunLock(path: string): Promise<RunLock> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await tryCreate(path)) {
      return { path, release: () => unlink(path).catch(() => undefined) };
    }
    const owner = await readOwner(path);
    if (owner !== undefined && owner !== process.pid && isProcessAlive(owner)) {
      throw new FeedwrightError('LOCKED', `another feedwright run is in progress (pid ${owner}, lock ${path})`, {
        stage: 'schedule',
      });
    }
    // Stale: its process is gone (or it is our own leftover). Take it over.
    await unlink(path).catch(() => undefined);
  }
  throw new FeedwrightError('LOCKED', `${path}: lock file could not be taken over`, { stage: 'schedule' });
}
