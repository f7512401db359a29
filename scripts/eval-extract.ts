// Scores the GENERIC extractor (no site rules, no feed item) and Mozilla Readability (on
// linkedom) over both annotated corpora of tests/corpus in the same run, each with its own
// method (tests/corpus/README.md): the 60 article pages by shingle F1, the 491 pages of
// trafilatura's set by snippets. Reports each whole set and its two fixed halves
// (scripts/eval/load-corpora.ts: rules are tuned on half A, half B is held out), pages
// under 50 characters where the truth is longer, which extraction method won, and the
// pages feedwright loses most on against Readability.
//
// Speed, single-threaded over every page of both sets:
// - shared process: whole passes taking turns, a forced garbage collection before each;
// - own process (unless --no-isolated): each extractor alone in a child process, as in
//   feedwright's extraction worker; children alternate (A, B, A, B).
//   npm run eval:extract [-- --worst 10 --rounds 3 --set articles --no-isolated --dump FILE]
// --dump appends one line per page: set, id, half, feedwright's and Readability's page
// scores, feedwright's text length and method (to compare two runs page by page).

import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBody } from '../src/lib/decode-body.js';
import { extractArticle } from '../src/extract/extract-article.js';
import { loadCorpora } from './eval/load-corpora.js';
import type { Corpus, EvalPage } from './eval/load-corpora.js';
import type { PageResult } from './eval/score-pages.js';

interface Output {
  text: string;
  method?: string;
}

type Engine = 'ours' | 'readability';

const ENGINES: Record<Engine, (page: EvalPage) => Output> = {
  // Bytes in, as the pipeline gives them; `text` is the plain text of the Markdown body.
  // A page that fails counts as an empty extraction (the pipeline keeps the feed's summary).
  ours: (page) => {
    try {
      const article = extractArticle({
        html: { bytes: page.bytes, contentType: 'text/html' },
        url: page.url,
        siteRules: {},
      });
      return { text: article.text, method: article.method };
    } catch {
      return { text: '', method: 'error' };
    }
  },
  readability: (page) => {
    const { document } = parseHTML(decodeBody(page.bytes, 'text/html', 'page').text);
    return { text: new Readability(document as unknown as Document).parse()?.textContent ?? '' };
  },
};

const corpusRoot = resolve(fileURLToPath(new URL('..', import.meta.url)), 'tests', 'corpus');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function selectCorpora(): Corpus[] {
  const only = option('--set');
  return loadCorpora(corpusRoot).filter((corpus) => !only || corpus.name === only);
}

