// The generic extractor's fallback chain (issue 12). When the main scoring's body looks
// wrong (judge-body.ts), the page is read again by other methods in turn: the JSON-LD
// `articleBody` the site publishes, the scoring with relaxed rules (no block dropped for
// an unlikely class before scoring, no conditional cleaning), then Mozilla Readability on
// linkedom. The first body the judge accepts wins; when none does, the longest. Each
// method reparses the page, so the main path pays nothing for them.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describeError } from '../../lib/errors.js';
import { escapeHtmlKeepingQuotes } from '../../lib/xml-text.js';
import type { ExtractionMethod } from '../../types.js';
import { cleanContent } from './clean-content.js';
import { findMainContent } from './find-main-content.js';
import { jsonLdText } from '../metadata/json-ld.js';
import { findBodyProblem } from './judge-body.js';
import { loadDocument } from '../load-document.js';
import { prepareDocument } from './prepare-document.js';
import type { PageMeta } from '../metadata/read-page-meta.js';
import { renderBody } from '../render-body.js';
import type { RenderedBody } from '../render-body.js';

export interface FallbackContext {
  /** A fresh parse of the page (each method mutates its tree). */
  loadPage: () => CheerioAPI;
  /** The page's decoded text, for Readability's own parse. */
  readHtml: () => string;
  page: PageMeta;
  title: string | undefined;
  /** Characters of visible text on the page, for the judge (measured once, when first asked). */
  pageTextLength: () => number;
}

export interface FallbackBody {
  body: RenderedBody;
  method: ExtractionMethod;
  /** Each method tried and why it was rejected, in order. */
  rejected: string[];
}

const EMPTY: RenderedBody = { markdown: '', text: '', images: [] };

/** Content given as an HTML fragment, cleaned and rendered like a page's. */
function renderFragment(html: string, context: FallbackContext): RenderedBody {
  const $ = loadDocument(`<body><div>${html}</div></body>`);
  prepareDocument($, context.page.baseUrl);
  const root = $('body > div').first() as Cheerio<Element>;
  cleanContent($, root, { title: context.title, conditional: false });
  return renderBody($, root, context.page.baseUrl);
}

/** JSON-LD `articleBody`: plain text (paragraphs on new lines) or, on some sites, HTML. */
function readJsonLdBody(context: FallbackContext): RenderedBody {
  for (const node of context.page.jsonLd) {
    const text = jsonLdText(node['articleBody']);
    if (!text) continue;
    const html = /<\/?(p|div|br|h[1-6]|ul|ol|li|blockquote)\b/i.test(text)
      ? text
      : text
          .split(/\n\s*\n|\r?\n/)
          .filter((line) => line.trim())
          .map((line) => `<p>${escapeHtmlKeepingQuotes(line.trim())}</p>`)
          .join('');
    return renderFragment(html, context);
  }
  return EMPTY;
}

function readRelaxed(context: FallbackContext): RenderedBody {
  const $ = context.loadPage();
  prepareDocument($, context.page.baseUrl);
  const { content } = findMainContent($, { keepUnlikely: true });
  if (!content) return EMPTY;
  cleanContent($, content, { title: context.title, conditional: false });
  return renderBody($, content, context.page.baseUrl);
}

function readWithReadability(context: FallbackContext): RenderedBody {
  const { document } = parseHTML(context.readHtml());
  const article = new Readability(document as unknown as Document).parse();
  return article?.content ? renderFragment(article.content, context) : EMPTY;
}

const METHODS: Array<[ExtractionMethod, (context: FallbackContext) => RenderedBody]> = [
  ['json-ld', readJsonLdBody],
  ['relaxed', readRelaxed],
  ['readability', readWithReadability],
];

/** The first fallback the judge accepts, else the longest body seen (the first one included). */
export function findFallbackBody(
  first: { body: RenderedBody; method: ExtractionMethod; problem: string },
  context: FallbackContext,
): FallbackBody {
  const rejected = [`${first.method}: ${first.problem}`];
  let best = { body: first.body, method: first.method };
  for (const [method, read] of METHODS) {
    let body: RenderedBody;
    try {
      body = read(context);
    } catch (error) {
      rejected.push(`${method}: failed (${describeError(error)})`);
      continue;
    }
    const problem = findBodyProblem(body, context.pageTextLength);
    if (!problem) return { body, method, rejected };
    rejected.push(`${method}: ${problem}`);
    if (body.text.length > best.body.text.length) best = { body, method };
  }
  return { ...best, rejected };
}
