import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { loadDocument } from './src/extract/load-document.js';
const dir = '../shared/corpus/articles';
const gt = JSON.parse(readFileSync(dir + '/ground-truth.json', 'utf8'));
const id = Object.keys(gt).find((k) => k.startsWith(process.argv[2]!))!;
const html = gunzipSync(readFileSync(resolve(dir, 'html', id + '.html.gz'))).toString('utf8');
const $ = loadDocument(html);
const needle = process.argv[3]!;
const el = $('*').filter((_, e) => $(e).children().length === 0 || true).toArray().reverse().find((e) => $(e).text().includes(needle));
let n: any = el;
while (n && n.name) { console.log(n.name, JSON.stringify(n.attribs).slice(0, 150)); n = n.parent; }
