// Tables as Markdown, in place of turndown-plugin-gfm's rules (issue 13): the plugin keeps
// a table without a heading row as raw HTML, writes a cell's paragraphs over several
// lines (which ends the table) and leaves its pipes unescaped (GFM splits cells before
// it reads code spans, so a pipe in code left a backtick open and the rest as markup).
// - A data table (cells holding text, links, images, inline code) is a GFM table, one
//   line per row, pipes escaped; without a heading row it gets an empty one as wide as
//   its widest row.
// - A layout table (a cell holding two paragraphs, a heading, a list, a code block or
//   another table) is not a table at all: each cell's content is written as blocks.

import type TurndownService from 'turndown';
import { formatTableCell } from './markdown-escapes.js';

/** What a GFM cell cannot hold: a cell with one of these, or with two paragraphs, makes its table a layout. */
const BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'DL', 'PRE', 'TABLE', 'BLOCKQUOTE', 'HR']);
const PARAGRAPHS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'MAIN']);
const layouts = new WeakMap<object, boolean>();

const tableRows = new WeakMap<object, HTMLElement[]>();

/** The table's rows, listed once per table: every row asks for them (once each, a 150,000-row table took minutes). */
function rowsOf(table: HTMLElement): HTMLElement[] {
  let rows = tableRows.get(table);
  if (rows === undefined) {
    rows = Array.from((table as HTMLTableElement).rows) as HTMLElement[];
    tableRows.set(table, rows);
  }
  return rows;
}
const cellsOf = (row: HTMLElement) =>
  Array.from(row.children).filter((cell) => cell.nodeName === 'TD' || cell.nodeName === 'TH') as HTMLElement[];

function closestTable(node: Node): HTMLElement | undefined {
  let current = node.parentNode as HTMLElement | null;
  while (current && current.nodeName !== 'TABLE') current = current.parentNode as HTMLElement | null;
  return current ?? undefined;
}

function hasBlockInside(cell: HTMLElement): boolean {
  let paragraphs = 0;
  const stack = Array.from(cell.children) as HTMLElement[];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (BLOCKS.has(element.nodeName)) return true;
    if (PARAGRAPHS.has(element.nodeName) && element.textContent?.trim()) paragraphs += 1;
    if (paragraphs > 1) return true;
    stack.push(...(Array.from(element.children) as HTMLElement[]));
  }
  return false;
}

/** A table is for layout when any of its cells holds a block. */
function isLayoutTable(table: HTMLElement | undefined): boolean {
  if (!table) return true;
  let layout = layouts.get(table);
  if (layout === undefined) {
    layout = rowsOf(table).some((row) => cellsOf(row).some(hasBlockInside));
    layouts.set(table, layout);
  }
  return layout;
}

/** GFM's heading row: in a THEAD, or the first row of the table (or of its first body) made of TH only. */
function isHeadingRow(row: HTMLElement | undefined): boolean {
  const parent = row?.parentNode as HTMLElement | null | undefined;
  if (!row || !parent) return false;
  if (parent.nodeName === 'THEAD') return true;
  const previous = parent.previousSibling;
  const firstBody =
    parent.nodeName === 'TABLE' ||
    (parent.nodeName === 'TBODY' && (!previous || (previous.nodeName === 'THEAD' && !previous.textContent?.trim())));
  return (
    firstBody &&
    parent.firstChild === row &&
    row.children.length > 0 &&
    Array.from(row.children).every((cell) => cell.nodeName === 'TH')
  );
}

function renderTable(content: string, table: HTMLElement): string {
  if (isLayoutTable(table)) return `\n\n${content}\n\n`;
  const rows = rowsOf(table);
  if (rows.length === 0) return '\n\n';
  const body = content.replace(/\n{2,}/g, '\n');
  if (isHeadingRow(rows[0])) return `\n\n${body}\n\n`;
  const width = Math.max(1, ...rows.map((row) => cellsOf(row).length));
  return `\n\n|${'  |'.repeat(width)}\n|${' --- |'.repeat(width)}${body}\n\n`;
}

function renderRow(content: string, row: HTMLElement): string {
  const table = closestTable(row);
  if (isLayoutTable(table)) return `\n\n${content}\n\n`;
  const border =
    table && row === rowsOf(table)[0] && isHeadingRow(row) ? `\n|${' --- |'.repeat(cellsOf(row).length)}` : '';
  return `\n${content}${border}`;
}

export function useTableRules(turndown: TurndownService): void {
  turndown.addRule('table', {
    filter: 'table',
    replacement: (content, node) => renderTable(content, node as HTMLElement),
  });
  turndown.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  turndown.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => renderRow(content, node as HTMLElement),
  });
  turndown.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      if (isLayoutTable(closestTable(node))) return `\n\n${content}\n\n`;
      const first = (node.parentNode as HTMLElement | null)?.children[0] === node;
      return `${first ? '| ' : ' '}${formatTableCell(content)} |`;
    },
  });
}
