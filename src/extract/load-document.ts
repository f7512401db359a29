// Parses a page with cheerio's htmlparser2 path: 3-4x faster than parse5 on real pages,
// and lenient enough for the tag soup sites serve. Serializing writes non-ASCII text as
// itself ('utf8'), not as `&#x2019;` references the sanitizer would decode again.

import { load } from 'cheerio/slim';
import type { CheerioAPI } from 'cheerio/slim';

export function loadDocument(html: string): CheerioAPI {
  return load(html, { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8', lowerCaseAttributeNames: true } });
}

/** Whitespace runs (including non-breaking spaces) collapsed to one space, trimmed. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
