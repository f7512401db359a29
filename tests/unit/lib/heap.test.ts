import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { hasOwnHeapGrowth } from '../../../src/lib/heap.js';
import { projectRoot } from '../../helpers/paths.js';

const run = promisify(execFile);
const CHURN = join(projectRoot, 'tests', 'helpers', 'heap-churn.ts');

interface ChurnResult {
  limited: boolean;
  maxHeapMb: number;
}

async function churn(nodeFlags: string[], mode?: 'limit'): Promise<ChurnResult> {
  const { stdout } = await run(process.execPath, [...nodeFlags, '--import', 'tsx', CHURN, ...(mode ? [mode] : [])], {
    cwd: projectRoot,
  });
  return JSON.parse(stdout) as ChurnResult;
}

test('a --heap-growing-percent given to node is recognised, in either spelling', () => {
  expect(hasOwnHeapGrowth(['--heap-growing-percent=300'])).toBe(true);
  expect(hasOwnHeapGrowth(['--heap_growing_percent', '50'])).toBe(true);
  expect(hasOwnHeapGrowth(['--import', 'tsx', '--max-old-space-size=512'])).toBe(false);
  expect(hasOwnHeapGrowth(['--heap-growing-percentage=3'])).toBe(false);
  expect(hasOwnHeapGrowth([])).toBe(false);
});

test("limitHeapGrowth keeps the old generation near twice its live size; an operator's own flag wins", async () => {
  // Each in its own process: the flag is process-wide.
  const [free, limited, operator] = await Promise.all([
    churn([]),
    churn([], 'limit'),
    churn(['--heap-growing-percent=300'], 'limit'),
  ]);
  expect(free.limited).toBe(false);
  expect(limited.limited).toBe(true);
  expect(operator.limited).toBe(false);
  // Measured: ~245 MB free, ~135-155 MB limited (a ~40 MB live set plus ~8 batches in flight).
  expect(limited.maxHeapMb).toBeLessThan(free.maxHeapMb * 0.8);
}, 60_000);
