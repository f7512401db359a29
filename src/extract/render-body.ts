// Chosen content to the article body: URLs absolute, then sanitized, then Markdown,
// then plain text. Sanitizing and absolutizing come last, every time (STYLE.md).

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { convertToMarkdown } from './convert-to-markdown.js';
import { escapeMarkdownHtml } from './escape-markdown-html.js';
import type { ImageCandidate } from './find-cover-image.js';
import { resolveContentUrls } from './resolve-content-urls.js';
import { sanitizeContent } from './sanitize-content.js';
import { stripMarkdown } from './strip-markdown.js';

export interface RenderedBody {
  markdown: string;
  text: string;
  /** Content images in order, with their declared sizes, for the cover fallback. */
  images: ImageCandidate[];
}

/** `markdown` has every `<` that could open markup escaped; `text` is read from the unescaped. */
export function renderBody($: CheerioAPI, root: Cheerio<Element>, baseUrl: string): RenderedBody {
  const images = resolveContentUrls($, root, baseUrl);
  const markdown = convertToMarkdown(sanitizeContent(root.html() ?? ''));
  return { markdown: escapeMarkdownHtml(markdown), text: stripMarkdown(markdown), images };
}
