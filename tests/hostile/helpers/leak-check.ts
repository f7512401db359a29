// Finds anything executable in HTML or in text a careless reader might treat as HTML:
// dangerous elements, on* handlers, script-capable URL schemes in any attribute (after
// entity decoding and with whitespace/control characters removed, as browsers do), CSS
// expressions and url()s, meta refresh, base. Each finding names what and where.

import { load } from 'cheerio';
import type { Element } from 'domhandler';
import MarkdownIt from 'markdown-it';

const DANGEROUS_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'base',
  'meta',
  'link',
  'template',
  'noscript',
  'xml',
  'import',
  'isindex',
]);

const DANGEROUS_SCHEME = /^(javascript|vbscript|livescript|data|jar|mocha):/;
const DANGEROUS_CSS = /expression\s*\(|url\s*\(|javascript:|behavio(u)?r\s*:|-moz-binding|@import/i;

/** The attribute value as a browser would compare its scheme: no whitespace or controls. */
export function normalizeUrlValue(value: string): string {
  return value
    .replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]+/g, '')
    .toLowerCase();
}

function attributeLeaks(tag: string, name: string, value: string, where: string): string[] {
  const leaks: string[] = [];
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) leaks.push(`${where}: <${tag} ${name}=…> event handler`);
  if (DANGEROUS_SCHEME.test(normalizeUrlValue(value)))
    leaks.push(`${where}: <${tag} ${name}="${value.slice(0, 60)}"> script-capable URL`);
  if (lower === 'style' && DANGEROUS_CSS.test(value))
    leaks.push(`${where}: <${tag} style="${value.slice(0, 60)}"> CSS`);
  if (/^(formaction|action|xlink:href|srcdoc)$/.test(lower)) leaks.push(`${where}: <${tag} ${name}> attribute`);
  return leaks;
}

/** What in an HTML fragment (or a whole page, `page: true`) could run or redirect. */
export function findHtmlLeaks(html: string, where: string, options: { page?: boolean } = {}): string[] {
  const $ = load(html, null, options.page ?? false);
  const leaks: string[] = [];
  for (const element of $('*').toArray() as Element[]) {
    const tag = element.tagName.toLowerCase();
    const pageHead = options.page && ['meta', 'link', 'style'].includes(tag);
    if (DANGEROUS_TAGS.has(tag) && !pageHead) leaks.push(`${where}: <${tag}> element`);
    if (tag === 'meta' && /refresh|set-cookie/i.test($(element).attr('http-equiv') ?? ''))
      leaks.push(`${where}: meta refresh`);
    for (const [name, value] of Object.entries(element.attribs)) leaks.push(...attributeLeaks(tag, name, value, where));
  }
  return leaks;
}

/** A plain-text field, read as HTML the way a careless template would. */
export function findTextLeaks(text: string, where: string): string[] {
  return text.includes('<') ? findHtmlLeaks(text, where) : [];
}

/** A URL field (link, image, source): http(s) only. */
export function findUrlLeaks(url: string | undefined, where: string): string[] {
  if (!url) return [];
  return /^https?:\/\//i.test(url.trim()) ? [] : [`${where}: URL "${url.slice(0, 60)}" is not http(s)`];
}

const permissiveMarkdown = new MarkdownIt({ html: true, linkify: true });

/** A Markdown body as a site generator with raw HTML enabled would render it. */
export function findMarkdownLeaks(markdown: string, where: string): string[] {
  return findHtmlLeaks(permissiveMarkdown.render(markdown), where);
}
