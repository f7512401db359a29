// Finds the document element of an XML text, skipping whitespace, junk text, the XML
// declaration, processing instructions, comments and a DOCTYPE, and says whether it is
// a feed root (<rss>, <rdf:RDF>, <feed>) and where the document proper starts.

import type { FeedFormat } from '../types.js';
import type { XAttrs } from './xml-node.js';

/** A feed's root element: its name, the format it stands for, its attributes. */
export interface FeedRoot {
  name: string;
  format: Exclude<FeedFormat, 'json'>;
  attrs: XAttrs;
}

export type RootElement = ({ kind: 'feed'; start: number } & FeedRoot) | { kind: 'other'; reason: string };

const SCAN_LIMIT = 64 * 1024;
const FEED_ROOT = /^(rss|feed|([\w-]+:)?RDF)$/;

export function findRootElement(text: string): RootElement {
  let pos = 0;
  let start = -1;
  while (pos < Math.min(text.length, SCAN_LIMIT)) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    if (lt > pos && text.slice(pos, lt).trim()) start = -1; // junk: the document starts after it
    if (start < 0) start = lt;
    const head = text.slice(lt, lt + 10);
    if (head.startsWith('<?')) pos = skipPast(text, lt, '?>');
    else if (head.startsWith('<!--')) pos = skipPast(text, lt, '-->');
    else if (/^<!doctype/i.test(head)) {
      if (/^<!doctype\s+html/i.test(text.slice(lt, lt + 20)))
        return { kind: 'other', reason: 'the document is an HTML page' };
      pos = skipDoctype(text, lt);
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(text.slice(lt, lt + 8192));
      if (!match) {
        pos = lt + 1;
        start = -1;
        continue;
      }
      return describeRoot(match[1], match[2], start);
    }
  }
  return { kind: 'other', reason: 'no XML root element found' };
}

function describeRoot(name: string, attrText: string, start: number): RootElement {
  if (FEED_ROOT.test(name)) {
    const format = name === 'feed' ? 'atom' : name.endsWith('RDF') ? 'rdf' : 'rss';
    return { kind: 'feed', name, format, attrs: parseAttributes(attrText), start };
  }
  if (/^(html|head|body)$/i.test(name)) return { kind: 'other', reason: 'the document is an HTML page' };
  return { kind: 'other', reason: `root element <${name}> is not rss, rdf:RDF or feed` };
}

function skipPast(text: string, from: number, end: string): number {
  const index = text.indexOf(end, from);
  return index < 0 ? text.length : index + end.length;
}

function skipDoctype(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const close = text.indexOf('>', from);
  if (bracket >= 0 && (close < 0 || bracket < close)) return skipPast(text, skipPast(text, bracket, ']'), '>');
  return close < 0 ? text.length : close + 1;
}

export function parseAttributes(text: string): XAttrs {
  const attrs: XAttrs = {};
  for (const match of text.matchAll(/([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attrs[match[1]] = match[3] ?? match[4] ?? '';
  }
  return attrs;
}
