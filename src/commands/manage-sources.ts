// `feedwright sources add|remove|import|export`: edits the `sources:` list of the YAML
// configuration in place, keeping its comments and the bytes of everything else
// (config-document.ts). Contract:
// - a source is a duplicate when its feed URL or its name (ignoring case) is taken;
//   add refuses one, import skips it;
// - a category must be a configured one (matched ignoring case, written as configured);
//   the default is the first configured category;
// - the edited configuration is checked as loadConfig would before it is written.

import type { ResolvedConfig } from '../config/index.js';
import type { HttpClient } from '../fetch/index.js';
import { FeedwrightError } from '../lib/errors.js';
import { stripBidiControls } from '../lib/strip-bidi-controls.js';
import { stripMarkup } from '../lib/strip-markup.js';
import { hostKey, redactUrl, resolveUrl } from '../lib/url.js';
import { renderOpml } from '../publish/index.js';
import { readConfigDocument, sourcesSequence, writeConfigDocument, type ConfigDocument } from '../config/index.js';
import { discoverFeed } from './discover-feed.js';
import { readOpml } from './read-opml.js';

export interface AddSourceInput {
  url: string;
  name?: string;
  category?: string;
  fullText?: boolean;
}

export interface SourceRef {
  name: string;
  url: string;
}

interface NewSource extends SourceRef {
  category: string;
  fullText?: boolean;
}

function configError(file: string, message: string): FeedwrightError {
  return new FeedwrightError('CONFIG_INVALID', `${file}: ${message}`, { stage: 'config' });
}

/** The form two feed URLs are compared in. */
function urlKey(url: string): string {
  return resolveUrl(url) ?? url;
}

function sameUrl(a: string, b: string): boolean {
  return urlKey(a) === urlKey(b);
}

function findCategory(config: ResolvedConfig, wanted: string): string | undefined {
  const key = wanted.trim().toLowerCase();
  return config.categories.find((category) => category.name.toLowerCase() === key)?.name;
}

function resolveCategory(edit: ConfigDocument, wanted: string | undefined): string {
  if (wanted === undefined) return edit.config.categories[0].name;
  const found = findCategory(edit.config, wanted);
  if (found) return found;
  const known = edit.config.categories.map((category) => category.name).join(', ');
  throw configError(edit.file, `"${wanted}" is not a configured category (configured: ${known})`);
}

/** Sources by URL and by lowercased name: a duplicate is found in O(1), so importing 10,000 outlines is linear. */
class SourceIndex {
  private readonly byUrl = new Map<string, SourceRef>();
  private readonly byName = new Map<string, SourceRef>();

  constructor(sources: readonly SourceRef[]) {
    for (const source of sources) this.add(source);
  }

  add(source: SourceRef): void {
    if (!this.byUrl.has(urlKey(source.url))) this.byUrl.set(urlKey(source.url), source);
    if (!this.byName.has(source.name.toLowerCase())) this.byName.set(source.name.toLowerCase(), source);
  }

  /** Why `candidate` would duplicate a known source, or undefined. */
  findDuplicate(candidate: { name?: string; url?: string }): string | undefined {
    const byUrl = candidate.url ? this.byUrl.get(urlKey(candidate.url)) : undefined;
    if (byUrl) return `the feed ${redactUrl(byUrl.url)} is already the source "${byUrl.name}"`;
    const byName = candidate.name ? this.byName.get(candidate.name.trim().toLowerCase()) : undefined;
    return byName ? `a source named "${byName.name}" already exists` : undefined;
  }
}

function refuseDuplicate(edit: ConfigDocument, candidate: { name?: string; url?: string }): void {
  const duplicate = new SourceIndex(edit.config.sources).findDuplicate(candidate);
  if (duplicate) throw configError(edit.file, duplicate);
}

function appendSource(edit: ConfigDocument, source: NewSource): void {
  const entry: Record<string, unknown> = { name: source.name, url: source.url, category: source.category };
  if (source.fullText !== undefined) entry.fullText = source.fullText;
  sourcesSequence(edit.doc).add(edit.doc.createNode(entry));
}

