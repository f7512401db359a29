// Atomic file writes: write a sibling temp file, fsync, then rename over the target,
// so a reader (or a crash) never sees half a file. Never through a symlink: the temp file
// is created exclusively (a planted link is not followed), rename replaces a link at the
// target instead of writing where it points, and with `root` a folder reached through a
// symlink leading out of `root` is refused (confine-path.ts).

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { assertFolderInside } from './confine-path.js';
import type { Stage } from './errors.js';
import { isProcessAlive } from './process.js';

export interface WriteOptions {
  /** The folder the file must stay in: no symlink below it may lead out of it. */
  root?: string;
  /** The stage named by a refusal. */
  stage?: Stage;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  if (options.root) await assertFolderInside(options.root, dirname(path), options.stage ?? 'store');
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
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
export async function writeFileIfChanged(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<boolean> {
  const next = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  // A symlink at the target is not read (O_NOFOLLOW): it counts as changed and is replaced.
  const current = await readFile(path, { flag: constants.O_RDONLY | constants.O_NOFOLLOW }).catch(() => undefined);
  if (current?.equals(next)) return false;
  await writeFileAtomic(path, next, options);
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

/** The temp-file paths in `dir` (and its real subfolders when `recursive`; a symlinked folder is not entered). */
async function findTempFiles(dir: string, recursive: boolean): Promise<string[]> {
  const found: string[] = [];
  const folders = [dir];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && recursive) folders.push(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && TEMP_FILE.test(entry.name)) found.push(path);
    }
  }
  return found;
}

/**
 * Removes temp files that a killed process left behind in `dir` (and its subfolders when
 * `recursive`): those of writeFileAtomic whose writer's PID is no longer running. A
 * symlinked folder is never entered, so nothing outside `dir` is deleted (a symlink
 * named like a temp file is removed itself, not what it points to). Returns how many.
 */
export async function removeStaleTempFiles(dir: string, options: { recursive?: boolean } = {}): Promise<number> {
  let removed = 0;
  for (const path of await findTempFiles(dir, options.recursive ?? false)) {
    const match = TEMP_FILE.exec(basename(path));
    if (!match || isProcessAlive(Number(match[1]))) continue;
    await unlink(path).then(
      () => (removed += 1),
      () => undefined,
    );
  }
  return removed;
}