// A full collection before every timed pass, so each pass pays for its own garbage only.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Pages per second of one whole pass over `pages`; outputs kept when asked. */
function timePass(pages: EvalPage[], extract: (page: EvalPage) => Output, outputs?: Output[]): number {
  collectGarbage();
  const started = performance.now();
  for (const page of pages) {
    const output = extract(page);
    outputs?.push(output);
  }
  return pages.length / ((performance.now() - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface EngineRun {
  outputs: Output[];
  passes: number[];
}

/** Both engines warmed on 5 pages, then timed in turns; the first round's outputs are scored. */
function runBoth(pages: EvalPage[], rounds: number): Record<Engine, EngineRun> {
  const runs: Record<Engine, EngineRun> = {
    ours: { outputs: [], passes: [] },
    readability: { outputs: [], passes: [] },
  };
  for (const engine of ['ours', 'readability'] as Engine[]) for (const page of pages.slice(0, 5)) ENGINES[engine](page);
  for (let round = 0; round < rounds; round += 1) {
    for (const engine of ['ours', 'readability'] as Engine[])
      runs[engine].passes.push(timePass(pages, ENGINES[engine], round === 0 ? runs[engine].outputs : undefined));
  }
  return runs;
}

const f3 = (value: number) => value.toFixed(3);

function reportCorpus(corpus: Corpus, outputs: Record<Engine, Output[]>, worst: number): void {
  const results = { ours: [] as PageResult[], readability: [] as PageResult[] };
  for (const engine of ['ours', 'readability'] as Engine[])
    for (const [index, page] of corpus.pages.entries()) results[engine].push(page.score(outputs[engine][index]!.text));
  const subset = (engine: Engine, half?: 'A' | 'B') =>
    corpus.aggregate(results[engine].filter((_, index) => !half || corpus.pages[index]!.half === half));
  const count = (half: 'A' | 'B') => corpus.pages.filter((page) => page.half === half).length;
  console.log(
    `\n## ${corpus.name}: ${corpus.pages.length} pages, ${corpus.method} (half A ${count('A')} pages, tuned on; half B ${count('B')}, held out)`,
  );
  console.log('| extractor              | F1    | P     | R     | A F1  | B F1  | < 50 chars |');
  console.log('| ---------------------- | ----- | ----- | ----- | ----- | ----- | ---------- |');
  for (const engine of ['ours', 'readability'] as Engine[]) {
    const whole = subset(engine);
    const short = corpus.pages.filter(
      (page, index) => page.truthLength >= 50 && outputs[engine][index]!.text.trim().length < 50,
    );
    const name = engine === 'ours' ? 'feedwright generic' : 'Readability (linkedom)';
    console.log(
      `| ${name.padEnd(22)} | ${f3(whole.f1)} | ${f3(whole.precision)} | ${f3(whole.recall)} | ${f3(subset(engine, 'A').f1)} | ${f3(subset(engine, 'B').f1)} | ${String(short.length).padStart(10)} |`,
    );
    if (short.length) console.log(`  under 50 characters: ${short.map((page) => page.id).join(' ')}`);
  }
  const dump = option('--dump');
  if (dump)
    appendFileSync(
      dump,
      corpus.pages
        .map(
          (page, index) =>
            `${corpus.name} ${page.id} ${page.half} ${f3(results.ours[index]!.pageScore)} ${f3(results.readability[index]!.pageScore)} ${outputs.ours[index]!.text.length} ${outputs.ours[index]!.method}\n`,
        )
        .join(''),
    );
  const methods = new Map<string, number>();
  for (const output of outputs.ours) methods.set(output.method ?? '?', (methods.get(output.method ?? '?') ?? 0) + 1);
  console.log(`feedwright methods: ${[...methods].map(([method, n]) => `${method} ${n}`).join(', ')}`);
  const losses = corpus.pages
    .map((page, index) => ({
      page,
      index,
      loss: results.readability[index]!.pageScore - results.ours[index]!.pageScore,
    }))
    .filter((entry) => entry.loss > 0)
    .sort((a, b) => b.loss - a.loss)
    .slice(0, worst);
  for (const { page, index, loss } of losses) {
    const ours = results.ours[index]!;
    console.log(
      `  lost ${f3(loss)} ${page.id.slice(0, 12)} [${page.half}] ours ${f3(ours.pageScore)} (P ${f3(ours.precision)} R ${f3(ours.recall)}, ${outputs.ours[index]!.text.length} chars, ${outputs.ours[index]!.method}) ${page.url.slice(0, 70)}`,
    );
  }
}

function runChild(engine: Engine, rounds: number): void {
  const pages = selectCorpora().flatMap((corpus) => corpus.pages);
  for (const page of pages.slice(0, 5)) ENGINES[engine](page);
  const passes: number[] = [];
  for (let round = 0; round < rounds; round += 1) passes.push(timePass(pages, ENGINES[engine]));
  process.stdout.write(`${JSON.stringify(passes)}\n`);
}

function runIsolated(rounds: number): Record<Engine, number[]> {
  const script = fileURLToPath(import.meta.url);
  const passes: Record<Engine, number[]> = { ours: [], readability: [] };
  const set = option('--set');
  for (const engine of ['ours', 'readability', 'ours', 'readability'] as Engine[]) {
    const args = [
      '--import',
      'tsx',
      script,
      '--child',
      engine,
      '--rounds',
      String(rounds),
      ...(set ? ['--set', set] : []),
    ];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    passes[engine].push(...(JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as number[]));
  }
  return passes;
}

function main(): void {
  const worst = Number(option('--worst') ?? 10);
  const rounds = Math.max(1, Number(option('--rounds') ?? 3));
  const corpora = selectCorpora();
  const pages = corpora.flatMap((corpus) => corpus.pages);
  const runs = runBoth(pages, rounds);
  let offset = 0;
  for (const corpus of corpora) {
    const slice = (engine: Engine) => runs[engine].outputs.slice(offset, offset + corpus.pages.length);
    reportCorpus(corpus, { ours: slice('ours'), readability: slice('readability') }, worst);
    offset += corpus.pages.length;
  }
  const speed = (engine: Engine) => `${median(runs[engine].passes).toFixed(1)}/s`;
  console.log(
    `\nspeed, ${pages.length} pages, shared process (${rounds} passes each, median): feedwright ${speed('ours')}, Readability ${speed('readability')}; ratio ${(median(runs.ours.passes) / median(runs.readability.passes)).toFixed(2)}x`,
  );
  if (process.argv.includes('--no-isolated')) return;
  const isolated = runIsolated(rounds);
  const ours = median(isolated.ours);
  const readability = median(isolated.readability);
  console.log(
    `speed, own process (${isolated.ours.length} passes each, median): feedwright ${ours.toFixed(1)}/s, Readability ${readability.toFixed(1)}/s; ratio ${(ours / readability).toFixed(2)}x`,
  );
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) runChild(process.argv[childIndex + 1] as Engine, Number(option('--rounds') ?? 3));
else main();
