// Turndown's rules that write text, code, links, images and tables, replaced by ones
// built on markdown-escapes.ts, so the Markdown is safe by construction (issue 13):
// turndown itself leaves `<` in text, closes a fence on a line of backticks indented by
// one to three spaces, takes any `language-…` class as the info string, leaves a link
// title free to close early (tables: use-table-rules.ts). Add these before rules that
// must win over them (turndown tries the rule added last first: the empty-link rule).

import type TurndownService from 'turndown';
import {
  escapeMarkdownText,
  formatCodeBlock,
  formatCodeSpan,
  formatLinkDestination,
  formatLinkTitle,
} from './markdown-escapes.js';
import { followsCodeSpan, isCodeBlock, startsLine } from './follows-code-span.js';
import { useTableRules } from './use-table-rules.js';

/**
 * `code` as a code span; as escaped text when it would touch the code span before (a
 * space between them could be trimmed away by an element around this one).
 */
const writeCodeSpan = (node: Node, code: string) =>
  followsCodeSpan(node) ? escapeMarkdownText(code.replace(/\r\n?|\n/g, ' ')) : formatCodeSpan(code);

/** The text of code as written: a `<br>` is a line break (textContent would drop it). */
function codeText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else text += child.nodeName === 'BR' ? '\n' : codeText(child);
  }
  return text;
}

export function useSafeMarkdownRules(turndown: TurndownService): void {
  turndown.escape = escapeMarkdownText;
  turndown.addRule('fencedCodeBlock', {
    filter: isCodeBlock,
    replacement: (_content, node) => {
      const language = /language-(\S+)/.exec((node.firstChild as HTMLElement).getAttribute('class') ?? '')?.[1] ?? '';
      return startsLine(node) ? formatCodeBlock(codeText(node), language) : writeCodeSpan(node, codeText(node));
    },
  });
  turndown.addRule('code', {
    filter: (node) => node.nodeName === 'CODE',
    replacement: (_content, node) => writeCodeSpan(node, codeText(node)),
  });
  turndown.addRule('inlineLink', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => {
      const element = node as HTMLElement;
      return `[${content}](${formatLinkDestination(element.getAttribute('href')!)}${formatLinkTitle(element.getAttribute('title') ?? '')})`;
    },
  });
  turndown.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const src = element.getAttribute('src');
      if (!src) return '';
      const alt = escapeMarkdownText((element.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim());
      return `![${alt}](${formatLinkDestination(src)}${formatLinkTitle(element.getAttribute('title') ?? '')})`;
    },
  });
  useTableRules(turndown);
}
