// Markdown back to plain text: images dropped, link targets dropped, emphasis, heading
// hashes, quote and list marks and table pipes removed; the escapes of markdown-escapes.ts
// undone (`&lt;`, `&amp;`, backslashes); whitespace collapsed.
// A link's target is turndown's: the URL with its parentheses escaped, then an optional
// quoted title with its quotes escaped (a title may hold parentheses of its own).

const TARGET = String.raw`\((?:[^()\s\\]|\\.)*(?:\s+"(?:[^"\\]|\\.)*")?\)`;
const LABEL = String.raw`\[((?:[^\]\\]|\\.)*)\]`;
const IMAGE = new RegExp(`!${LABEL}${TARGET}`, 'g');
const LINK = new RegExp(`${LABEL}${TARGET}`, 'g');

/**
 * Emphasis marks: unescaped `_` and `*` at the edge of a word, whatever stands outside it
 * (`"_quoted_"`, `word_._` where an emphasized full stop follows a word); inside a word
 * (`snake_case` in code) they stay. Text's own `_` and `*` are escaped, and unescaped below.
 */
const EMPHASIS_MARK = /(?<![\\\p{L}\p{N}])[*_]+|(?<!\\)[*_]+(?![\p{L}\p{N}])/gu;

export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, ' ')
    .replace(IMAGE, ' ')
    .replace(LINK, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, ' ')
    .replace(/(^|[^\\])\|/g, '$1 ')
    .replace(/\*\*|__|~~/g, '')
    .replace(/(?<!\\)`/g, '')
    .replace(EMPHASIS_MARK, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~&=])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
