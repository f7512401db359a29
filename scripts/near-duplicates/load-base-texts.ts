// The article texts the near-duplicate test set is made from, each with the site it came
// from (tests/corpus/near-duplicates/README.md):
// - articles/: the 60 bodies people marked (ground-truth.json), site = the URL's host;
// - extraction-snippets/: the 491 pages through feedwright's generic extractor (no site
//   rules), site = the URL's host (or the saved file's name), and each page's `without`
//   snippets (its own navigation, promos, footers) pooled as page furniture;
// - the recorded feeds with full content (TechCrunch 2011 and 2023, and the real-world
//   feeds): each item's content through extractFromFeed, site = the feed.
// Only texts of at least MIN_WORDS words are kept, each once (the first of equal texts).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tokenizeWords } from '../../src/dedupe/index.js';
import { extractArticle, extractFromFeed } from '../../src/extract/index.js';
import { collapseWhitespace } from '../../src/lib/text.js';
import { parseFeed } from '../../src/parse/index.js';

export interface BaseText {
  id: string;
  site: string;
  text: string;
}

export interface BaseCorpus {
  texts: BaseText[];
  /** Page furniture lines (navigation, promos, footers) from the annotated pages. */
  furniture: string[];
}

const MIN_WORDS = 80;

const FEEDS = [
  'techcrunch/feed-2023.xml',
  'techcrunch/feed-2011.xml',
  'feeds/real-world/guardian.rss',
  'feeds/real-world/feedburner.atom',
  'feeds/real-world/customfields.rss',
  'feeds/real-world/content-encoded.rss',
];

function hostOf(url: string): string | undefined {
  if (!/^https?:\/\//.test(url)) return undefined;
  const archived = /^https?:\/\/web\.archive\.org\/web\/\w+\/(https?:\/\/.*)$/.exec(url)?.[1];
  return new URL(archived ?? url).hostname.replace(/^www\./, '');
}

/** A page saved without its URL is named for its site: `nationnews.com-schools.html`. */
function siteOfFile(file: string): string {
  return file.split('-')[0]!.split('.').slice(0, 2).join('.');
}

function loadMarked(corpusRoot: string): BaseText[] {
  const truth = JSON.parse(readFileSync(resolve(corpusRoot, 'articles', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.entries(truth).map(([id, entry]) => ({
    id: `articles/${id}`,
    site: hostOf(entry.url)!,
    text: entry.articleBody,
  }));
}

interface Annotation {
  url: string;
  file: string;
  without: string[];
}

function loadExtracted(corpusRoot: string, furniture: string[]): BaseText[] {
  const dir = resolve(corpusRoot, 'extraction-snippets');
  const annotations = JSON.parse(readFileSync(resolve(dir, 'annotations.json'), 'utf8')) as Record<string, Annotation>;
  const texts: BaseText[] = [];
  for (const [id, entry] of Object.entries(annotations)) {
    furniture.push(...entry.without.map(collapseWhitespace).filter((line) => line.length >= 12));
    const url = hostOf(entry.url) ? entry.url : `https://example.org/${encodeURIComponent(entry.file)}`;
    const bytes = gunzipSync(readFileSync(resolve(dir, 'html', `${id}.html.gz`)));
    try {
      const article = extractArticle({ html: { bytes, contentType: 'text/html' }, url, siteRules: {} });
      texts.push({
        id: `extraction-snippets/${id}`,
        site: hostOf(entry.url) ?? siteOfFile(entry.file),
        text: article.text,
      });
    } catch {
      // A page the extractor cannot read gives no text.
    }
  }
  return texts;
}

function loadFeedItems(corpusRoot: string): BaseText[] {
  return FEEDS.flatMap((file) => {
    const feed = parseFeed(readFileSync(resolve(corpusRoot, file), 'utf8'), { url: 'https://example.org/feed' });
    const site = file.startsWith('techcrunch/') ? 'techcrunch.com' : file;
    return feed.items.map((item, index) => ({ id: `${file}#${index}`, site, text: extractFromFeed(item).text }));
  });
}

export function loadBaseTexts(corpusRoot: string): BaseCorpus {
  const furniture: string[] = [];
  const all = [...loadMarked(corpusRoot), ...loadExtracted(corpusRoot, furniture), ...loadFeedItems(corpusRoot)];
  const seen = new Set<string>();
  const texts = all.filter((entry) => {
    const key = collapseWhitespace(entry.text);
    if (seen.has(key) || tokenizeWords(key).length < MIN_WORDS) return false;
    seen.add(key);
    return true;
  });
  return { texts, furniture: [...new Set(furniture)] };
}
