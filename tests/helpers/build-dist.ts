// Vitest global setup: builds dist/ (npm run build) before any test runs, so the CLI tests
// start the compiled `feedwright` exactly as an installed package runs it, never a stale build.
import { execFileSync } from 'node:child_process';
import { projectRoot } from './paths.js';

export default function buildDist(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: 'inherit' });
}
