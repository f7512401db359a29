import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { parseDocument, Parser } from 'htmlparser2';
import { load } from 'cheerio/slim';
const dir = '../shared/corpus/articles';
const gt = JSON.parse(readFileSync(dir + '/ground-truth.json', 'utf8'));
const pages = Object.entries(gt).map(([id, e]: any) => gunzipSync(readFileSync(resolve(dir, 'html', id + '.html.gz'))).toString('utf8'));
console.log('avg KB', pages.reduce((a, p) => a + p.length, 0) / pages.length / 1024);
for (const [name, fn] of [
  ['parseDocument', (h: string) => parseDocument(h)],
  ['parseDocument noDecode', (h: string) => parseDocument(h, { decodeEntities: false })],
  ['tokenize only', (h: string) => { const p = new Parser({}); p.end(h); }],
  ['cheerio', (h: string) => load(h, { xml: { xmlMode: false } })],
  ['strip scripts + parse', (h: string) => parseDocument(h.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->/gi, ''))],
] as const) {
  for (const p of pages) fn(p);
  const s = performance.now();
  for (let r = 0; r < 3; r++) for (const p of pages) fn(p);
  console.log(name, ((performance.now() - s) / 180).toFixed(2), 'ms');
}
