// Run as its own process by tests/unit/lib/heap.test.ts: a live set, then batches of objects
// that outlive many young-generation collections (as requests waiting on the network do)
// and die in the old generation. Prints the largest heap seen, in MB, as JSON.
// Argument "limit": call limitHeapGrowth() first, as the CLI does.

import { limitHeapGrowth } from '../../src/lib/heap.js';

const limited = process.argv[2] === 'limit' ? limitHeapGrowth() : false;
const live: Array<{ index: number; text: string }> = [];
for (let index = 0; index < 100_000; index += 1) live.push({ index, text: `${'x'.repeat(50)}${index}` });
const pending: unknown[][] = [];
let maxHeap = 0;
for (let round = 0; round < 150; round += 1) {
  const batch: unknown[] = [];
  for (let index = 0; index < 5_000; index += 1)
    batch.push({ index, values: new Array(16).fill(index), text: `${'y'.repeat(20)}${index}` });
  pending.push(batch);
  if (pending.length > 8) pending.shift();
  maxHeap = Math.max(maxHeap, process.memoryUsage().heapTotal);
}
process.stdout.write(`${JSON.stringify({ limited, maxHeapMb: Math.round(maxHeap / 1048576), live: live.length })}\n`);
