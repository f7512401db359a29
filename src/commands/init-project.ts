// `feedwright init [DIR]`: writes the starter configuration (the files shipped in the
// package's config/ folder) into DIR/config/, so a global install has something to start
// from. It never overwrites: if either file is already there, nothing is written.

import { constants } from 'node:fs';
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FeedwrightError } from '../lib/errors.js';

/** The package's own config/ folder: beside src/ in a clone, beside dist/ when installed. */
const STARTER_DIR = fileURLToPath(new URL('../../config/', import.meta.url));
const STARTER_FILES = ['feedwright.yaml', 'site-rules.yaml'] as const;

export interface InitResult {
  written: string[];
}

export async function initProject(dir: string): Promise<InitResult> {
  const configDir = join(resolve(dir), 'config');
  const targets = STARTER_FILES.map((name) => join(configDir, name));
  for (const target of targets) {
    const exists = await lstat(target).then(
      () => true,
      () => false,
    );
    if (exists)
      throw new FeedwrightError('IO', `${target} already exists: init never overwrites (nothing was written)`, {
        stage: 'cli',
      });
  }
  await mkdir(configDir, { recursive: true });
  // COPYFILE_EXCL: a file that appeared since the check is still not overwritten.
  for (const [index, name] of STARTER_FILES.entries()) {
    await copyFile(join(STARTER_DIR, name), targets[index], constants.COPYFILE_EXCL);
  }
  return { written: targets };
}
