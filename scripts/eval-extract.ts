// Scores the GENERIC extractor (no site rules, no feed item) against the article corpus
// in tests/corpus/articles with the Zyte article-extraction benchmark's method, and
// Mozilla Readability (on linkedom) over the same pages in the same run. Speed is measured
// two ways, both single-threaded and over the same pages:
// - shared process: both in one process, whole passes taking turns, a forced garbage
//   collection before each pass (each pays for its own garbage; the forced collection
//   also slows the first pages after it);
// - own process: each extractor alone in a child process, as in feedwright's extraction
//   worker, steady state without forced collections; children alternate (A, B, A, B).
//   npm run eval:extract [-- --worst 10 --rounds 5]

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/extract/extract-article.js';

interface Page {
  id: string;
  url: string;
  /** The page as served: each engine decodes it its own way, inside its timing. */
  bytes: Buffer;
  truth: string;
}

interface PageScore {
  id: string;
  precision: number;
  recall: number;
  fp: number;
  fn: number;
}

const corpusDir = resolve(fileURLToPath(new URL('..', import.meta.url)), 'tests', 'corpus', 'articles');

function decodePage(buffer: Buffer): string {
  const head = buffer.subarray(0, 4096).toString('latin1');
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset) ? iconv.decode(buffer, charset) : buffer.toString('utf8');
}

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(resolve(corpusDir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  return Object.entries(truth).map(([id, entry]) => ({
    id,
    url: entry.url,
    truth: entry.articleBody,
    bytes: gunzipSync(readFileSync(resolve(corpusDir, 'html', `${id}.html.gz`))),
  }));
}

/** 4-token shingles of the `\w+` tokens, as a multiset; fewer than 4 tokens make one shingle. */
function shingles(text: string, size = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}\p{Mn}\p{Pc}]+/gu) ?? [];
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < size) add(tokens.join(' '));
  else for (let index = 0; index + size <= tokens.length; index += 1) add(tokens.slice(index, index + size).join(' '));
  return counts;
}

function scorePage(id: string, predicted: string, truth: string): PageScore {
  const predictedShingles = shingles(predicted);
  const truthShingles = shingles(truth);
  let tp = 0;
  let fp = 0;
  for (const [key, count] of predictedShingles) {
    const shared = Math.min(count, truthShingles.get(key) ?? 0);
    tp += shared;
    fp += count - shared;
  }
  let total = 0;
  for (const count of truthShingles.values()) total += count;
  const fn = total - tp;
  const all = tp + fp + fn || 1;
  const precision = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return { id, precision, recall, fp: fp / all, fn: fn / all };
}

interface Run {
  scores: PageScore[];
  /** Pages per second of each timed pass, in run order. */
  passes: number[];
}

// A full collection before every timed pass, so each pass pays for its own garbage
// only: linkedom's large documents otherwise get collected on whichever clock runs next.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Both extractors warmed on 5 pages, then timed in turns, a whole pass over every page
 * each (one thread, one process); each round is one pass of each, and the first round's
 * outputs are scored. The median over rounds evens out load from other processes.
 */
