// The check behind the escapes (issue 13): the Markdown is read by a CommonMark parser
// with raw HTML on, as a site generator might render it. If any raw HTML is found (the
// rules in use-safe-markdown-rules.ts should leave none; two code spans written side by
// side can still pair their backticks differently than written), every `<` becomes
// `&lt;`: raw HTML always begins with `<`, so none is left, at the cost of code showing
// `&lt;` for that one body.

import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const parser = new MarkdownIt({ html: true, linkify: false });

function hasHtmlToken(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token) =>
      token.type === 'html_block' ||
      token.type === 'html_inline' ||
      (token.children !== null && hasHtmlToken(token.children)),
  );
}

export function guardRawHtml(markdown: string): string {
  if (!markdown.includes('<') || !hasHtmlToken(parser.parse(markdown, {}))) return markdown;
  return markdown.replace(/</g, '&lt;');
}
