// The strings the Markdown converter writes, each made so that a CommonMark renderer with
// raw HTML on still reads it as what it was (issue 13): text never opens a tag, comment or
// entity; a code span's delimiter is a backtick run found nowhere inside it; a fence is
// longer than any backtick run in its code, with a language of safe characters only; a
// link's destination and title cannot end the link early or decode to another scheme.
// Raw HTML in CommonMark always begins with `<`, so text carries none (`&lt;`); `>` alone
// opens nothing and stays (turndown already escapes it at a line start).

import TurndownService from 'turndown';

/** `&` that would start an entity (`&lt;`, `&#60;`): written `&amp;` so the text stays as it was. */
const ENTITY_START = /&(?=#[0-9xX]|[A-Za-z][A-Za-z0-9]*;)/g;
const LANGUAGE_UNSAFE = /[^A-Za-z0-9_+#.-]/g;

const turndownEscape = TurndownService.prototype.escape;
/**
 * What turndown's escapes act on (its list, lib/turndown's markdownEscapes): these
 * characters anywhere, these openings at the start. Text with none of them, most text
 * nodes, skips its thirteen replaces.
 */
const TURNDOWN_ESCAPED = /[\\*`[\]_]|^(?:[->]|\+ |=|#{1,6} |~~~|\d+\. )/;

/** A text node as Markdown: turndown's escapes, then `&` and `<` made inert. */
export function escapeMarkdownText(text: string): string {
  const inert = text.replace(ENTITY_START, '&amp;').replace(/</g, '&lt;');
  return TURNDOWN_ESCAPED.test(inert) ? turndownEscape(inert) : inert;
}

/** `code` as one code span: a delimiter run that occurs nowhere in it, padded when it starts or ends with a backtick. */
export function formatCodeSpan(code: string): string {
  const content = code.replace(/\r\n?|\n/g, ' ');
  if (content === '') return '';
  const runs = new Set(content.match(/`+/g)?.map((run) => run.length));
  let length = 1;
  while (runs.has(length)) length += 1;
  const delimiter = '`'.repeat(length);
  const pad = /^`|`$/.test(content) || /^ .*[^ ].* $/.test(content) ? ' ' : '';
  return delimiter + pad + content + pad + delimiter;
}

/** `code` as a fenced block: the fence one backtick longer than any run inside (at least three). */
export function formatCodeBlock(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `\n\n${fence}${language.replace(LANGUAGE_UNSAFE, '')}\n${code.replace(/\n$/, '')}\n${fence}\n\n`;
}

/** A link or image destination: no space, control character or `<>` (percent-encoded), `\()` escaped, no entity. */
export function formatLinkDestination(url: string): string {
  return url
    .replace(/[\s<>\u0000-\u001f\u007f]/g, (character) => encodeURIComponent(character))
    .replace(/[\\()]/g, '\\$&')
    .replace(ENTITY_START, '\\&');
}

/** A link or image title in double quotes, on one line, that cannot close early or carry a tag. */
export function formatLinkTitle(title: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!clean) return '';
  return ` "${clean.replace(/[\\"]/g, '\\$&').replace(ENTITY_START, '&amp;').replace(/</g, '&lt;')}"`;
}

/** A table cell's content on one line, its pipes escaped (GFM splits cells before it reads code spans). */
export function formatTableCell(content: string): string {
  const oneLine = content.replace(/\s*\n\s*/g, ' ').trim();
  // A pipe after an even number of backslashes is a cell border: escape it.
  return oneLine.replace(/\\*\|/g, (run) => (run.length % 2 === 1 ? `\\${run}` : run));
}
