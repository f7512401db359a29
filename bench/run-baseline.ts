// The obvious baseline, in its own child process: rss-parser's parseURL for each feed, then
// each item's page fetched with Node's fetch and read by Mozilla Readability on linkedom,
// one item after another within a source, `concurrency` sources at a time (so at most
// that many requests in flight, as feedwright). It writes one JSON file per item (title,
// URL, byline, excerpt, Readability's HTML and text), with no cleaning, no Markdown, no
// classification, no state and no published feeds; a failed page keeps the feed's item.

import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import pLimit from 'p-limit';
import Parser from 'rss-parser';
import { markPhase, measurePhase, readPeakRss, type PhaseMetrics, type ScenarioSpec } from './child-protocol.js';

interface Tally {
  sources: number;
  failed: number;
  articles: number;
  fallbacks: number;
}

async function readPage(url: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const html = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  if (!article) throw new Error('Readability found no article');
  return {
    title: article.title,
    url,
    byline: article.byline,
    excerpt: article.excerpt,
    html: article.content,
    text: article.textContent,
  };
}

async function runSource(url: string, spec: ScenarioSpec, out: string, tally: Tally): Promise<void> {
  const parser = new Parser({ timeout: spec.timeoutMs });
  let feed: Awaited<ReturnType<typeof parser.parseURL>>;
  try {
    feed = await parser.parseURL(url);
  } catch {
    tally.failed += 1;
    return;
  }
  tally.sources += 1;
  for (const item of feed.items) {
    const link = item.link ?? '';
    let record: Record<string, unknown>;
    try {
      record = await readPage(link, spec.timeoutMs);
    } catch {
      tally.fallbacks += 1;
      record = { title: item.title, url: link, html: item.content ?? item.contentSnippet ?? '' };
    }
    const name = createHash('sha1').update(link).digest('hex').slice(0, 16);
    await writeFile(join(out, `${name}.json`), JSON.stringify(record));
    tally.articles += 1;
  }
}

export async function runBaselineScenario(
  spec: ScenarioSpec,
): Promise<{ phases: Record<string, PhaseMetrics>; notes: string[] }> {
  const out = join(spec.workDir, 'baseline');
  await mkdir(out, { recursive: true });
  const tally: Tally = { sources: 0, failed: 0, articles: 0, fallbacks: 0 };
  const limit = pLimit(spec.concurrency);
  await markPhase('cold');
  const cold = await measurePhase(() =>
    Promise.all(spec.sources.map((source) => limit(() => runSource(source.url, spec, out, tally)))),
  );
  await markPhase('end');
  const counts = { ...tally };
  return {
    phases: { cold: { wallMs: cold.wallMs, cpuMs: cold.cpuMs, peakRssBytes: readPeakRss(), counts } },
    notes: [],
  };
}
