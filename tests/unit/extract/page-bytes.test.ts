// A page given as bytes is decoded a piece at a time straight into the parser; every page of
// the test corpus must come out exactly as from its whole text (the pieces cut tags,
// attributes, entities, scripts and multi-byte characters wherever they fall).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';
import { loadDocument } from '../../../src/extract/load-document.js';
import { decodeBodyPieces } from '../../../src/lib/decode-body.js';
import { corpusDir } from '../../helpers/paths.js';

const articlesDir = join(corpusDir, 'articles', 'html');
const pages = [
  ...readdirSync(articlesDir)
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .map((name) => ({ name, bytes: gunzipSync(readFileSync(join(articlesDir, name))) })),
  ...['article-2018.html', 'article-2022.html'].map((name) => ({
    name,
    bytes: readFileSync(join(corpusDir, 'techcrunch', name)),
  })),
];

test('the corpus is there', () => {
  expect(pages.length).toBeGreaterThanOrEqual(62);
});

test.each(pages.map((page) => [page.name, page] as const))(
  '%s: bytes in pieces give the same article as the text',
  (_name, page) => {
    const url = `https://news.example/${page.name.replace(/\.html(\.gz)?$/, '')}`;
    const fromText = extractArticle({ html: page.bytes.toString('utf8'), url, siteRules: {} });
    const fromBytes = extractArticle({ html: { bytes: page.bytes, contentType: 'text/html' }, url, siteRules: {} });
    expect(fromBytes).toEqual(fromText);
    expect(fromText.text.length).toBeGreaterThan(0);
  },
);

test('the tree built from pieces serializes to the tree built from the whole text', () => {
  for (const page of pages.slice(0, 10)) {
    const whole = loadDocument(page.bytes.toString('utf8')).html();
    expect(loadDocument(decodeBodyPieces(page.bytes, 'text/html', 'page', 1000).pieces).html()).toBe(whole);
  }
});
