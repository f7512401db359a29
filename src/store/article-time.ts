// When an article happened, read from its front matter: the full timestamp
// (`published`) when it has one, else its day (`date`) at 00:00 UTC. Publish sorts and
// dates feed items by it; the head scan keeps it as the sort key.

import type { Article } from '../types.js';

/** The front matter's full `published` timestamp in ms, NaN when absent or unreadable. */
export function findPublishedTime(article: Pick<Article, 'extra'>): number {
  return article.extra.published ? Date.parse(article.extra.published) : Number.NaN;
}

/** The article's full timestamp in ms: extra.published, else `date` at 00:00Z; NaN if neither. */
export function findArticleTime(article: Pick<Article, 'date' | 'extra'>): number {
  const published = findPublishedTime(article);
  if (!Number.isNaN(published)) return published;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(article.date)) return Number.NaN;
  return Date.parse(`${article.date}T00:00:00Z`);
}
