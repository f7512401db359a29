// Round trip: what we publish, read back by rss-parser (RSS, Atom) and JSON.parse (JSON Feed),
// gives every field of every article file, the hand-written one included.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { stripMarkup } from '../../src/lib/strip-markup.js';
import { resolveItemId } from '../../src/publish/item-id.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import type { Article } from '../../src/types.js';
import { makeFixture, type PublishFixture } from '../unit/publish/helpers/publish-fixture.js';

interface ReadItem {
  title?: string;
  link?: string;
  id?: string;
  dateMs: number;
  summary?: string;
  content?: string;
  cover?: string;
  author?: string;
  categories: string[];
}

type Media = { $?: { url?: string } };
type RawItem = Record<string, unknown> & { categoryRaw?: Array<string | { $?: { term?: string } }> };

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: {
    item: [
      ['media:content', 'mediaContent'],
      ['dc:creator', 'creator'],
      ['category', 'categoryRaw', { keepArray: true }],
      ['summary', 'summary'],
    ],
  },
});

let fixture: PublishFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

function fromXml(item: RawItem, format: 'rss' | 'atom'): ReadItem {
  const terms = (item.categoryRaw ?? []).map((category) =>
    typeof category === 'string' ? category : (category.$?.term ?? ''),
  );
  return {
    // As a client that does not decode HTML reads them (rss-parser does not): plain text.
    title: item.title as string,
    link: item.link as string,
    id: (format === 'rss' ? item.guid : item.id) as string,
    dateMs: Date.parse(item.isoDate as string),
    summary: format === 'rss' ? (item.content as string) : (item.summary as string),
    content: (format === 'rss' ? item['content:encoded'] : item.content) as string,
    cover: (item.mediaContent as Media | undefined)?.$?.url,
    author: (format === 'rss' ? item.creator : item.author) as string,
    categories: terms,
  };
}

function fromJson(item: Record<string, unknown>): ReadItem {
  return {
    title: item.title as string,
    link: item.url as string,
    id: item.id as string,
    dateMs: Date.parse(item.date_published as string),
    summary: item.summary as string,
    content: item.content_html as string,
    cover: item.image as string,
    author: (item.authors as Array<{ name: string }>)[0]?.name,
    categories: item.tags as string[],
  };
}

/** What the article file says the item must carry. */
function expected(article: Article): Omit<ReadItem, 'content'> & { bodyText: string } {
  const clean = (text: string) =>
    text
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const bodyText = article.body
    .split('\n')[0]
    .replace(/[*]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const time = article.extra.published ? Date.parse(article.extra.published) : Date.parse(`${article.date}T00:00:00Z`);
  return {
    // A title is plain text: tag-like markup (`<sign>`) is stripped as the pipeline does.
    title: clean(stripMarkup(article.title)),
    link: `https://aivibe.example/posts/${article.slug}`,
    id: resolveItemId(article),
    dateMs: time,
    // A file without an excerpt (hand-written) gets one made from its body.
    summary: clean(article.excerpt) || clean(bodyText),
    cover: article.coverImage,
    author: 'AIVibe',
    categories: [...new Set([article.category, ...article.tags])],
    bodyText,
  };
}

describe('round trip through feed readers', () => {
  test('rss.xml, atom.xml and feed.json carry every field of every article file', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const articles = await Promise.all((await listArticleFiles(fixture.articlesDir)).map(readArticleFile));
    expect(articles).toHaveLength(4);
    const rss = await parser.parseString(await readFile(join(fixture.feedsDir, 'rss.xml'), 'utf8'));
    const atom = await parser.parseString(await readFile(join(fixture.feedsDir, 'atom.xml'), 'utf8'));
    const json = JSON.parse(await readFile(join(fixture.feedsDir, 'feed.json'), 'utf8')) as {
      items: Array<Record<string, unknown>>;
    };
    const formats: Array<[string, ReadItem[]]> = [
      ['rss', rss.items.map((item) => fromXml(item, 'rss'))],
      ['atom', atom.items.map((item) => fromXml(item, 'atom'))],
      ['json', json.items.map(fromJson)],
    ];
    for (const [format, items] of formats) {
      expect(items.length, format).toBe(articles.length);
      for (const article of articles) {
        const { bodyText, summary, ...want } = expected(article);
        const item = items.find((candidate) => candidate.link === want.link);
        const { content, summary: gotSummary, ...got } = item ?? ({} as ReadItem);
        expect({ format, ...got }).toEqual({ format, ...want });
        // RSS readers take <description> as HTML; rss-parser gives it back with entities decoded.
        expect(gotSummary?.replace(/\s+/g, ' ').trim(), `${format} summary`).toBe(summary);
        expect(content?.replace(/<[^>]+>/g, ''), `${format} content`).toContain(bodyText.trim());
      }
    }
  });

  test('items are newest first by full timestamp, ties broken by slug', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const json = JSON.parse(await readFile(join(fixture.feedsDir, 'feed.json'), 'utf8')) as {
      items: Array<{ date_published: string }>;
    };
    const times = json.items.map((item) => Date.parse(item.date_published));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(times.length);
  });
});
