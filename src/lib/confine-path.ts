// Paths kept inside their folder (issue 13): a symlink under `feeds/` or `data/articles/`
// that leads out of it is never written through, deleted through or published. The folder
// itself is the operator's (it may be a symlink); what is under it may have been placed
// there by anyone who can write to it, so each component below it is checked with lstat,
// and a symlink is followed only when its real path stays inside the folder's real path.

import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { FeedwrightError, type Stage } from './errors.js';

/** True when `path` is `root` or inside it (both already real paths, or both as written). */
export function isInsideFolder(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** True when `path` (a symlink or not) really is `root` or under it; false when it cannot be resolved. */
export async function isInsideRealFolder(root: string, path: string): Promise<boolean> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(path)]);
    return isInsideFolder(realRoot, real);
  } catch {
    return false;
  }
}

/**
 * Throws IO when `dir` is not under `root`, or when a component of it below `root` is a
 * symlink leading out of `root`. Components that do not exist yet are fine: mkdir makes
 * real folders.
 */
export async function assertFolderInside(root: string, dir: string, stage: Stage): Promise<void> {
  const rel = relative(root, dir);
  const refuse = (why: string) => new FeedwrightError('IO', `${dir}: refused to write, ${why}`, { stage });
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw refuse(`not under ${root}`);
  let current = root;
  for (const part of rel.split(sep).filter(Boolean)) {
    current = join(current, part);
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!info) return;
    if (info.isSymbolicLink() && !(await isInsideRealFolder(root, current)))
      throw refuse(`${current} is a symlink leading out of ${root}`);
  }
}
