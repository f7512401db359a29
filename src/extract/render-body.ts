// Chosen content to the article body: URLs absolute, then sanitized, then Markdown,
// then plain text. Sanitizing and absolutizing come last, every time (STYLE.md).

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { resolveUrl } from '../lib/url.js';
import { convertToMarkdown } from './convert-to-markdown.js';
import type { ImageCandidate } from './find-cover-image.js';
import { findImageSource, resolveContentUrls } from './resolve-content-urls.js';
import { sanitizeContent } from './sanitize-content.js';
import { stripMarkdown } from './strip-markdown.js';
import { walkElements } from './walk-elements.js';

export interface RenderedBody {
  markdown: string;
  text: string;
  /** Content images in order, with their declared sizes, for the cover fallback. */
  images: ImageCandidate[];
}

function toSize(value: string | undefined): number | undefined {
  const size = Number.parseInt(value ?? '', 10);
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

function collectImages($: CheerioAPI, root: Cheerio<Element>, baseUrl: string): ImageCandidate[] {
  const found: Element[] = [];
  if (root[0]) {
    walkElements(root[0], (element) => {
      if (element.name === 'img') found.push(element);
    });
  }
  return found.slice(0, 10).map((element) => ({
    url: resolveUrl(findImageSource(element, $), baseUrl),
    width: toSize(element.attribs.width),
    height: toSize(element.attribs.height),
  }));
}

export function renderBody($: CheerioAPI, root: Cheerio<Element>, baseUrl: string): RenderedBody {
  const images = collectImages($, root, baseUrl);
  resolveContentUrls($, root, baseUrl);
  const markdown = convertToMarkdown(sanitizeContent(root.html() ?? ''));
  return { markdown, text: stripMarkdown(markdown), images };
}
