import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { load } from 'cheerio/slim';
const dir = '../shared/corpus/articles';
const gt = JSON.parse(readFileSync(dir + '/ground-truth.json', 'utf8'));
const pages = Object.entries(gt).map(([id, e]: any) => gunzipSync(readFileSync(resolve(dir, 'html', id + '.html.gz'))).toString('utf8'));
const fns: Record<string, (h: string) => unknown> = {
  cheerioNoOpt: (h) => load(h),
  cheerioXml: (h) => load(h, { xml: { xmlMode: false } }),
  parseDocument: (h) => parseDocument(h),
  cheerioFromDoc: (h) => load(parseDocument(h)),
};
for (const name of [...Object.keys(fns), ...Object.keys(fns)]) {
  const fn = fns[name]!;
  for (const p of pages) fn(p);
  const s = performance.now();
  for (let r = 0; r < 3; r++) for (const p of pages) fn(p);
  console.log(name, ((performance.now() - s) / 180).toFixed(2), 'ms');
}
