import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { loadDocument } from './src/extract/load-document.js';
import { readPageMeta } from './src/extract/read-page-meta.js';
import { prepareDocument } from './src/extract/prepare-document.js';
import { findMainContent } from './src/extract/find-main-content.js';
import { cleanContent } from './src/extract/clean-content.js';
import { resolveContentUrls } from './src/extract/resolve-content-urls.js';
import { sanitizeContent } from './src/extract/sanitize-content.js';
import { convertToMarkdown } from './src/extract/convert-to-markdown.js';
import type { Cheerio } from 'cheerio';
const dir = '../shared/corpus/articles';
const gt = JSON.parse(readFileSync(dir + '/ground-truth.json', 'utf8'));
const pages = Object.entries(gt).map(([id, e]: any) => ({ url: e.url, html: gunzipSync(readFileSync(resolve(dir, 'html', id + '.html.gz'))).toString('utf8') }));
const t: Record<string, number> = {};
const lap = (k: string, s: number) => { t[k] = (t[k] ?? 0) + performance.now() - s; return performance.now(); };
for (let round = 0; round < 2; round++) for (const p of pages) {
  let s = performance.now();
  const $ = loadDocument(p.html); s = lap('parse', s);
  const meta = readPageMeta($, p.url); s = lap('meta', s);
  prepareDocument($, meta.baseUrl); s = lap('prepare', s);
  const c = findMainContent($) as Cheerio<any>; s = lap('main', s);
  cleanContent($, c, { title: meta.heading, conditional: true }); s = lap('clean', s);
  resolveContentUrls($, c, meta.baseUrl); s = lap('urls', s);
  const h = sanitizeContent(c.html() ?? ''); s = lap('sanitize', s);
  convertToMarkdown(h); s = lap('md', s);
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / 120).toFixed(2)])));
