// Everything metadata is read from, collected in one pass over <head> and a few
// body elements, so each `find…` function is a plain fallback chain over this object.

import type { CheerioAPI } from 'cheerio';
import { collapseWhitespaceAndZeroWidth } from '../../lib/text.js';
import { isArticleNode, isPageNode, readJsonLd } from './json-ld.js';
import type { JsonLdNode } from './json-ld.js';
import type { Element } from 'domhandler';
import { walkElements } from '../content/walk-elements.js';
import { resolveUrl } from '../../lib/url.js';

export interface PageMeta {
  /** JSON-LD article objects first, then web-page objects. */
  jsonLd: JsonLdNode[];
  /** Every JSON-LD object (organizations, web sites, people too). */
  graph: JsonLdNode[];
  /** <meta> values by lowercased `property` / `name` / `itemprop`, in document order. */
  meta: Map<string, string[]>;
  /** <link rel=canonical href>, as written. */
  canonicalLink?: string;
  /** <time datetime> values in document order. */
  times: string[];
  /** <title> text. */
  documentTitle?: string;
  /** First <h1> text. */
  heading?: string;
  /** Base for relative URLs: <base href> resolved against the final URL. */
  baseUrl: string;
}

function addMeta(meta: Map<string, string[]>, element: Element): void {
  const attribs = element.attribs;
  const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').trim().toLowerCase();
  const value = (attribs.content ?? attribs.value)?.trim();
  if (!key || !value) return;
  const list = meta.get(key);
  if (list) list.push(value);
  else meta.set(key, [value]);
}

/** One walk over the document collecting every metadata source. */
export function readPageMeta($: CheerioAPI, finalUrl: string): PageMeta {
  const meta = new Map<string, string[]>();
  const times: string[] = [];
  const scripts: Element[] = [];
  let base: string | undefined;
  let canonical: string | undefined;
  let titleElement: Element | undefined;
  let headingElement: Element | undefined;
  walkElements($.root()[0]!, (element) => {
    const { name, attribs } = element;
    if (name === 'meta') addMeta(meta, element);
    else if (name === 'time' && attribs.datetime?.trim()) times.push(attribs.datetime.trim());
    else if (name === 'script') {
      if (/^application\/ld\+json$/i.test(attribs.type?.trim() ?? '')) scripts.push(element);
      return false;
    } else if (name === 'link' && canonical === undefined && /(^|\s)canonical(\s|$)/i.test(attribs.rel ?? ''))
      canonical = attribs.href?.trim() || undefined;
    else if (name === 'base' && base === undefined) base = attribs.href;
    else if (name === 'title' && !titleElement) titleElement = element;
    else if (name === 'h1' && !headingElement) headingElement = element;
    return name !== 'style' && name !== 'svg';
  });
  const graph = readJsonLd(scripts.map((script) => $(script).text()));
  const title = titleElement ? collapseWhitespaceAndZeroWidth($(titleElement).text()) : '';
  const heading = headingElement ? collapseWhitespaceAndZeroWidth($(headingElement).text()) : '';
  return {
    jsonLd: graph.filter((node) => isArticleNode(node) || isPageNode(node)),
    graph,
    meta,
    canonicalLink: canonical,
    times,
    documentTitle: title || undefined,
    heading: heading || undefined,
    baseUrl: resolveUrl(base, finalUrl) ?? finalUrl,
  };
}

/** The first non-empty value among meta keys, in the order given. */
export function firstMeta(page: PageMeta, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = page.meta.get(key)?.[0];
    if (value) return value;
  }
  return undefined;
}

/** The first value a JSON-LD article (or page) node gives for a key. */
export function firstJsonLd(page: PageMeta, key: string): unknown {
  for (const node of page.jsonLd) {
    if (node[key] !== undefined && node[key] !== null && node[key] !== '') return node[key];
  }
  return undefined;
}
