// The few DOM members turndown and turndown-plugin-gfm read and write, on plain objects
// built from a domhandler tree. turndown takes a DOM node as well as a string; given a
// string it parses it again with domino, which cost more than all the rest of the
// conversion (npm run eval:extract). The input is sanitize-html's output, already parsed
// by htmlparser2, so only two of HTML's tree fix-ups are redone: the newline right after
// <pre> is not content, and rows directly in a <table> go into an implied <tbody>.
// Members (every one the two packages use): nodeType, nodeName, tagName, parentNode,
// childNodes, children, firstChild, lastChild, lastElementChild, previousSibling,
// nextSibling, data, nodeValue, textContent, className, rows, outerHTML, getAttribute,
// getElementsByTagName, removeChild, cloneNode. Turndown copies its input and asks each
// element for its text several times; the tree is its own copy and keeps each text.

import type { AnyNode } from 'domhandler';
import { escapeHtmlKeepingQuotes } from '../../lib/xml-text.js';

type TreeNode = TreeElement | TreeText;

const VOID_TAGS = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'SOURCE',
  'TRACK',
  'WBR',
]);
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export class TreeText {
  readonly nodeType = 3;
  readonly nodeName = '#text';
  parentNode: TreeElement | null = null;
  previousSibling: TreeNode | null = null;
  nextSibling: TreeNode | null = null;
  constructor(private text: string) {}
  get data(): string {
    return this.text;
  }
  /** Turndown collapses whitespace in place, before it reads any text. */
  set data(text: string) {
    this.text = text;
    this.parentNode?.forgetText();
  }
  get nodeValue(): string {
    return this.text;
  }
  get textContent(): string {
    return this.text;
  }
}

export class TreeElement {
  readonly nodeType = 1;
  parentNode: TreeElement | null = null;
  previousSibling: TreeNode | null = null;
  nextSibling: TreeNode | null = null;
  readonly childNodes: TreeNode[] = [];
  /** textContent, kept: turndown asks each element for it two or three times. */
  private text: string | undefined;
  constructor(
    readonly nodeName: string,
    private readonly attribs: Readonly<Record<string, string>>,
  ) {}
  get tagName(): string {
    return this.nodeName;
  }
  get firstChild(): TreeNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): TreeNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get lastElementChild(): TreeElement | null {
    for (let index = this.childNodes.length - 1; index >= 0; index -= 1) {
      const child = this.childNodes[index]!;
      if (child.nodeType === 1) return child;
    }
    return null;
  }
  get children(): TreeElement[] {
    return this.childNodes.filter((child): child is TreeElement => child.nodeType === 1);
  }
  get className(): string {
    return this.attribs.class ?? '';
  }
  get textContent(): string {
    if (this.text === undefined) {
      let text = '';
      for (const child of this.childNodes) text += child.textContent;
      this.text = text;
    }
    return this.text;
  }
  /** Drops the kept text here and above (an element keeps it only while its children do). */
  forgetText(): void {
    for (let element: TreeElement | null = this; element?.text !== undefined; element = element.parentNode)
      element.text = undefined;
  }
  /** HTMLTableElement.rows: the head's rows, then the table's and its bodies', then the foot's. */
  get rows(): TreeElement[] {
    const rowsOf = (section: TreeElement) => section.children.filter((child) => child.nodeName === 'TR');
    const sections = this.children;
    return [
      ...sections.filter((child) => child.nodeName === 'THEAD').flatMap(rowsOf),
      ...sections.flatMap((child) =>
        child.nodeName === 'TR' ? [child] : child.nodeName === 'TBODY' ? rowsOf(child) : [],
      ),
      ...sections.filter((child) => child.nodeName === 'TFOOT').flatMap(rowsOf),
    ];
  }
  get outerHTML(): string {
    const name = this.nodeName.toLowerCase();
    const attributes = Object.entries(this.attribs)
      .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
      .join('');
    if (VOID_TAGS.has(this.nodeName)) return `<${name}${attributes}>`;
    const inner = this.childNodes
      .map((child) => (child.nodeType === 1 ? child.outerHTML : escapeHtmlKeepingQuotes(child.data)))
      .join('');
    return `<${name}${attributes}>${inner}</${name}>`;
  }
  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attribs, name) ? this.attribs[name]! : null;
  }
  getElementsByTagName(name: string): TreeElement[] {
    const wanted = name.toUpperCase();
    const found: TreeElement[] = [];
    const stack = [...this.children].reverse();
    while (stack.length > 0) {
      const element = stack.pop()!;
      if (element.nodeName === wanted) found.push(element);
      const children = element.children;
      for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
    }
    return found;
  }
  appendChild(child: TreeNode): void {
    const last = this.lastChild;
    if (last) last.nextSibling = child;
    child.previousSibling = last;
    child.nextSibling = null;
    child.parentNode = this;
    this.childNodes.push(child);
    this.forgetText();
  }
  removeChild(child: TreeNode): TreeNode {
    const index = this.childNodes.indexOf(child);
    if (index < 0) throw new Error('not a child');
    this.childNodes.splice(index, 1);
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    child.parentNode = child.previousSibling = child.nextSibling = null;
    this.forgetText();
    return child;
  }
  /** Turndown copies its input before changing it; this tree is built for that one conversion, so it is its own copy. */
  cloneNode(): TreeElement {
    return this;
  }
}

/** Where a child of `parent` goes: a row directly in a table (and what follows it) into an implied <tbody>. */
function placeFor(parent: TreeElement, node: AnyNode, implied: TreeElement | undefined): TreeElement | undefined {
  if (parent.nodeName !== 'TABLE') return undefined;
  const isRow = node.type === 'tag' && node.name === 'tr';
  if (isRow && !implied) {
    const body = new TreeElement('TBODY', {});
    parent.appendChild(body);
    return body;
  }
  return isRow || node.type === 'text' ? implied : undefined;
}

/** A turndown-ready root element holding `nodes` (a domhandler tree's top level). */
export function buildTurndownTree(nodes: readonly AnyNode[]): TreeElement {
  const root = new TreeElement('X-TURNDOWN', {});
  const stack: Array<{ nodes: readonly AnyNode[]; parent: TreeElement }> = [{ nodes, parent: root }];
  while (stack.length > 0) {
    const { nodes: level, parent } = stack.pop()!;
    let implied: TreeElement | undefined;
    for (const node of level) {
      implied = placeFor(parent, node, implied);
      const target = implied ?? parent;
      if (node.type === 'text') {
        const data =
          target.nodeName === 'PRE' && target.childNodes.length === 0 ? node.data.replace(/^\r?\n/, '') : node.data;
        if (data) target.appendChild(new TreeText(data));
      } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const element = new TreeElement(node.name.toUpperCase(), node.attribs);
        target.appendChild(element);
        stack.push({ nodes: node.children, parent: element });
      }
    }
  }
  return root;
}
