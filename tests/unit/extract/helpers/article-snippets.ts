// Small article pages for the extractor's snippet tests: a paragraph of plain prose long
// enough to score, numbered runs of it, and the generic extractor (no site rules) on a page.

import { extractArticle } from '../../../../src/extract/extract-article.js';
import type { ExtractedArticle } from '../../../../src/types.js';

export const PARAGRAPH =
  'This sentence is part of the article body, and it is long enough to count as real prose for scoring.';

/** `count` numbered paragraphs of PARAGRAPH. */
export const prose = (count: number): string =>
  Array.from({ length: count }, (_, index) => `<p>${index}: ${PARAGRAPH}</p>`).join('\n');

/** The generic extractor on a whole page. */
export const extractPage = (html: string, url = 'https://site.example/news/story.html'): ExtractedArticle =>
  extractArticle({ html, url, siteRules: {} });
