import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, expect, test } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';
import type { ExtractInput } from '../../../src/extract/extract-article.js';
import { createExtractor } from '../../../src/extract/pool/extractor-pool.js';
import type { Extractor } from '../../../src/extract/pool/extractor-pool.js';
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

// A page as fetched with `raw`: bytes and the Content-Type header, decoded in the worker.
function rawInput(input: ExtractInput, charset: string, contentType?: string): ExtractInput {
  const text = input.html as string;
  const bytes = charset === 'utf-8' ? Buffer.from(text) : iconv.encode(text, charset);
  // A buffer of its own, as Buffer.concat gives a fetched page over 4 KB.
  const owned = new Uint8Array(new ArrayBuffer(bytes.length));
  owned.set(bytes);
  return { ...input, html: { bytes: owned, contentType } };
}

test.each([0, 1])(
  'with %i workers, a page given as bytes is decoded by its charset and extracted like its text',
  async (workers) => {
    extractor = createExtractor({ workers });
    const text = inputs[0]!.html as string;
    // Cyrillic and accented text in windows-1251, named by the header or only by a <meta>.
    const page = {
      ...inputs[0]!,
      html: text.replace('GoBee Bike first announced', 'Привет, мир. GoBee Bike first announced'),
    };
    const expected = extractArticle(page);
    expect(expected.markdown).toContain('Привет, мир.');
    const byHeader = rawInput(page, 'windows-1251', 'text/html; charset=windows-1251');
    const byMeta = rawInput(
      { ...page, html: (page.html as string).replace('<head>', '<head><meta charset="windows-1251">') },
      'windows-1251',
      'text/html',
    );
    const utf8 = rawInput(page, 'utf-8', 'text/html');
    const results = await Promise.all([byHeader, byMeta, utf8].map((input) => extractor!.extract(input)));
    for (const result of results) expect(result).toEqual(expected);
  },
);

test("a page's own buffer moves to the worker; a pooled one is copied and the pool left intact", async () => {
  extractor = createExtractor({ workers: 1 });
  const owned = rawInput(inputs[0]!, 'utf-8', 'text/html');
  const moved = (owned.html as { bytes: Uint8Array }).bytes;
  const pending = extractor.extract(owned);
  expect(moved.byteLength).toBe(0); // transferred: detached here
  expect((await pending).method).toBe('site-rule');

  // Buffer.from of a small string takes a slice of Node's shared pool.
  const small = Buffer.from('<html><body><article><p>Small page body text here.</p></article></body></html>');
  const neighbour = Buffer.from('neighbour');
  expect(small.buffer).toBe(neighbour.buffer);
  const result = await extractor.extract({
    html: { bytes: small, contentType: 'text/html' },
    url: 'https://example.com/s',
    siteRules: {},
  });
  expect(result.text).toContain('Small page body text here.');
  expect(small.byteLength).toBeGreaterThan(0);
  expect(neighbour.toString()).toBe('neighbour');
});

test('a closed pool rejects new work', async () => {
  extractor = createExtractor({ workers: 1 });
  await extractor.extract(inputs[0]!);
  await extractor.close();
  await expect(extractor.extract(inputs[0]!)).rejects.toMatchObject({ code: 'EXTRACT' });
});

test('a page that keeps a worker busy too long fails with EXTRACT and the worker is replaced', async () => {
  extractor = createExtractor({ workers: 1, timeoutMs: 1 });
  await expect(extractor.extract(inputs[1]!)).rejects.toMatchObject({
    code: 'EXTRACT',
    message: /took longer than 1 ms/,
  });
  await expect(extractor.extract(inputs[0]!)).rejects.toMatchObject({ code: 'EXTRACT' });
});