function runBoth(pages: Page[], rounds: number, extractors: Array<(page: Page) => string>): Run[] {
  for (const extract of extractors) for (const page of pages.slice(0, 5)) extract(page);
  const outputs = extractors.map(() => [] as string[]);
  const passes = extractors.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    extractors.forEach((extract, index) => {
      collectGarbage();
      const started = performance.now();
      for (const page of pages) {
        const output = extract(page);
        if (round === 0) outputs[index]!.push(output);
      }
      passes[index]!.push(pages.length / ((performance.now() - started) / 1000));
    });
  }
  return extractors.map((_, index) => ({ passes: passes[index]!, scores: pages.map((page, at) => scorePage(page.id, outputs[index]![at]!, page.truth)) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summarize(name: string, run: Run): string {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const precision = mean(run.scores.map((score) => score.precision));
  const recall = mean(run.scores.map((score) => score.recall));
  const f1 = (2 * precision * recall) / (precision + recall);
  const speed = (value: number) => value.toFixed(1).padStart(8);
  return `| ${name.padEnd(22)} | ${f1.toFixed(3)} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${speed(run.passes[0]!)} | ${speed(median(run.passes))} | ${speed(Math.max(...run.passes))} |`;
}

type Engine = 'ours' | 'readability';

const ENGINES: Record<Engine, (page: Page) => string> = {
  // `text` is the extractor's own plain text of its Markdown body (Markdown syntax
  // stripped, as the benchmark asks), so nothing is stripped twice.
  // Bytes in, as the pipeline gives them (decoded a piece at a time into the parser).
  ours: (page) => extractArticle({ html: { bytes: page.bytes, contentType: 'text/html' }, url: page.url, siteRules: {} }).text,
  readability: (page) => {
    const { document } = parseHTML(decodePage(page.bytes));
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  },
};

/** Child mode: one engine, warmed on 5 pages, then `rounds` timed passes; prints pages/s as JSON. */
function runChild(engine: Engine, rounds: number): void {
  const pages = loadPages();
  const extract = ENGINES[engine];
  for (const page of pages.slice(0, 5)) extract(page);
  const passes: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (const page of pages) extract(page);
    passes.push(pages.length / ((performance.now() - started) / 1000));
  }
  process.stdout.write(`${JSON.stringify(passes)}\n`);
}

function runIsolated(rounds: number): Record<Engine, number[]> {
  const script = fileURLToPath(import.meta.url);
  const passes: Record<Engine, number[]> = { ours: [], readability: [] };
  for (const engine of ['ours', 'readability', 'ours', 'readability'] as Engine[]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--child', engine, '--rounds', String(rounds)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    passes[engine].push(...(JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as number[]));
  }
  return passes;
}

function main(): void {
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(name);
    return index >= 0 ? Number(process.argv[index + 1] ?? fallback) : fallback;
  };
  const worst = option('--worst', 0);
  const rounds = Math.max(1, option('--rounds', 5));
  const pages = loadPages();
  const [ours, readability] = runBoth(pages, rounds, [ENGINES.ours, ENGINES.readability]) as [Run, Run];
  console.log(`${pages.length} pages; shared process: ${rounds} timed passes each, taking turns, garbage collected before each`);
  console.log('| extractor              | F1    | P     | R     | pass 1/s | median/s | best/s   |');
  console.log('| ---------------------- | ----- | ----- | ----- | -------- | -------- | -------- |');
  console.log(summarize('feedwright generic', ours));
  console.log(summarize('Readability (linkedom)', readability));
  const ratio = (pick: (run: Run) => number) => (pick(ours) / pick(readability)).toFixed(2);
  console.log(`speed ratio: ${ratio((run) => run.passes[0]!)}x first pass, ${ratio((run) => median(run.passes))}x median, ${ratio((run) => Math.max(...run.passes))}x best`);
  const isolated = runIsolated(rounds);
  const oursMedian = median(isolated.ours);
  const readabilityMedian = median(isolated.readability);
  console.log(
    `own process, steady state (${isolated.ours.length} passes each): feedwright ${oursMedian.toFixed(1)}/s, Readability ${readabilityMedian.toFixed(1)}/s median; ratio ${(oursMedian / readabilityMedian).toFixed(2)}x`,
  );
  const sorted = [...ours.scores].sort((a, b) => a.precision + a.recall - (b.precision + b.recall)).slice(0, worst);
  for (const score of sorted) console.log(`${score.id.slice(0, 12)} P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} fp=${score.fp.toFixed(3)} fn=${score.fn.toFixed(3)}`);
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 5);
  runChild(process.argv[childIndex + 1] as Engine, rounds);
} else {
  main();
}
