// Everything metadata is read from, collected in one pass over <head> and a few
// body elements, so each `find…` function is a plain fallback chain over this object.

import type { CheerioAPI } from 'cheerio';
import { collapseWhitespace } from './load-document.js';
import { isArticleNode, isPageNode, readJsonLd } from './json-ld.js';
import type { JsonLdNode } from './json-ld.js';
import { resolveUrl } from '../lib/url.js';

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

function readMetaTags($: CheerioAPI): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  $('meta').each((_, element) => {
    const attribs = element.attribs;
    const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').trim().toLowerCase();
    const value = attribs.content ?? attribs.value;
    if (!key || value === undefined || !value.trim()) return;
    const list = meta.get(key);
    if (list) list.push(value.trim());
    else meta.set(key, [value.trim()]);
  });
  return meta;
}

export function readPageMeta($: CheerioAPI, finalUrl: string): PageMeta {
  const baseHref = $('base[href]').first().attr('href');
  const baseUrl = resolveUrl(baseHref, finalUrl) ?? finalUrl;
  const times: string[] = [];
  $('time[datetime]').each((_, element) => {
    const value = element.attribs.datetime?.trim();
    if (value) times.push(value);
  });
  const title = collapseWhitespace($('title').first().text());
  const heading = collapseWhitespace($('h1').first().text());
  const graph = readJsonLd($);
  return {
    jsonLd: graph.filter((node) => isArticleNode(node) || isPageNode(node)),
    graph,
    meta: readMetaTags($),
    canonicalLink: $('link[rel~="canonical" i][href]').first().attr('href')?.trim() || undefined,
    times,
    documentTitle: title || undefined,
    heading: heading || undefined,
    baseUrl,
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
