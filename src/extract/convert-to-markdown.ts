// Sanitized HTML to Markdown: turndown with GFM tables and strikethrough, ATX headings,
// `-` bullets, fenced code; then whitespace tidied (no blank-line runs, no trailing
// spaces, no whitespace-only lines like the tab junk in DESIGN.md's example).
// The HTML is parsed with htmlparser2 (as the page was) and handed to turndown as a small
// DOM tree, so turndown does not parse it again with domino (build-turndown-tree.ts).

import TurndownService from 'turndown';
import { strikethrough, tables } from 'turndown-plugin-gfm';
import { buildTurndownTree } from './build-turndown-tree.js';
import { loadDocument } from './load-document.js';

let service: TurndownService | undefined;

function createService(): TurndownService {
  const turndown = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
  });
  turndown.use([tables, strikethrough]);
  // The GFM plugin reads a table's first row unguarded: a table without rows (all its
  // cells stripped) would throw and lose the whole page. Its content stays as text.
  turndown.addRule('tableWithoutRows', {
    filter: (node) => node.nodeName === 'TABLE' && (node as HTMLTableElement).rows.length === 0,
    replacement: (content) => `\n\n${content}\n\n`,
  });
  // Empty links and images without a source carry nothing.
  turndown.addRule('emptyLink', {
    filter: (node) => node.nodeName === 'A' && !node.textContent?.trim() && node.getElementsByTagName('img').length === 0,
    replacement: () => '',
  });
  // `- item`, not turndown's `-   item`; nested content indented to match.
  turndown.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number.parseInt(parent.getAttribute('start') ?? '1', 10) || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });
  return turndown;
}

const HORIZONTAL_RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** Collapses blank-line runs, trims trailing spaces and whitespace-only lines, outside code fences; no rule first or last. */
export function tidyMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const cleaned = inFence ? line.replace(/\s+$/, '') : line.replace(/[ \t\u00a0]+$/, '').replace(/^\t+/, '');
    if (!inFence && cleaned.trim() === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(cleaned);
  }
  // A rule opening or closing the body is a separator from the page around it, never
  // content; one opening the body would also read as front matter (`---`).
  while (out.length > 0 && (out[0] === '' || HORIZONTAL_RULE.test(out[0]!))) out.shift();
  while (out.length > 0 && (out[out.length - 1] === '' || HORIZONTAL_RULE.test(out[out.length - 1]!))) out.pop();
  return out.join('\n').trim();
}

export function convertToMarkdown(html: string): string {
  service ??= createService();
  // turndown reads a DOM node as it reads its own parse of a string (see build-turndown-tree.ts).
  const tree = buildTurndownTree(loadDocument(html).root()[0]!.children);
  return tidyMarkdown(service.turndown(tree as unknown as HTMLElement));
}
