// Chosen content to the article body: URLs absolute, then sanitized, then Markdown,
// then plain text. Sanitizing and absolutizing come last, every time (STYLE.md). The
// Markdown is written to carry no raw HTML, and checked for it (issue 13).
// Bounded (issue 13): the content is cut in the tree once its text passes MAX_BODY_CHARS,
// and the Markdown is capped there at a block boundary, with a note saying it was cut.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { capMarkdown, withNote } from '../lib/cap-markdown.js';
import { cutContent } from './content/cut-content.js';
import { resolveContentUrls } from './content/resolve-content-urls.js';
import { dropDisallowedAttributes, sanitizeContent } from './content/sanitize-content.js';
import { isDocumentCut } from './load-document.js';
import { convertToMarkdown } from './markdown/convert-to-markdown.js';
import { guardRawHtml } from './markdown/guard-raw-html.js';
import { stripMarkdown } from '../lib/strip-markdown.js';
import type { ImageCandidate } from './metadata/find-cover-image.js';

/** Characters of an article body's Markdown (and of its text before conversion). */
export const MAX_BODY_CHARS = 200_000;
export const BODY_CUT_NOTE =
  '_The article was cut here: it is longer than 200,000 characters. The rest is on the original page._';

export interface RenderedBody {
  markdown: string;
  text: string;
  /** Content images in order, with their declared sizes, for the cover fallback. */
  images: ImageCandidate[];
}

/** `markdown` carries no raw HTML (convert-to-markdown.ts); `text` is its plain text. */
export function renderBody($: CheerioAPI, root: Cheerio<Element>, baseUrl: string): RenderedBody {
  const cutTree = (root[0] !== undefined && cutContent(root[0], MAX_BODY_CHARS)) || isDocumentCut($);
  const images = resolveContentUrls($, root, baseUrl);
  if (root[0]) dropDisallowedAttributes(root[0]);
  const capped = capMarkdown(convertToMarkdown(sanitizeContent(root.html() ?? '')), MAX_BODY_CHARS, BODY_CUT_NOTE);
  const markdown = guardRawHtml(capped.kept);
  const cut = (capped.cut || cutTree) && markdown !== '';
  return { markdown: cut ? withNote(markdown, BODY_CUT_NOTE) : markdown, text: stripMarkdown(markdown), images };
}
