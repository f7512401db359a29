// Chosen content to the article body: URLs absolute, then sanitized, then Markdown,
// then plain text. Sanitizing and absolutizing come last, every time (STYLE.md). The
// Markdown is written to carry no raw HTML, and checked for it (issue 13).

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { convertToMarkdown } from './markdown/convert-to-markdown.js';
import type { ImageCandidate } from './metadata/find-cover-image.js';
import { guardRawHtml } from './markdown/guard-raw-html.js';
import { resolveContentUrls } from './content/resolve-content-urls.js';
import { sanitizeContent } from './content/sanitize-content.js';
import { stripMarkdown } from './markdown/strip-markdown.js';

export interface RenderedBody {
  markdown: string;
  text: string;
  /** Content images in order, with their declared sizes, for the cover fallback. */
  images: ImageCandidate[];
}

/** `markdown` carries no raw HTML (convert-to-markdown.ts); `text` is its plain text. */
export function renderBody($: CheerioAPI, root: Cheerio<Element>, baseUrl: string): RenderedBody {
  const images = resolveContentUrls($, root, baseUrl);
  const markdown = guardRawHtml(convertToMarkdown(sanitizeContent(root.html() ?? '')));
  return { markdown, text: stripMarkdown(markdown), images };
}