/** Characters of a source name taken from a feed or an OPML file (a hostile title can be megabytes). */
export const MAX_SOURCE_NAME_CHARS = 200;

/** A feed's or outline's title as a source name: one line, no markup or bidi controls, at most MAX_SOURCE_NAME_CHARS. */
function toSourceName(title: string | undefined): string {
  const line = stripBidiControls(stripMarkup(title ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= MAX_SOURCE_NAME_CHARS) return line;
  const cut = line.slice(0, MAX_SOURCE_NAME_CHARS - 1).replace(/[\ud800-\udbff]$/, '');
  return `${cut.replace(/\s+\S*$/, '') || cut}…`;
}

function defaultName(feed: { title?: string; feedUrl: string }): string {
  return toSourceName(feed.title) || hostKey(feed.feedUrl) || feed.feedUrl;
}

/** Discovers the feed behind `input.url` and appends it to `sources:`. */
export async function addSource(configFile: string, input: AddSourceInput, client: HttpClient): Promise<SourceRef> {
  const before = await readConfigDocument(configFile);
  const category = resolveCategory(before, input.category);
  const givenName = input.name?.replace(/\s+/g, ' ').trim() || undefined;
  refuseDuplicate(before, { name: givenName, url: input.url });
  const feed = await discoverFeed(input.url, client);
  // Read again: an edit made while the feed was being fetched is kept.
  const edit = await readConfigDocument(configFile);
  const name = givenName ?? defaultName(feed);
  refuseDuplicate(edit, { name, url: feed.feedUrl });
  appendSource(edit, { name, url: feed.feedUrl, category, fullText: input.fullText });
  await writeConfigDocument(edit);
  return { name, url: feed.feedUrl };
}

/** Removes the source with this name (ignoring case) or feed URL. */
export async function removeSource(configFile: string, nameOrUrl: string): Promise<SourceRef> {
  const edit = await readConfigDocument(configFile);
  const wanted = nameOrUrl.trim();
  const sources = edit.config.sources;
  let index = sources.findIndex((source) => source.name === wanted);
  if (index < 0) index = sources.findIndex((source) => source.name.toLowerCase() === wanted.toLowerCase());
  if (index < 0) index = sources.findIndex((source) => sameUrl(source.url, wanted));
  if (index < 0) throw configError(edit.file, `no source named or with the URL "${redactUrl(wanted)}"`);
  sourcesSequence(edit.doc).delete(index);
  await writeConfigDocument(edit);
  return { name: sources[index].name, url: sources[index].url };
}

export interface ImportOpmlResult {
  /** Names of the sources added, in document order. */
  added: string[];
  /** `name (reason)` for each outline not added. */
  skipped: string[];
}

/**
 * Adds every OPML subscription that is not a duplicate, without fetching anything. Its
 * category is the first of its hints (category attribute, then parent outlines) that
 * names a configured category, else options.category, else the first configured one.
 */
export async function importOpml(
  configFile: string,
  opmlText: string,
  options: { category?: string } = {},
): Promise<ImportOpmlResult> {
  const subscriptions = readOpml(opmlText);
  const edit = await readConfigDocument(configFile);
  const fallback = resolveCategory(edit, options.category);
  const known = new SourceIndex(edit.config.sources);
  const result: ImportOpmlResult = { added: [], skipped: [] };
  for (const subscription of subscriptions) {
    const url = resolveUrl(subscription.xmlUrl);
    const name = toSourceName(subscription.name) || (url ? hostKey(url) : '') || subscription.xmlUrl;
    const duplicate = url ? known.findDuplicate({ name, url }) : 'not an http(s) URL';
    if (!url || duplicate) {
      result.skipped.push(`${name} (${duplicate})`);
      continue;
    }
    const hinted = subscription.categoryHints.map((hint) => findCategory(edit.config, hint)).find(Boolean);
    appendSource(edit, { name, url, category: hinted ?? fallback });
    known.add({ name, url });
    result.added.push(name);
  }
  if (result.added.length > 0) await writeConfigDocument(edit);
  return result;
}

/** OPML 2.0 of the configured sources: the same document publish writes as sources.opml. */
export function exportOpml(config: ResolvedConfig): string {
  return renderOpml(config);
}
