// Plain-text fields stay plain text (issue 13): markup in a hand-written article's front
// matter never reaches RSS/Atom titles, JSON Feed titles and tags, or a category feed's
// title; bidirectional control characters (a right-to-left override makes "gpj.exe" read
// as "exe.jpg") are stripped from titles where they are normalized, at parse time and at
// publish time.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterEach, describe, expect, test } from 'vitest';
import { classifyArticle } from '../../src/classify/classify-article.js';
import { silentLogger } from '../../src/lib/log.js';
import { parseFeed } from '../../src/parse/parse-feed.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { makeFixture, type PublishFixture } from '../unit/publish/helpers/publish-fixture.js';

const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const TAG = /<\/?[a-z!]/i;

let fixture: PublishFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

const HOSTILE_HEAD = `---
title: "<img src=x onerror=alert(1)>Headline with <b>bold</b> \\u202Egpj.exe"
date: 2025-11-20
category: "<i>Hacked</i> category"
tags: ["<script>alert(1)</script>Tagged", "\\u2066Isolated\\u2069"]
coverImage: https://cdn.example.com/x.jpg
source: https://news.example.com/hostile
originalAuthor: "<a href=javascript:alert(1)>Mallory</a>"
---
Body.
`;

describe('hand-written front matter', () => {
  test('markup and bidi controls in title, tags, category and author reach no feed', async () => {
    fixture = await makeFixture();
    await writeFile(join(fixture.articlesDir, 'hostile-head.md'), HOSTILE_HEAD);
    await publishFeeds(fixture.config, silentLogger);
    const json = JSON.parse(await readFile(join(fixture.feedsDir, 'feed.json'), 'utf8'));
    const item = json.items.find((entry: { title: string }) => entry.title.includes('Headline'));
    expect(item.title).toBe('Headline with bold gpj.exe');
    expect(item.tags).toEqual(expect.arrayContaining(['Hacked category', 'alert(1) Tagged', 'Isolated']));
    for (const text of [item.title, ...item.tags]) {
      expect(text).not.toMatch(TAG);
      expect(text).not.toMatch(BIDI);
    }
    for (const file of ['rss.xml', 'atom.xml']) {
      const $ = load(await readFile(join(fixture.feedsDir, file), 'utf8'), { xml: true });
      const texts = [...$('item > title, entry > title, category, author, contributor, dc\\:creator')].map(
        (node) => $(node).text() + ($(node).attr('term') ?? ''),
      );
      expect(texts.some((text) => text.includes('Headline with bold'))).toBe(true);
      for (const text of texts) {
        expect(text, file).not.toMatch(TAG);
        expect(text, file).not.toMatch(BIDI);
      }
    }
    const categoryFeed = JSON.parse(
      await readFile(join(fixture.feedsDir, 'category', 'hacked-category', 'feed.json'), 'utf8'),
    );
    expect(categoryFeed.title).toBe('AIVibe: Hacked category');
  });
});

describe('titles from feeds and pages', () => {
  test('a right-to-left override in a feed title is gone from the item and the article', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example/</link><description>d</description><item><title>Invoice \u202Efdp.exe\u202C and \u2067more\u2069</title><link>https://t.example/1</link><category>\u202ECat</category></item></channel></rss>`;
    const item = parseFeed(xml, { url: 'https://t.example/feed' }).items[0]!;
    expect(item.title).toBe('Invoice fdp.exe and more');
    expect(item.categories).toEqual(['Cat']);
  });

  test('a page title with bidi controls is stored without them', async () => {
    fixture = await makeFixture();
    const article = classifyArticle(
      { title: 'Page \u202Etitle\u200F', markdown: 'Body', text: 'Body text \u202E here', method: 'generic' },
      { id: 'x', title: 'Feed title', authors: [], categories: [], media: [], enclosures: [] },
      { config: fixture.config, source: fixture.config.sources[0]!, now: new Date('2025-11-20T00:00:00Z') },
    );
    expect(article.title).toBe('Page title');
    expect(article.excerpt).not.toMatch(BIDI);
  });
});
