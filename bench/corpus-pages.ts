// Article page templates for the simulated web, made from the test corpus's real pages
// (articles/html/*.html.gz, gunzipped once). Each template has its canonical URL, titles
// and JSON-LD headline replaced by placeholders, so every simulated item is a distinct
// story (distinct canonical URL and title) with a real page's size and markup.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const corpusDir = resolve(projectRoot, 'tests', 'corpus');

const URL_MARK = '\u0000URL\u0000';
const TITLE_MARK = '\u0000TITLE\u0000';

export interface PageTemplate {
  name: string;
  /** The page split at the placeholders; odd pieces are 'url' or 'title'. */
  pieces: string[];
  bytes: number;
}

const STRIP = [
  /<link\b[^>]*\brel=["']?canonical\b[^>]*>/gi,
  /<meta\b[^>]*\b(?:property|name)=["']?(?:og:url|twitter:url|og:title|twitter:title)\b[^>]*>/gi,
];

function toTemplate(name: string, html: string): PageTemplate {
  let text = html;
  for (const pattern of STRIP) text = text.replace(pattern, '');
  text = text.replace(/"headline"\s*:\s*"(?:[^"\\]|\\.)*"/g, `"headline":"${TITLE_MARK}"`);
  text = text.replace(/<title\b[^>]*>[\s\S]*?<\/title>/i, `<title>${TITLE_MARK}</title>`);
  const head = /<head\b[^>]*>/i.exec(text);
  const inject = `<link rel="canonical" href="${URL_MARK}"><meta property="og:title" content="${TITLE_MARK}">`;
  text = head
    ? `${text.slice(0, head.index + head[0].length)}${inject}${text.slice(head.index + head[0].length)}`
    : `${inject}${text}`;
  const pieces = text.split(/\u0000(URL|TITLE)\u0000/);
  return { name, pieces, bytes: Buffer.byteLength(text) };
}

/** Every corpus page as a template, in file-name order. */
export function loadPageTemplates(): PageTemplate[] {
  const dir = join(corpusDir, 'articles', 'html');
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.html.gz'))
    .sort();
  return names.map((name) => toTemplate(name, gunzipSync(readFileSync(join(dir, name))).toString('utf8')));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page for one item: its own canonical URL and title in the template's places. */
export function renderPage(template: PageTemplate, url: string, title: string): string {
  const values: Record<string, string> = { URL: escapeHtml(url), TITLE: escapeHtml(title) };
  let out = '';
  for (let index = 0; index < template.pieces.length; index += 1) {
    out += index % 2 === 0 ? template.pieces[index] : values[template.pieces[index]];
  }
  return out;
}
