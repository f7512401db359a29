// Scores the GENERIC extractor (no site rules, no feed item) against the article corpus
// in ../shared/corpus/articles with the Zyte article-extraction benchmark's method, and
// Mozilla Readability (on linkedom) over the same pages in the same run.
//   npm run eval:extract [-- --worst 10]

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/extract/extract-article.js';
import { stripMarkdown } from '../src/extract/strip-markdown.js';

interface Page {
  id: string;
  url: string;
  html: string;
  truth: string;
}

interface PageScore {
  id: string;
  precision: number;
  recall: number;
  fp: number;
  fn: number;
}

const corpusDir = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'corpus', 'articles');

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
    html: decodePage(gunzipSync(readFileSync(resolve(corpusDir, 'html', `${id}.html.gz`)))),
  }));
}

/** 4-token shingles of the `\w+` tokens, as a multiset; fewer than 4 tokens make one shingle. */
export function shingles(text: string, size = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}\p{Mn}\p{Pc}]+/gu) ?? [];
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < size) add(tokens.join(' '));
  else for (let index = 0; index + size <= tokens.length; index += 1) add(tokens.slice(index, index + size).join(' '));
  return counts;
}

export function scorePage(id: string, predicted: string, truth: string): PageScore {
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

function runExtractor(pages: Page[], extract: (page: Page) => string): { scores: PageScore[]; pagesPerSec: number } {
  for (const page of pages.slice(0, 5)) extract(page);
  const outputs: string[] = [];
  const started = performance.now();
  for (const page of pages) outputs.push(extract(page));
  const seconds = (performance.now() - started) / 1000;
  return { scores: pages.map((page, index) => scorePage(page.id, outputs[index]!, page.truth)), pagesPerSec: pages.length / seconds };
}

function summarize(name: string, run: { scores: PageScore[]; pagesPerSec: number }): string {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const precision = mean(run.scores.map((score) => score.precision));
  const recall = mean(run.scores.map((score) => score.recall));
  const f1 = (2 * precision * recall) / (precision + recall);
  return `| ${name.padEnd(22)} | ${f1.toFixed(3)} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${run.pagesPerSec.toFixed(1).padStart(8)} |`;
}

function main(): void {
  const worstIndex = process.argv.indexOf('--worst');
  const worst = worstIndex >= 0 ? Number(process.argv[worstIndex + 1] ?? 10) : 0;
  const pages = loadPages();
  const ours = runExtractor(pages, (page) => stripMarkdown(extractArticle({ html: page.html, url: page.url, siteRules: {} }).markdown));
  const readability = runExtractor(pages, (page) => {
    const { document } = parseHTML(page.html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  });
  console.log(`${pages.length} pages`);
  console.log('| extractor              | F1    | P     | R     | pages/s  |');
  console.log('| ---------------------- | ----- | ----- | ----- | -------- |');
  console.log(summarize('feedwright generic', ours));
  console.log(summarize('Readability (linkedom)', readability));
  console.log(`speed ratio: ${(ours.pagesPerSec / readability.pagesPerSec).toFixed(2)}x`);
  const sorted = [...ours.scores].sort((a, b) => a.precision + a.recall - (b.precision + b.recall)).slice(0, worst);
  for (const score of sorted) console.log(`${score.id.slice(0, 12)} P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} fp=${score.fp.toFixed(3)} fn=${score.fn.toFixed(3)}`);
}

main();
