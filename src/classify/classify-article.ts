// Classify stage: an extracted article plus its feed item becomes an Article (all of
// DESIGN.md's front-matter fields but the slug, which the store assigns).
//
// Category: the source's default, overridden by keyword rules over title and body
// (whole words, case-insensitive). A keyword in the title counts 3, in the body 1; the
// best category wins when it scores at least 2 and more than the default does. Ties go
// to the category listed first. The rule that decided is recorded in `categoryRule`.
// Tags: the configured vocabulary matched over title and body, the source's own
// categories mapped onto that vocabulary, the source's configured tags, then the
// category; in that stable order, without duplicates (case-insensitive).

import type { CategoryConfig, ResolvedConfig, SourceConfig, TagConfig } from '../config/index.js';
import { canonicalizeUrl } from '../lib/url.js';
import { hashId } from '../lib/hash.js';
import type { ClassifiedArticle, ExtractedArticle, FeedItem } from '../types.js';
import { countKeyword, findKeyword } from './keyword-matcher.js';
import { makeExcerpt } from '../lib/make-excerpt.js';
import { stripBidiControls } from '../lib/strip-bidi-controls.js';
import { stripMarkup } from '../lib/strip-markup.js';

/** The stored title's length in code points, cut like an excerpt (parse caps a feed title at 1,000 first). */
const MAX_ARTICLE_TITLE_CHARS = 300;

export interface ClassifyContext {
  config: Pick<ResolvedConfig, 'site' | 'categories' | 'tags'>;
  source: Pick<SourceConfig, 'name' | 'category' | 'tags'>;
  /** The run's clock, for items with no date at all. */
  now: Date;
}

const TITLE_WEIGHT = 3;
const MIN_OVERRIDE_SCORE = 2;

function scoreCategory(category: CategoryConfig, title: string, body: string): { score: number; keyword?: string } {
  let score = 0;
  let best: { keyword: string; points: number } | undefined;
  for (const keyword of category.keywords) {
    const points = TITLE_WEIGHT * countKeyword(title, keyword, 1) + countKeyword(body, keyword, 5);
    score += points;
    if (points > 0 && (!best || points > best.points)) best = { keyword, points };
  }
  return { score, keyword: best?.keyword };
}

export function findCategory(
  categories: readonly CategoryConfig[],
  defaultName: string,
  title: string,
  body: string,
): { name: string; rule: string } {
  const scored = categories.map((category) => ({ category, ...scoreCategory(category, title, body) }));
  const fallback = scored.find((entry) => entry.category.name === defaultName) ?? scored[0];
  let winner = fallback;
  for (const entry of scored) if (entry.score > winner.score) winner = entry;
  if (winner !== fallback && winner.score >= MIN_OVERRIDE_SCORE && winner.keyword) {
    return { name: winner.category.name, rule: `keyword:${winner.keyword}` };
  }
  return {
    name: fallback.category.name,
    rule: fallback.category.name === defaultName ? 'source-default' : 'first-category',
  };
}

function mapSourceCategory(label: string, tags: readonly TagConfig[]): string | undefined {
  const wanted = label.trim().toLowerCase();
  const tag = tags.find(
    (candidate) =>
      candidate.name.toLowerCase() === wanted || candidate.keywords.some((keyword) => keyword.toLowerCase() === wanted),
  );
  return tag?.name;
}

export function findTags(
  tags: readonly TagConfig[],
  input: {
    title: string;
    body: string;
    sourceCategories: readonly string[];
    sourceTags: readonly string[];
    category: string;
  },
): string[] {
  const text = `${input.title}\n${input.body}`;
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (name: string | undefined) => {
    const key = name?.trim().toLowerCase();
    if (!name || !key || seen.has(key)) return;
    seen.add(key);
    out.push(name.trim());
  };
  for (const tag of tags) if (findKeyword(text, [tag.name, ...tag.keywords])) add(tag.name);
  for (const label of input.sourceCategories) add(mapSourceCategory(label, tags));
  for (const name of input.sourceTags) add(name);
  add(input.category);
  return out;
}

/**
 * The category's stock images, else every category's (so an article always has a cover when
 * any stock image is configured); one picked by the item's id, stable across runs.
 */
function pickStockImage(
  categories: readonly CategoryConfig[],
  category: CategoryConfig | undefined,
  key: string,
): string {
  const own = category?.coverImages ?? [];
  const images = own.length > 0 ? own : categories.flatMap((entry) => entry.coverImages);
  if (images.length === 0) return '';
  return images[Number.parseInt(hashId(key, 8), 16) % images.length];
}

/** A title, excerpt or name as plain text: no markup, no bidirectional controls. */
function toPlainLine(text: string): string {
  return stripBidiControls(stripMarkup(text));
}

export function classifyArticle(
  extracted: ExtractedArticle,
  item: FeedItem,
  context: ClassifyContext,
): ClassifiedArticle {
  const { config, source } = context;
  // A headline is a line: a hostile 5 MB title is cut, not copied into every file and feed.
  const title = makeExcerpt(
    toPlainLine(extracted.title) || toPlainLine(item.title) || 'Untitled',
    MAX_ARTICLE_TITLE_CHARS,
  );
  const defaultCategory = source.category ?? config.categories[0].name;
  const category = findCategory(config.categories, defaultCategory, title, extracted.text);
  const published = extracted.published ?? item.published ?? item.updated ?? context.now.toISOString();
  const sourceUrl = canonicalizeUrl(extracted.canonicalUrl ?? item.url ?? extracted.finalUrl ?? '');
  const categoryConfig = config.categories.find((entry) => entry.name === category.name);
  return {
    title,
    date: published.slice(0, 10),
    excerpt: makeExcerpt(toPlainLine(extracted.text)),
    coverImage: extracted.coverImage ?? pickStockImage(config.categories, categoryConfig, item.id),
    author: config.site.author,
    tags: findTags(config.tags, {
      title,
      body: extracted.text,
      sourceCategories: item.categories,
      sourceTags: source.tags ?? [],
      category: category.name,
    }),
    category: category.name,
    source: sourceUrl,
    extra: {
      originalAuthor: toPlainLine(extracted.byline ?? item.authors[0] ?? '') || undefined,
      published,
      sourceName: source.name,
      id: item.id,
      extraction: extracted.method,
      categoryRule: category.rule,
    },
    body: extracted.markdown,
  };
}
