import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';
import type { ExtractInput } from '../../../src/extract/extract-article.js';
import { createExtractor } from '../../../src/extract/extractor-pool.js';
import type { Extractor } from '../../../src/extract/extractor-pool.js';
import { corpusDir } from '../../helpers/paths.js';

const inputs: ExtractInput[] = ['article-2018.html', 'article-2022.html'].map((file) => ({
  html: readFileSync(resolve(corpusDir, 'techcrunch', file), 'utf8'),
  url: `https://techcrunch.com/${file}`,
  siteRules: { 'techcrunch.com': { content: ['.article-content', '.article-entry'], strip: ['.block--pullout'] } },
}));

let extractor: Extractor | undefined;
afterEach(async () => {
  await extractor?.close();
  extractor = undefined;
});

test.each([0, 2])('with %i workers the result equals the inline call', async (workers) => {
  extractor = createExtractor({ workers });
  const results = await Promise.all([...inputs, ...inputs].map((input) => extractor!.extract(input)));
  expect(results).toEqual([...inputs, ...inputs].map((input) => extractArticle(input)));
  expect(results[0]!.method).toBe('site-rule');
});

test('a closed pool rejects new work', async () => {
  extractor = createExtractor({ workers: 1 });
  await extractor.extract(inputs[0]!);
  await extractor.close();
  await expect(extractor.extract(inputs[0]!)).rejects.toMatchObject({ code: 'EXTRACT' });
});

test('a page that keeps a worker busy too long fails with EXTRACT and the worker is replaced', async () => {
  extractor = createExtractor({ workers: 1, timeoutMs: 1 });
  await expect(extractor.extract(inputs[1]!)).rejects.toMatchObject({ code: 'EXTRACT', message: /took longer than 1 ms/ });
  await expect(extractor.extract(inputs[0]!)).rejects.toMatchObject({ code: 'EXTRACT' });
});
