// Reads the subscriptions of an OPML 1.0/2.0 document (http://opml.org/spec2.opml):
// every <outline> with an xmlUrl, nested ones too, with its name (text, else title),
// its htmlUrl, and the category hints a caller may map to a configured category:
// the outline's own `category` attribute (comma-separated, `/a/b` paths split), then
// the texts of its parent outlines, nearest first. Attribute names are matched without
// regard to case (`xmlurl` is common in the wild). Pure: no I/O.
// Walked without recursion, each outline visited once and its parents shared, not copied
// (issue 13: a 20,000-deep document overflowed the stack); the hints keep the nearest
// MAX_PARENT_HINTS parents.

import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { FeedwrightError } from '../lib/errors.js';

export interface OpmlSubscription {
  /** Trimmed name; empty when the outline had neither text nor title. */
  name: string;
  /** xmlUrl as written (trimmed); the caller checks it is an http(s) URL. */
  xmlUrl: string;
  htmlUrl?: string;
  /** Candidate category names, most specific first. */
  categoryHints: string[];
}

function attribute(element: Element, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(element.attribs)) {
    if (key.toLowerCase() === wanted) return value.replace(/\s+/g, ' ').trim() || undefined;
  }
  return undefined;
}

function outlineLabel(element: Element): string | undefined {
  return attribute(element, 'text') ?? attribute(element, 'title');
}

function categoryAttributeHints(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .flatMap((entry) => entry.split('/').reverse())
    .map((part) => part.trim())
    .filter(Boolean);
}

const MAX_PARENT_HINTS = 16;

/** The labels of an outline's parents, nearest first, as a shared chain. */
interface ParentLabel {
  label: string;
  parent?: ParentLabel;
}

function parentHints(parents: ParentLabel | undefined): string[] {
  const hints: string[] = [];
  for (let node = parents; node && hints.length < MAX_PARENT_HINTS; node = node.parent) hints.push(node.label);
  return hints;
}

function isOutline(node: AnyNode): node is Element {
  return node.type === 'tag' && node.name === 'outline';
}

function walk(outlines: Element[], out: OpmlSubscription[]): void {
  const stack: Array<{ element: Element; parents?: ParentLabel }> = outlines.map((element) => ({ element })).reverse();
  while (stack.length > 0) {
    const { element, parents } = stack.pop()!;
    const xmlUrl = attribute(element, 'xmlUrl');
    const label = outlineLabel(element);
    if (xmlUrl) {
      out.push({
        name: label ?? '',
        xmlUrl,
        htmlUrl: attribute(element, 'htmlUrl'),
        categoryHints: [...categoryAttributeHints(attribute(element, 'category')), ...parentHints(parents)],
      });
    }
    const inner = label ? { label, parent: parents } : parents;
    const children = element.children.filter(isOutline);
    for (let index = children.length - 1; index >= 0; index -= 1)
      stack.push({ element: children[index]!, parents: inner });
  }
}

export function readOpml(text: string): OpmlSubscription[] {
  const $ = load(text.replace(/^\ufeff/, ''), { xml: { xmlMode: true, decodeEntities: true } });
  const root = $('opml').first();
  if (root.length === 0) {
    throw new FeedwrightError('PARSE', 'Not an OPML document: no <opml> element', { stage: 'parse' });
  }
  const body = root.children('body').first();
  const out: OpmlSubscription[] = [];
  walk((body.length ? body : root).children('outline').toArray(), out);
  return out;
}
