// The raw XML shape both readers produce (xml2js's: attributes under `$`, text under `_`,
// children as arrays by tag name) and small accessors over it. Nothing here leaves parse/.

import { escapeHtmlKeepingQuotes } from '../lib/xml-text.js';

export type XAttrs = Record<string, string>;
export interface XElement {
  $?: XAttrs;
  _?: string;
  /** Inner markup, set by the tolerant reader for elements with element children. */
  __xml?: string;
  [child: string]: XNode[] | XAttrs | string | undefined;
}
export type XNode = string | XElement;

/** What a reader gives the normalizer: the root's kind, its attributes, channel and entries. */
export interface RawXmlFeed {
  format: 'rss' | 'rdf' | 'atom';
  version?: string;
  rootAttrs: XAttrs;
  channel: XElement;
  items: XElement[];
}

export function childNodes(parent: XElement | undefined, name: string): XNode[] {
  const value = parent?.[name];
  return Array.isArray(value) ? value : [];
}

/** An element's link elements, RSS or Atom (either prefix): where its alternate link is looked for. */
export function linkNodes(parent: XElement | undefined): XNode[] {
  return [...childNodes(parent, 'link'), ...childNodes(parent, 'atom:link'), ...childNodes(parent, 'atom10:link')];
}

export function firstChild(parent: XElement | undefined, ...names: string[]): XNode | undefined {
  for (const name of names) {
    const found = childNodes(parent, name)[0];
    if (found !== undefined) return found;
  }
  return undefined;
}

export function textOf(node: XNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node._ === 'string') return node._;
  if (typeof node.__xml === 'string') return node.__xml;
  return undefined;
}

/** Trimmed text of the first non-empty child among `names`. */
export function childText(parent: XElement | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const node of childNodes(parent, name)) {
      const text = textOf(node)?.trim();
      if (text) return text;
    }
  }
  return undefined;
}

export function attrOf(node: XNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node.$?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function escapeXml(text: string, attribute = false): string {
  const out = escapeHtmlKeepingQuotes(text);
  return attribute ? out.replace(/"/g, '&quot;') : out;
}

/**
 * Inner markup of an xml2js element (an Atom xhtml `<content>`). xml2js keeps no order
 * between text and child elements, so mixed content comes back text first.
 */
export function markupOf(node: XNode): string {
  if (typeof node === 'string') return escapeXml(node);
  if (typeof node.__xml === 'string') return node.__xml;
  let out = typeof node._ === 'string' ? escapeXml(node._) : '';
  for (const [name, value] of Object.entries(node)) {
    if (name === '$' || name === '_' || name === '__xml' || !Array.isArray(value)) continue;
    for (const child of value) out += serialize(name, child);
  }
  return out;
}

function serialize(name: string, node: XNode): string {
  const attrs =
    typeof node === 'string'
      ? ''
      : Object.entries(node.$ ?? {})
          .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
          .join('');
  const inner = markupOf(node);
  return inner ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`;
}
