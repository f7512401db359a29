// The queue scenario runs the built command (bin/feedwright.js runs dist/cli.js), as an
// operator would: build dist/ first when a source file is newer than it, or it is missing.

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './corpus-pages.js';

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureDist(): void {
  const built = statSync(join(projectRoot, 'dist', 'cli.js'), { throwIfNoEntry: false });
  if (built && built.mtimeMs >= newestMtimeMs(join(projectRoot, 'src'))) return;
  process.stderr.write('building dist/ (npm run build) for the queue scenario ...\n');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: 'inherit' });
}
