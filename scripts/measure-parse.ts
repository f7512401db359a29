// Prints the median parse time per feed of the real-world corpus and the corpus counts
// (parsed / rejected by code). Run: npx tsx scripts/measure-parse.ts
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBody } from '../src/lib/decode-body.js';
import { isFeedwrightError } from '../src/lib/errors.js';
import { parseFeed } from '../src/parse/parse-feed.js';

const corpusDir = fileURLToPath(new URL('../tests/corpus/', import.meta.url));
const RUNS = 15;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const realWorld = walk(join(corpusDir, 'feeds', 'real-world')).filter((f) => !/LICENSE|README/i.test(f));
console.log('median parse ms per feed (feeds/real-world):');
const medians: number[] = [];
for (const file of realWorld) {
  const { text } = decodeBody(readFileSync(file), undefined, 'feed');
  const times: number[] = [];
  let items = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    try {
      items = parseFeed(text, { url: 'https://example.com/feed' }).items.length;
    } catch {
      items = -1;
    }
    times.push(performance.now() - start);
  }
  medians.push(median(times));
  console.log(
    `  ${relative(corpusDir, file)}: ${median(times).toFixed(2)} ms, ${items < 0 ? 'rejected' : `${items} items`}`,
  );
}
console.log(`median of medians: ${median(medians).toFixed(2)} ms over ${realWorld.length} feeds`);

const all = [
  ...walk(join(corpusDir, 'feeds')),
  ...walk(join(corpusDir, 'techcrunch')).filter((f) => f.endsWith('.xml')),
].filter((f) => !/LICENSE|README/i.test(f));
const counts: Record<string, number> = { parsed: 0 };
for (const file of all) {
  try {
    parseFeed(decodeBody(readFileSync(file), undefined, 'feed').text, { url: 'https://example.com/feed' });
    counts.parsed++;
  } catch (error) {
    const key = isFeedwrightError(error) ? error.code : 'CRASH';
    counts[key] = (counts[key] ?? 0) + 1;
  }
}
console.log(`corpus: ${all.length} files`, counts);
