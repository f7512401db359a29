// Reads the subscriptions of an OPML 1.0/2.0 document (http://opml.org/spec2.opml):
// every <outline> with an xmlUrl, nested ones too, with its name (text, else title),
// its htmlUrl, and the category hints a caller may map to a configured category:
// the outline's own `category` attribute (comma-separated, `/a/b` paths split), then
// the texts of its parent outlines, nearest first. Attribute names are matched without
// regard to case (`xmlurl` is common in the wild). Pure: no I/O.

import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
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

function walk($: CheerioAPI, outlines: Cheerio<Element>, parents: string[], out: OpmlSubscription[]): void {
  outlines.each((_index, element) => {
    const xmlUrl = attribute(element, 'xmlUrl');
    const label = outlineLabel(element);
    if (xmlUrl) {
      out.push({
        name: label ?? '',
        xmlUrl,
        htmlUrl: attribute(element, 'htmlUrl'),
        categoryHints: [...categoryAttributeHints(attribute(element, 'category')), ...parents],
      });
    }
    walk($, $(element).children('outline'), label ? [label, ...parents] : parents, out);
  });
}

export function readOpml(text: string): OpmlSubscription[] {
  const $ = load(text.replace(/^\ufeff/, ''), { xml: { xmlMode: true, decodeEntities: true } });
  const root = $('opml').first();
  if (root.length === 0) {
    throw new FeedwrightError('PARSE', 'Not an OPML document: no <opml> element', { stage: 'parse' });
  }
  const body = root.children('body').first();
  const out: OpmlSubscription[] = [];
  walk($, (body.length ? body : root).children('outline'), [], out);
  return out;
}
