// Reads feedparser's `Expect:` lines (Python expressions over feedparser's result) and
// checks the clauses that map onto our ParsedFeed / FeedItem fields. Unmappable clauses
// (feedparser-only fields) are counted as not mapped, never as passed. `bozo` is ignored.

import type { FeedItem, ParsedFeed } from '../../src/types.js';
import { canonicalizeUrl } from '../../src/lib/url.js';
import { toPlainText } from '../../src/lib/text.js';

export interface ExpectOutcome {
  checked: number;
  passed: number;
  notMapped: number;
  failures: string[];
}

export interface ParsedResult {
  feed: ParsedFeed;
  charset?: string;
}

type Getter = (result: ParsedResult) => unknown;
type Normalize = (value: string) => string;

const VERSIONS: Record<string, string> = {
  rss090: 'rss 0.90',
  rss091n: 'rss 0.91',
  rss091u: 'rss 0.91',
  rss092: 'rss 0.92',
  rss093: 'rss 0.93',
  rss094: 'rss 0.94',
  rss20: 'rss 2.0',
  rss10: 'rss 1.0',
  atom10: 'atom 1.0',
  atom03: 'atom 0.3',
};

const plain: Normalize = (value) => toPlainText(value);
const url: Normalize = (value) => canonicalizeUrl(value);
const same: Normalize = (value) => value;
const entry = (r: ParsedResult): FeedItem | undefined => r.feed.items[0];

/** Field paths (indices removed) to our value and how the expectation is normalized. */
const FIELDS: Record<string, [Getter, Normalize]> = {
  "entries['title']": [(r) => entry(r)?.title, plain],
  "entries['link']": [(r) => entry(r)?.url, url],
  "entries['id']": [(r) => entry(r)?.guid, same],
  "entries['guid']": [(r) => entry(r)?.guid, same],
  "entries['author']": [
    (r) => entry(r)?.authors[0],
    (v) => v.replace(/^\S+@\S+ \((.+)\)$/, '$1').replace(/ \(\S+@\S+\)$/, ''),
  ],
  "entries['author_detail']['name']": [(r) => entry(r)?.authors[0], same],
  "entries['tags']['term']": [(r) => entry(r)?.categories[0], same],
  "entries['category']": [(r) => entry(r)?.categories[0], same],
  "entries['enclosures']['href']": [(r) => entry(r)?.enclosures[0]?.url, url],
  "entries['enclosures']['length']": [(r) => String(entry(r)?.enclosures[0]?.length), same],
  "entries['enclosures']['type']": [(r) => entry(r)?.enclosures[0]?.type, same],
  "entries['description']": [(r) => entry(r)?.summary, same],
  "entries['summary']": [(r) => entry(r)?.summary, same],
  "entries['content']['value']": [(r) => entry(r)?.contentHtml, same],
  "entries['published_parsed']": [(r) => entry(r)?.published, same],
  "entries['updated_parsed']": [(r) => entry(r)?.updated ?? entry(r)?.published, same],
  "entries['created_parsed']": [(r) => entry(r)?.published, same],
  "feed['title']": [(r) => r.feed.title, plain],
  "feed['link']": [(r) => r.feed.link, url],
  "feed['description']": [(r) => r.feed.description, plain],
  "feed['subtitle']": [(r) => r.feed.description, plain],
  "feed['tagline']": [(r) => r.feed.description, plain],
  "feed['language']": [(r) => r.feed.language, same],
  encoding: [(r) => r.charset, same],
  version: [(r) => r.feed.version, (v) => VERSIONS[v] ?? v],
};

/** Splits a Python boolean expression on top-level ` and `, outside quotes and brackets. */
export function splitClauses(expr: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && expr.startsWith(' and ', i)) {
      out.push(expr.slice(start, i));
      start = i + 5;
    }
  }
  out.push(expr.slice(start));
  return out.map((clause) =>
    clause
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .trim(),
  );
}

/** A Python string / number / date tuple literal, or undefined when it is something else. */
export function readLiteral(text: string): string | undefined {
  const str = /^u?(['"])([\s\S]*)\1$/.exec(text);
  if (str) {
    return str[2].replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, esc: string) => {
      if (/^[xuU]/.test(esc) && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
      return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[esc] ?? esc;
    });
  }
  if (/^\d+$/.test(text)) return text;
  const tuple = /^\((\d+), (\d+), (\d+), (\d+), (\d+), (\d+),/.exec(text);
  if (tuple) {
    const [, y, mo, d, h, mi, s] = tuple.map(Number);
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString();
  }
  return undefined;
}

/**
 * feedparser sanitizes and absolutizes URLs inside HTML while parsing; we do both later
 * (before publishing), so HTML values in those folders are not comparable here.
 */
const HTML_FIELDS = /^entries\['(description|summary|content)'\]/;
const HTML_CHANGED_BY_FEEDPARSER = /wellformed\/(sanitize|base)\b/;

export function evaluateExpect(expect: string, result: ParsedResult, origin: string, folder = ''): ExpectOutcome {
  const outcome: ExpectOutcome = { checked: 0, passed: 0, notMapped: 0, failures: [] };
  for (const clause of splitClauses(expect)) {
    if (/^(not )?bozo$/.test(clause) || clause === '1') continue;
    const match = /^((?:entries|feed)(?:\[(?:\d+|'[a-z_]+')\])+|encoding|version) == (.+)$/.exec(clause);
    const field = match ? FIELDS[match[1].replace(/\[\d+\]/g, '')] : undefined;
    const literal = match ? readLiteral(match[2].trim()) : undefined;
    if (
      !match ||
      !field ||
      literal === undefined ||
      (HTML_CHANGED_BY_FEEDPARSER.test(folder) && HTML_FIELDS.test(match[1].replace(/\[\d+\]/g, ''))) ||
      (match[1].startsWith('entries') && !/^entries\[0\]/.test(match[1]))
    ) {
      outcome.notMapped++;
      continue;
    }
    const [get, normalize] = field;
    const expected = normalize(literal.replaceAll('http://127.0.0.1:8097', origin));
    const actual = get(result);
    outcome.checked++;
    if (actual === expected) outcome.passed++;
    else outcome.failures.push(`${clause} -> got ${JSON.stringify(actual)}`);
  }
  return outcome;
}

/** `Expect:` and `Header: Content-type:` from a feedparser test file's opening comment. */
export function readTestHeader(text: string): { expect?: string; contentType?: string } {
  const head = text.slice(0, 4096);
  const expect = /^Expect:\s*(.+)$/m.exec(head)?.[1].trim();
  const contentType = /^Header:\s*Content-type:\s*(.+)$/im.exec(head)?.[1].trim();
  return { expect, contentType };
}
