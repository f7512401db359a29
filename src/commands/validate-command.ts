// `feedwright validate`: the configuration has already been loaded and checked by the
// time this runs (a bad one never gets here); this also checks that every article file
// and every published output parses.

import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ResolvedConfig } from '../config/index.js';
import { describeError } from '../lib/errors.js';
import { parseFeed } from '../parse/index.js';
import { FEED_FILES, resolveFeedLinks } from '../publish/index.js';
import { findArticleTime, readArticleHeadSync } from '../store/index.js';
import { ARTICLE_EXTENSION, findAlsoFromProblems, listArticleFiles, parseArticle } from '../store/index.js';
import type { Article } from '../types.js';

export interface ValidationResult {
  ok: boolean;
  lines: string[];
}

/** `updated` (an edit at the source, issue 16): a date, not before the article's own. */
function checkUpdated(article: Article): string | undefined {
  const updated = article.extra.updated;
  if (updated === undefined) return undefined;
  const ms = Date.parse(updated);
  if (Number.isNaN(ms)) return 'updated is not a date';
  return ms < findArticleTime(article) ? "updated is before the article's date" : undefined;
}

async function checkArticles(dir: string, lines: string[]): Promise<boolean> {
  const bad: string[] = [];
  const files = await listArticleFiles(dir, (path) =>
    bad.push(`${path}: a symlink leading out of the articles folder (not published)`),
  );
  const total = files.length + bad.length;
  for (const file of files) {
    try {
      // The front matter is what is checked: read up to its end, as publish does.
      const head = readArticleHeadSync(file);
      const article = parseArticle(head, basename(file, ARTICLE_EXTENSION), file);
      const problems = [
        /^\d{4}-\d{2}-\d{2}$/.test(article.date) ? checkUpdated(article) : 'date is missing or not YYYY-MM-DD',
        ...findAlsoFromProblems(head),
      ].filter((problem) => problem !== undefined);
      if (problems.length > 0) bad.push(`${file}: ${problems.join('; ')}`);
    } catch (error) {
      bad.push(describeError(error));
    }
  }
  lines.push(`articles: ${total - bad.length} of ${total} files parse (${dir})`);
  for (const problem of bad) lines.push(`  error: ${problem}`);
  return bad.length === 0;
}

async function checkOutput(dir: string, name: string, url: string, lines: string[]): Promise<boolean> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    lines.push(`feeds: ${path} not published yet`);
    return true;
  }
  try {
    const feed = parseFeed(text, { url });
    lines.push(`feeds: ${path} parses (${feed.format}, ${feed.items.length} items)`);
    return true;
  } catch (error) {
    lines.push(`feeds: ${path} does not parse: ${describeError(error)}`);
    return false;
  }
}

export async function validateProject(config: ResolvedConfig): Promise<ValidationResult> {
  const lines = [
    `configuration: ok (${config.file ?? 'in memory'}): ${config.sources.length} sources, ${config.categories.length} categories, ${Object.keys(config.siteRules).length} site rules`,
  ];
  let ok = await checkArticles(config.paths.articles, lines);
  const links = resolveFeedLinks(config.site, '');
  for (const kind of ['rss', 'atom', 'json'] as const)
    ok = (await checkOutput(config.paths.feeds, FEED_FILES[kind], links[kind], lines)) && ok;
  return { ok, lines };
}
