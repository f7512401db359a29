// One RSS item / RDF item / Atom entry (raw xml2js-style element) to a RawItem:
// URLs made absolute against the xml:base chain, dates read, authors, categories,
// media and enclosures collected. Shared by the strict and the tolerant reader.

import type { MediaRef } from '../types.js';
import { resolveUrl } from '../lib/url.js';
import type { RawItem } from './finish-item.js';
import { parseDate } from './parse-date.js';
import {
  attrOf,
  childNodes,
  childText,
  firstChild,
  linkNodes,
  markupOf,
  textOf,
  type XElement,
  type XNode,
} from './xml-node.js';
import { readMedia } from './read-media.js';
import { escapeHtmlKeepingQuotes } from '../lib/xml-text.js';

/** Resolves an element's xml:base against its parent's base. */
export function baseOf(node: XNode | undefined, parentBase: string): string {
  return resolveUrl(attrOf(node, 'xml:base'), parentBase) ?? parentBase;
}

export function normalizeEntry(entry: XElement, feedBase: string): RawItem {
  const base = baseOf(entry, feedBase);
  const guidNode = firstChild(entry, 'guid', 'id', 'atom:id');
  const guid = textOf(guidNode)?.trim() || attrOf(entry, 'rdf:about');
  const found = readMedia(entry, base);
  return {
    guid,
    url: findEntryUrl(entry, base, guidNode),
    title: readTextConstruct(firstChild(entry, 'title', 'dc:title', 'media:title')),
    published: findDate(entry, [
      'pubDate',
      'published',
      'issued',
      'dc:date',
      'created',
      'dcterms:issued',
      'dcterms:created',
      'atom:published',
    ]),
    updated: findDate(entry, ['updated', 'modified', 'atom:updated', 'dcterms:modified']),
    authors: findAuthors(entry),
    categories: findCategories(entry),
    summary: readTextConstruct(firstChild(entry, 'description', 'summary', 'dc:description', 'media:description')),
    contentHtml: findContent(entry),
    media: found.media,
    enclosures: [...found.enclosures, ...findAtomEnclosures(entry, base)],
  };
}

/** feedburner:origLink, then the alternate link, then a permalink GUID. */
function findEntryUrl(entry: XElement, base: string, guidNode: XNode | undefined): string | undefined {
  const orig = resolveUrl(childText(entry, 'feedburner:origLink'), base);
  if (orig) return orig;
  const link = findAlternateLink(linkNodes(entry), base);
  if (link) return link;
  if (guidNode && attrOf(guidNode, 'isPermaLink') !== 'false') {
    const guid = textOf(guidNode)?.trim();
    if (guid && /^https?:\/\//i.test(guid)) return resolveUrl(guid);
  }
  return undefined;
}

/** Atom `link rel=alternate` (HTML preferred) or an RSS `<link>` text, made absolute. */
export function findAlternateLink(links: XNode[], base: string): string | undefined {
  let fallback: string | undefined;
  for (const node of links) {
    const href = attrOf(node, 'href');
    if (href === undefined) {
      const text = textOf(node)?.trim();
      const url = resolveUrl(text, base);
      if (url) return url;
      continue;
    }
    const rel = attrOf(node, 'rel') ?? 'alternate';
    if (rel !== 'alternate') continue;
    const url = resolveUrl(href, baseOf(node, base));
    if (!url) continue;
    const type = attrOf(node, 'type');
    if (!type || /html/i.test(type)) return url;
    fallback ??= url;
  }
  return fallback;
}

function findDate(entry: XElement, names: string[]): string | undefined {
  for (const name of names) {
    for (const node of childNodes(entry, name)) {
      const date = parseDate(textOf(node));
      if (date) return date;
    }
  }
  return undefined;
}

/** Atom text constructs: text as is, html/xhtml as markup; RSS elements as given. */
export function readTextConstruct(node: XNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (attrOf(node, 'src')) return undefined;
  const type = attrOf(node, 'type')?.toLowerCase();
  const value =
    typeof node === 'string' || typeof node._ === 'string' || node.__xml !== undefined ? textOf(node) : markupOf(node);
  if (value === undefined) return undefined;
  const isBase64 = attrOf(node, 'mode') === 'base64' || (type?.includes('/') && !/^text\/|xml/.test(type));
  const decoded = isBase64 ? Buffer.from(value, 'base64').toString('utf8') : value;
  if (type === 'text' || type === 'text/plain') return escapeHtmlKeepingQuotes(decoded);
  if (type === 'xhtml') return unwrapXhtmlDiv(decoded);
  return decoded;
}

function findContent(entry: XElement): string | undefined {
  for (const name of ['content:encoded', 'content', 'xhtml:body', 'body', 'fullitem']) {
    for (const node of childNodes(entry, name)) {
      const html = readTextConstruct(node)?.trim();
      if (html) return html;
    }
  }
  return undefined;
}

/** "Name", "email (Name)", "Name <email>", Atom `<name>`/`<email>` children. */
export function readPerson(node: XNode): string | undefined {
  if (typeof node !== 'string') {
    const name = childText(node, 'name', 'atom:name');
    if (name) return name;
    const email = childText(node, 'email', 'atom:email');
    if (email) return email;
  }
  const text = textOf(node)?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  if (paren) return paren[1].trim();
  const trailing = /^(.+?)\s*\(\S+@\S+\)$/.exec(text);
  if (trailing) return trailing[1].trim();
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(text);
  if (angle) return angle[1].replace(/^"|"$/g, '').trim();
  return text.replace(/^mailto:/i, '');
}

function findAuthors(entry: XElement): string[] {
  const nodes = ['author', 'dc:creator', 'dc:author', 'itunes:author', 'creator'].flatMap((name) =>
    childNodes(entry, name),
  );
  return nodes.map(readPerson).filter((name): name is string => Boolean(name));
}

function findCategories(entry: XElement): string[] {
  const out: string[] = [];
  for (const node of [...childNodes(entry, 'category'), ...childNodes(entry, 'dc:subject')]) {
    const value = attrOf(node, 'term') ?? attrOf(node, 'label') ?? textOf(node)?.trim();
    if (value) out.push(value);
  }
  return out;
}

function findAtomEnclosures(entry: XElement, base: string): MediaRef[] {
  const out: MediaRef[] = [];
  for (const node of [...childNodes(entry, 'link'), ...childNodes(entry, 'atom:link')]) {
    if (attrOf(node, 'rel') !== 'enclosure') continue;
    const url = resolveUrl(attrOf(node, 'href'), baseOf(node, base));
    if (!url) continue;
    const length = Number(attrOf(node, 'length'));
    out.push({
      url,
      type: attrOf(node, 'type'),
      length: Number.isFinite(length) && length > 0 ? length : undefined,
      title: attrOf(node, 'title'),
    });
  }
  return out.map(dropUndefined);
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Atom xhtml constructs wrap their content in one `<div>` that is not part of it (RFC 4287 3.1.1.3). */
function unwrapXhtmlDiv(markup: string): string {
  const match = /^\s*<(?:[\w-]+:)?div\b[^>]*>([\s\S]*)<\/(?:[\w-]+:)?div>\s*$/.exec(markup);
  return match ? match[1] : markup;
}
