// Which articles each feed carries: the newest `maxItems` by full timestamp, ties broken by
// slug so the order (and the bytes) never depend on the file system's listing order.

import type { ResolvedConfig } from '../config/index.js';
import { hashId } from '../lib/hash.js';
import type { ArticleMeta } from '../store/index.js';

export interface FeedScope {
  /** undefined for the site-wide feed. */
  category?: string;
  /** Folder under feeds/, '' for the site-wide feed. */
  dir: string;
  metas: ArticleMeta[];
  /** Articles in the scope before the maxItems cut. */
  total: number;
}

/** Newest first; equal timestamps by slug. */
export function compareArticles(a: ArticleMeta, b: ArticleMeta): number {
  if (a.timeMs !== b.timeMs) return b.timeMs - a.timeMs;
  return a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : 0;
}

/** `Machine Learning` → `machine-learning`; ASCII letters, digits and hyphens only. */
export function slugifyCategory(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `category-${hashId(name, 8)}`;
}

/** Configured categories in config order, then any other category an article names, by name. */
function listCategories(config: ResolvedConfig, metas: ArticleMeta[]): string[] {
  const names = config.categories.map((category) => category.name);
  const known = new Set(names);
  const found = new Set<string>();
  for (const meta of metas) {
    const name = meta.article.category.trim();
    if (name && !known.has(name)) found.add(name);
  }
  return [...names, ...[...found].sort()];
}

/** The site-wide feed first, then one per category, each holding at most maxItems, newest first. */
export function selectFeedScopes(config: ResolvedConfig, metas: ArticleMeta[]): FeedScope[] {
  const sorted = [...metas].sort(compareArticles);
  const max = config.site.maxItems;
  const scopes: FeedScope[] = [{ dir: '', metas: sorted.slice(0, max), total: sorted.length }];
  const used = new Set<string>();
  for (const category of listCategories(config, sorted)) {
    let slug = slugifyCategory(category);
    if (used.has(slug)) slug = `${slug}-${hashId(category, 6)}`;
    used.add(slug);
    const items = sorted.filter((meta) => meta.article.category.trim() === category);
    scopes.push({ category, dir: `category/${slug}`, metas: items.slice(0, max), total: items.length });
  }
  return scopes;
}
