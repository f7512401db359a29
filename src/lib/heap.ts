// How far V8 lets a heap grow between full collections. By default the old generation may
// reach up to 4x what survived the last collection when collecting is cheap: on a run that
// streams thousands of pages through, that slack is garbage kept as resident memory.
// feedwright's processes cap the growth at 2x (bench/: a cold cycle of 5,000 articles went
// from 352 to 291 MB peak RSS at the same CPU per article; 1.5x cost 15% more CPU). V8 reads
// the flag at every collection and it is process-wide, so it holds for the extraction
// workers too. A `--heap-growing-percent` given to node on the command line is left alone
// (node does not take it from NODE_OPTIONS).

import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

const FLAG = '--heap-growing-percent';

/** True when node was started with its own heap growth setting. */
export function hasOwnHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
}

/** Caps old-generation growth at HEAP_GROWING_PERCENT over the live size; returns whether it did. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (hasOwnHeapGrowth(execArgv)) return false;
  v8.setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
  return true;
}
