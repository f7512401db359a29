import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBody } from './src/fetch/decode-body.js';
import { parseFeed } from './src/parse/parse-feed.js';
function walk(d: string): string[] { return readdirSync(d).flatMap(f => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; }); }
const files = [...walk('/work/shared/corpus/feeds'), ...walk('/work/shared/corpus/techcrunch').filter(f => f.endsWith('.xml'))].filter(f => !f.endsWith('LICENSE'));
let ok = 0, rej = 0, crash = 0; const codes: Record<string, number> = {};
for (const f of files) {
  const b = readFileSync(f);
  try { const { text } = decodeBody(b, undefined, 'feed'); const feed = parseFeed(text, { url: 'http://127.0.0.1:8097/' + f.split('corpus/')[1] }); ok++; if (process.argv[2] === 'v') console.log(f, feed.items.length, feed.items[0]?.title); }
  catch (e: any) { if (e.name === 'FeedwrightError') { rej++; codes[e.code] = (codes[e.code] ?? 0) + 1; if (process.argv[2]==='e') console.log(f, e.message.slice(0,150)); } else { crash++; console.log('CRASH', f, e); } }
}
console.log({ total: files.length, ok, rej, crash, codes });
