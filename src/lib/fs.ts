// Atomic file writes: write a sibling temp file, fsync, then rename over the target,
// so a reader (or a crash) never sees half a file.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { isProcessAlive } from './process.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes only when the bytes differ from what is on disk, so an unchanged output keeps
 * its mtime (readers polling with If-Modified-Since get "not modified").
 * Returns true when the file was written.
 */
export async function writeFileIfChanged(path: string, data: string | Uint8Array): Promise<boolean> {
  const next = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  const current = await readFile(path).catch(() => undefined);
  if (current?.equals(next)) return false;
  await writeFileAtomic(path, next);
  return true;
}

export async function readFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temp files that a killed process left behind in `dir` (and its subfolders when
 * `recursive`): those of writeFileAtomic whose writer's PID is no longer running.
 * Returns how many.
 */
export async function removeStaleTempFiles(dir: string, options: { recursive?: boolean } = {}): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive: options.recursive ?? false });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = TEMP_FILE.exec(basename(name));
    if (!match || isProcessAlive(Number(match[1]))) continue;
    await unlink(join(dir, name)).then(
      () => (removed += 1),
      () => undefined,
    );
  }
  return removed;
}
