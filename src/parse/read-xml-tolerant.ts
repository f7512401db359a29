// The last-resort reader for XML no strict parser accepts (bad nesting, truncation,
// undeclared prefixes): cheerio in XML mode (htmlparser2), which never rejects, turned
// into the same xml2js-style elements the strict reader gives.

import { load } from 'cheerio/slim';
import type { FeedRoot } from './find-root-element.js';
import type { RawXmlFeed, XElement, XNode } from './xml-node.js';

/** The bits of a domhandler node we walk (kept structural: domhandler is cheerio's). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const KEEP_MARKUP = new Set([
  'content',
  'content:encoded',
  'description',
  'summary',
  'title',
  'body',
  'xhtml:body',
  'subtitle',
  'tagline',
  'info',
  'media:description',
  'fullitem',
]);
const MAX_DEPTH = 12;

export function readXmlTolerant(xml: string, root: FeedRoot, maxItems: number): RawXmlFeed | undefined {
  const $ = load(xml, { xml: { xmlMode: true, decodeEntities: true, recognizeCDATA: true } });
  const rootNode = findElement($.root()[0] as unknown as DomNode, (node) => node.name === root.name);
  if (!rootNode) return undefined;
  const channelNode = childElements(rootNode).find((node) => node.name === 'channel');
  const entryName = root.name === 'feed' ? 'entry' : 'item';
  const entries = [
    ...childElements(rootNode).filter((node) => node.name === entryName),
    ...(channelNode ? childElements(channelNode).filter((node) => node.name === entryName) : []),
  ].slice(0, maxItems);
  const channel = toElement(channelNode ?? rootNode, MAX_DEPTH, entryName, $);
  const items = entries.map((node) => toElement(node, MAX_DEPTH, undefined, $));
  return { format: root.format, version: root.attrs.version, rootAttrs: root.attrs, channel, items };
}

function childElements(node: DomNode): DomNode[] {
  return (node.children ?? []).filter((child) => child.type === 'tag');
}

function findElement(node: DomNode, test: (node: DomNode) => boolean): DomNode | undefined {
  for (const child of childElements(node)) {
    if (test(child)) return child;
    const inner = findElement(child, test);
    if (inner) return inner;
  }
  return undefined;
}

function directText(node: DomNode): string {
  let text = '';
  for (const child of node.children ?? []) {
    if (child.type === 'text') text += child.data ?? '';
    else if (child.type === 'cdata') text += directText(child);
  }
  return text;
}

function toElement(node: DomNode, depth: number, skip: string | undefined, $: ReturnType<typeof load>): XElement {
  const element: XElement = {};
  if (node.attribs && Object.keys(node.attribs).length) element.$ = { ...node.attribs };
  element._ = directText(node);
  const kids = childElements(node);
  if (kids.length && node.name && KEEP_MARKUP.has(node.name)) element.__xml = $.xml(node.children as never);
  if (depth <= 0) return element;
  for (const kid of kids) {
    if (!kid.name || kid.name === skip) continue;
    const list = (element[kid.name] as XNode[] | undefined) ?? [];
    list.push(toElement(kid, depth - 1, undefined, $));
    element[kid.name] = list;
  }
  return element;
}
