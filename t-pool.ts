import { readFileSync } from 'node:fs';
import { createExtractor } from './src/extract/extractor-pool.js';
import { extractArticle } from './src/extract/extract-article.js';
const html = readFileSync('../shared/corpus/techcrunch/article-2018.html', 'utf8');
const input = { html, url: 'https://techcrunch.com/2018/02/25/x/', siteRules: {} };
const ex = createExtractor({ workers: 2 });
const rs = await Promise.all([1, 2, 3, 4].map(() => ex.extract(input)));
console.log(JSON.stringify(rs[3]) === JSON.stringify(extractArticle(input)), rs[0]!.title);
await ex.close();
