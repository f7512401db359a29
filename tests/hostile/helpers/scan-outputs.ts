// Reads every output of a run the way its consumers do, and runs the leak checks on the
// decoded fields: article files (front matter fields and the Markdown body), then every
// rss.xml / atom.xml / feed.json under feeds/ (category feeds included) and index.html.

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { listArticleFiles, readArticleFile } from '../../../src/store/article-file.js';
import { findHtmlLeaks, findMarkdownLeaks, findTextLeaks, findUrlLeaks } from './leak-check.js';

export interface ScanResult {
  leaks: string[];
  articles: number;
  feedItems: number;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

export async function scanArticles(dir: string): Promise<{ leaks: string[]; count: number }> {
  const leaks: string[] = [];
  const files = await listArticleFiles(dir);
  for (const file of files) {
    const article = await readArticleFile(file);
    const at = `${article.slug}.md`;
    leaks.push(...findTextLeaks(article.title, `${at} title`), ...findTextLeaks(article.excerpt, `${at} excerpt`));
    leaks.push(...article.tags.flatMap((tag) => findTextLeaks(tag, `${at} tag`)));
    leaks.push(
      ...findUrlLeaks(article.coverImage, `${at} coverImage`),
      ...findUrlLeaks(article.source, `${at} source`),
    );
    leaks.push(...findMarkdownLeaks(article.body, `${at} body`));
  }
  return { leaks, count: files.length };
}

function scanXmlFeed(xml: string, where: string): { leaks: string[]; items: number } {
  const $ = load(xml, { xml: true });
  const leaks: string[] = [];
  const entries = $('item, entry');
  entries.each((index, element) => {
    const at = `${where} item ${index}`;
    const node = $(element);
    leaks.push(...findTextLeaks(node.children('title').text(), `${at} title`));
    for (const field of ['description', 'content\\:encoded', 'summary', 'content']) {
      node.children(field).each((_i, child) => void leaks.push(...findHtmlLeaks($(child).text(), `${at} ${field}`)));
    }
    node
      .children('link')
      .each((_i, link) => void leaks.push(...findUrlLeaks($(link).attr('href') ?? $(link).text(), `${at} link`)));
    node
      .find('media\\:content, media\\:thumbnail, enclosure')
      .each((_i, media) => void leaks.push(...findUrlLeaks($(media).attr('url'), `${at} media`)));
  });
  leaks.push(...findTextLeaks($('channel > title, feed > title').first().text(), `${where} title`));
  return { leaks, items: entries.length };
}

function scanJsonFeed(text: string, where: string): { leaks: string[]; items: number } {
  const feed = JSON.parse(text) as { title: string; items: Array<Record<string, unknown>> };
  const leaks = findTextLeaks(feed.title, `${where} title`);
  feed.items.forEach((item, index) => {
    const at = `${where} item ${index}`;
    leaks.push(
      ...findTextLeaks(String(item.title ?? ''), `${at} title`),
      ...findTextLeaks(String(item.summary ?? ''), `${at} summary`),
    );
    leaks.push(...findHtmlLeaks(String(item.content_html ?? ''), `${at} content_html`));
    leaks.push(
      ...findUrlLeaks(item.url as string | undefined, `${at} url`),
      ...findUrlLeaks(item.image as string | undefined, `${at} image`),
    );
    leaks.push(...((item.tags as string[] | undefined) ?? []).flatMap((tag) => findTextLeaks(tag, `${at} tag`)));
  });
  return { leaks, items: feed.items.length };
}

/** Every feed file under `feedsDir`, parsed; throws when one does not parse. */
export async function scanFeeds(feedsDir: string): Promise<{ leaks: string[]; items: number; files: number }> {
  const leaks: string[] = [];
  let items = 0;
  const files = await listFiles(feedsDir);
  for (const file of files) {
    const where = relative(feedsDir, file);
    const text = await readFile(file, 'utf8');
    let found: { leaks: string[]; items: number } | undefined;
    if (file.endsWith('.json')) found = scanJsonFeed(text, where);
    else if (file.endsWith('rss.xml') || file.endsWith('atom.xml')) found = scanXmlFeed(text, where);
    else if (file.endsWith('.html')) found = { leaks: findHtmlLeaks(text, where, { page: true }), items: 0 };
    leaks.push(...(found?.leaks ?? []));
    items += found?.items ?? 0;
  }
  return { leaks, items, files: files.length };
}

export async function scanOutputs(articlesDir: string, feedsDir: string): Promise<ScanResult> {
  const articles = await scanArticles(articlesDir);
  const feeds = await scanFeeds(feedsDir);
  return { leaks: [...articles.leaks, ...feeds.leaks], articles: articles.count, feedItems: feeds.items };
}
