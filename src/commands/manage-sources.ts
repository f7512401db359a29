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

function sameUrl(a: string, b: string): boolean {
  return (resolveUrl(a) ?? a) === (resolveUrl(b) ?? b);
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

/** Why `candidate` would duplicate a configured source, or undefined. */
function findDuplicate(sources: readonly SourceRef[], candidate: { name?: string; url?: string }): string | undefined {
  for (const source of sources) {
    if (candidate.url && sameUrl(source.url, candidate.url)) return `the feed ${redactUrl(source.url)} is already the source "${source.name}"`;
    if (candidate.name && source.name.toLowerCase() === candidate.name.trim().toLowerCase()) {
      return `a source named "${source.name}" already exists`;
    }
  }
  return undefined;
}

function refuseDuplicate(edit: ConfigDocument, candidate: { name?: string; url?: string }): void {
  const duplicate = findDuplicate(edit.config.sources, candidate);
  if (duplicate) throw configError(edit.file, duplicate);
}

function appendSource(edit: ConfigDocument, source: NewSource): void {
  const entry: Record<string, unknown> = { name: source.name, url: source.url, category: source.category };
  if (source.fullText !== undefined) entry.fullText = source.fullText;
  sourcesSequence(edit.doc).add(edit.doc.createNode(entry));
}

function defaultName(feed: { title?: string; feedUrl: string }): string {
  return feed.title?.replace(/\s+/g, ' ').trim() || hostKey(feed.feedUrl) || feed.feedUrl;
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
export async function importOpml(configFile: string, opmlText: string, options: { category?: string } = {}): Promise<ImportOpmlResult> {
  const subscriptions = readOpml(opmlText);
  const edit = await readConfigDocument(configFile);
  const fallback = resolveCategory(edit, options.category);
  const known: SourceRef[] = [...edit.config.sources];
  const result: ImportOpmlResult = { added: [], skipped: [] };
  for (const subscription of subscriptions) {
    const url = resolveUrl(subscription.xmlUrl);
    const name = subscription.name || (url ? hostKey(url) : '') || subscription.xmlUrl;
    const duplicate = url ? findDuplicate(known, { name, url }) : 'not an http(s) URL';
    if (!url || duplicate) {
      result.skipped.push(`${name} (${duplicate})`);
      continue;
    }
    const hinted = subscription.categoryHints.map((hint) => findCategory(edit.config, hint)).find(Boolean);
    appendSource(edit, { name, url, category: hinted ?? fallback });
    known.push({ name, url });
    result.added.push(name);
  }
  if (result.added.length > 0) await writeConfigDocument(edit);
  return result;
}

/** OPML 2.0 of the configured sources: the same document publish writes as sources.opml. */
export function exportOpml(config: ResolvedConfig): string {
  return renderOpml(config);
}
