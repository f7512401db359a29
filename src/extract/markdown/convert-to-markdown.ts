// Sanitized HTML to Markdown: turndown with GFM tables (use-table-rules.ts) and strikethrough, ATX headings,
// `-` bullets, fenced code; then whitespace tidied (no blank-line runs, no trailing
// spaces, no whitespace-only lines like the tab junk in DESIGN.md's example).
// The HTML is parsed with htmlparser2 (as the page was) and handed to turndown as a small
// DOM tree, so turndown does not parse it again with domino (build-turndown-tree.ts).
// Text, code, links, images and tables are written by use-safe-markdown-rules.ts so that
// the Markdown carries no raw HTML (render-body.ts checks it with guard-raw-html.ts).

import TurndownService from 'turndown';
import { strikethrough } from 'turndown-plugin-gfm';
import { buildTurndownTree } from './build-turndown-tree.js';
import { loadDocument } from '../load-document.js';
import { useSafeMarkdownRules } from './use-safe-markdown-rules.js';

let service: TurndownService | undefined;

/** True when the item follows another item (past blank text), or opens its list. */
function followsItem(node: Node): boolean {
  let previous = node.previousSibling;
  while (previous && previous.nodeType === 3 && !previous.textContent?.trim()) previous = previous.previousSibling;
  const listed = node.parentNode?.nodeName === 'UL' || node.parentNode?.nodeName === 'OL';
  return previous ? previous.nodeName === 'LI' : listed;
}

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
  turndown.use(strikethrough);
  useSafeMarkdownRules(turndown);
  // Empty links and images without a source carry nothing.
  turndown.addRule('emptyLink', {
    filter: (node) =>
      node.nodeName === 'A' && !node.textContent?.trim() && node.getElementsByTagName('img').length === 0,
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
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      // An item not right after another starts its own block (else it would follow inline
      // text on its line, and a code fence in it would not start a line).
      const lead = followsItem(node) ? '' : '\n\n';
      return lead + prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });
  return turndown;
}

/** The fence a line opens or closes (after its indentation, three or more backticks or tildes), if any. */
const FENCE_LINE = /^(`{3,}|~{3,})/;
const HORIZONTAL_RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** Collapses blank-line runs, trims trailing spaces and whitespace-only lines, outside code fences; no rule first or last. */
export function tidyMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let openFence = '';
  for (const line of lines) {
    const fence = FENCE_LINE.exec(line.trimStart())?.[1];
    // A fence closes only with the same character, at least as long, and nothing after it.
    if (!openFence && fence) openFence = fence;
    else if (fence && fence[0] === openFence[0] && fence.length >= openFence.length && line.trim() === fence)
      openFence = '';
    const inFence = openFence !== '' || fence !== undefined;
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
