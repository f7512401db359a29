import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { FastTokenizer } from './src/extract/fast-tokenizer.js';
const dir = '/work/shared/corpus/articles/html/';
const truth = JSON.parse(readFileSync('/work/shared/corpus/articles/ground-truth.json', 'utf8'));
const pages = Object.entries(truth).map(([id, e]: any) => gunzipSync(readFileSync(dir + id + '.html.gz')).toString('utf8'));
const extra = ['a &amp b <p title="x &quot; y">t&lt;</p><script>if (a<b) x="</scr"</script><!-- c -- > --> tail &', '<p a=b&amp;c>', 'text only', '<style>a<b</style', '<title>&amp;</title><textarea>a&lt;</textarea>', '<a href="x', "<a title='q&amp;'>&#x41;&#65;&nbsp;"];
const o: any = { decodeEntities: true, withStartIndices: true, withEndIndices: true };
const dump = (d: any): string => JSON.stringify(d, (k, v) => (k === 'parent' || k === 'prev' || k === 'next' ? undefined : v));
let bad = 0;
for (const h of [...pages, ...extra]) { const a = parseDocument(h, o), b = parseDocument(h, { ...o, Tokenizer: FastTokenizer }); if (dump(a) !== dump(b) || render(a) !== render(b)) { bad++; console.log('DIFF', h.slice(0, 60)); } }
console.log('bad', bad);
