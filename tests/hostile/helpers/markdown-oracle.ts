// The oracle for article bodies (issue 13): a real CommonMark renderer, markdown-it with
// raw HTML on, as a site generator reading data/articles/*.md might be set up. Its own
// link check is off (it would hide a javascript: URL that another renderer keeps). A body
// passes when the parse holds no raw HTML token and the rendered HTML has only the
// elements Markdown makes, no on* attribute and no script-capable URL.

import { load } from 'cheerio';
import type { Element } from 'domhandler';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { normalizeUrlValue } from './leak-check.js';

const renderer = new MarkdownIt({ html: true, linkify: false });
renderer.validateLink = () => true;

const MARKDOWN_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  's',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'br',
]);
const MARKDOWN_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'class', 'start', 'style']);
const SCRIPT_URL = /^(javascript|vbscript|data):/;

function rawHtmlTokens(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) => [
    ...(token.type === 'html_block' || token.type === 'html_inline' ? [token.content.slice(0, 80)] : []),
    ...(token.children ? rawHtmlTokens(token.children) : []),
  ]);
}

/** What makes `markdown` unsafe to render with HTML on; empty when it is safe. */
export function findMarkdownHtml(markdown: string): string[] {
  const found = rawHtmlTokens(renderer.parse(markdown, {})).map((html) => `raw HTML ${JSON.stringify(html)}`);
  const $ = load(renderer.render(markdown), null, false);
  for (const element of $('*').toArray() as Element[]) {
    if (!MARKDOWN_TAGS.has(element.tagName)) found.push(`element <${element.tagName}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (!MARKDOWN_ATTRIBUTES.has(name)) found.push(`attribute ${name} on <${element.tagName}>`);
      if (/^on/i.test(name)) found.push(`event handler ${name}`);
      if ((name === 'href' || name === 'src') && SCRIPT_URL.test(normalizeUrlValue(value)))
        found.push(`URL ${value.slice(0, 60)}`);
    }
  }
  return found;
}
