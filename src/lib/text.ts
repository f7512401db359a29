// Text helpers shared by the stages: HTML entity decoding (named ones looked up once
// through cheerio's decoder and cached), tag stripping, whitespace collapsing. One name per
// behaviour (issue 14): where two helpers differ, the name says how.

import { load } from 'cheerio';
import { stripBidiControls } from './strip-bidi-controls.js';

const named = new Map<string, string | undefined>();
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** The character(s) an HTML named entity stands for, or undefined if it is not one. */
export function lookupEntity(name: string): string | undefined {
  if (named.has(name)) return named.get(name);
  const decoded = load(`&${name};`, null, false).text();
  const value = decoded === `&${name};` ? undefined : decoded;
  if (named.size < 5_000) named.set(name, value);
  return value;
}

export function isXmlEntity(name: string): boolean {
  return XML_ENTITIES.has(name);
}

function fromCodePoint(code: number): string {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#')
      return fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return lookupEntity(ref) ?? whole;
  });
}

/** Whitespace runs (`\s`, which includes U+00A0) collapsed to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** As collapseWhitespace, zero-width spaces (U+200B) counted as whitespace too: for page text. */
export function collapseWhitespaceAndZeroWidth(text: string): string {
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

export function stripTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[a-z][^>]*>/gi, ' ');
}

/** True when a text field holds a tag or an entity anywhere (fetch's bytesOpenLikeHtml sniffs a whole document). */
export function hasMarkupOrEntities(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

/** Plain one-line text from a field that may hold HTML or entities; no bidirectional controls. */
export function toPlainText(value: string | undefined): string {
  if (!value) return '';
  const text = hasMarkupOrEntities(value) ? decodeEntities(stripTags(value)) : value;
  return collapseWhitespace(stripBidiControls(text));
}

/** The first `count` words of a text, with an ellipsis when cut. */
export function firstWords(text: string, count: number): string {
  const words = text.split(' ').filter(Boolean);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}
