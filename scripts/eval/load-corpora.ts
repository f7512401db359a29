// The two annotated corpora of tests/corpus as one shape: each page with its bytes as
// saved, the URL it was served from, a fixed half, and how to score an extraction of it.
//
// Halves: a page is in half A when the first hex digit of the SHA-256 of its id is 0-7,
// else in half B. Fixed by the id alone, so a page never changes half; rules are tuned on
// half A only, and half B tells whether a change holds on pages it was not tuned on.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { aggregateShingles, aggregateSnippets, scoreShingles, scoreSnippets } from './score-pages.js';
import type { PageResult, SetScore } from './score-pages.js';

export interface EvalPage {
  id: string;
  url: string;
  bytes: Buffer;
  half: 'A' | 'B';
  /** Characters of true text (the article, or the `with` snippets together). */
  truthLength: number;
  score: (text: string) => PageResult;
}

export interface Corpus {
  name: string;
  method: string;
  pages: EvalPage[];
  aggregate: (results: PageResult[]) => SetScore;
}

export function halfOf(id: string): 'A' | 'B' {
  return parseInt(createHash('sha256').update(id).digest('hex')[0]!, 16) < 8 ? 'A' : 'B';
}

function readPage(dir: string, id: string): Buffer {
  return gunzipSync(readFileSync(resolve(dir, 'html', `${id}.html.gz`)));
}

function loadArticles(corpusRoot: string): Corpus {
  const dir = resolve(corpusRoot, 'articles');
  const truth = JSON.parse(readFileSync(resolve(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  const pages = Object.entries(truth).map(([id, entry]) => ({
    id,
    url: entry.url,
    bytes: readPage(dir, id),
    half: halfOf(id),
    truthLength: entry.articleBody.length,
    score: (text: string) => scoreShingles(text, entry.articleBody),
  }));
  return { name: 'articles', method: 'shingle F1', pages, aggregate: aggregateShingles };
}

interface Annotation {
  url: string;
  file: string;
  with: string[];
  without: string[];
}

/** Some annotations name the page by file only (`hard::name.html`): a neutral URL stands in. */
function pageUrl(annotation: Annotation): string {
  return /^https?:\/\//.test(annotation.url)
    ? annotation.url
    : `https://example.org/${encodeURIComponent(annotation.file)}`;
}

function loadSnippets(corpusRoot: string): Corpus {
  const dir = resolve(corpusRoot, 'extraction-snippets');
  const annotations = JSON.parse(readFileSync(resolve(dir, 'annotations.json'), 'utf8')) as Record<string, Annotation>;
  const pages = Object.entries(annotations).map(([id, entry]) => ({
    id,
    url: pageUrl(entry),
    bytes: readPage(dir, id),
    half: halfOf(id),
    truthLength: entry.with.join(' ').length,
    score: (text: string) => scoreSnippets(text, entry.with, entry.without),
  }));
  return { name: 'extraction-snippets', method: 'snippet F1', pages, aggregate: aggregateSnippets };
}

export function loadCorpora(corpusRoot: string): Corpus[] {
  return [loadArticles(corpusRoot), loadSnippets(corpusRoot)];
}
