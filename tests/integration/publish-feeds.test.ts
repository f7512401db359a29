// publishFeeds end to end on a temp folder: the gaps feed 6 leaves (each with its test),
// content safety, determinism and unchanged-file handling, hand-written files.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger, silentLogger } from '../../src/lib/log.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { articlePath, readArticleFile, writeArticle } from '../../src/store/article-file.js';
import {
  listFiles,
  makeArticle,
  makeFixture,
  mtimes,
  type PublishFixture,
} from '../unit/publish/helpers/publish-fixture.js';

let fixture: PublishFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

async function output(name: string): Promise<string> {
  return readFile(join(fixture!.feedsDir, name), 'utf8');
}

function memoryLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'debug', sink: { write: (line) => lines.push(line) } }), lines };
}

describe('closing feed 6 gaps', () => {
  test('feed.json is JSON Feed 1.1 with authors, language and no 1.0 author', async () => {
    fixture = await makeFixture({ language: 'en-GB' });
    await publishFeeds(fixture.config, silentLogger);
    const feed = JSON.parse(await output('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('en-GB');
    expect(feed.authors).toEqual([{ name: 'AIVibe', url: 'https://aivibe.example' }]);
    expect(feed).not.toHaveProperty('author');
    for (const item of feed.items) {
      expect(item.authors).toEqual([{ name: 'AIVibe' }]);
      expect(item).not.toHaveProperty('author');
    }
  });

  test('RSS names authors with dc:creator, and <author> only as an e-mail', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const bare = await output('rss.xml');
    expect(bare).not.toContain('<author>');
    expect(bare.match(/<dc:creator>AIVibe<\/dc:creator>/g)).toHaveLength(4);
    await fixture.cleanup();
    fixture = await makeFixture({ email: 'editor@aivibe.example' });
    await publishFeeds(fixture.config, silentLogger);
    const withEmail = await output('rss.xml');
    expect(withEmail.match(/<author>editor@aivibe\.example \(AIVibe\)<\/author>/g)).toHaveLength(4);
  });

  test('Atom has xml:lang, categories with term, and the original author as contributor', async () => {
    fixture = await makeFixture({ language: 'de' });
    await publishFeeds(fixture.config, silentLogger);
    const atom = await output('atom.xml');
    expect(atom).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="de"/);
    expect(atom).toContain('<category label="Openai" term="Openai"/>');
    expect(atom).not.toMatch(/<category(?![^>]*term=)/);
    expect(atom).toMatch(/<contributor>\s*<name>Jane Reporter<\/name>\s*<\/contributor>/);
  });

  test('covers: media:content with a MIME type only when the extension gives one, never image/jpg, no enclosure', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    for (const name of ['rss.xml', 'atom.xml']) {
      const xml = await output(name);
      expect(xml).not.toContain('image/jpg');
      expect(xml).not.toContain('<enclosure');
      expect(xml).not.toContain('rel="enclosure"');
      expect(xml).toContain(
        '<media:content url="https://cdn.example.com/a/chip.JPG?size=large" medium="image" type="image/jpeg"/>',
      );
      expect(xml).toContain(
        '<media:content url="https://cdn.example.com/hand.webp" medium="image" type="image/webp"/>',
      );
      expect(xml).toContain(
        '<media:content url="https://images.unsplash.com/photo-1677442136019-21780ecad995?w=400&amp;h=200&amp;fit=crop" medium="image"/>',
      );
    }
  });

  test('self links use site.feedUrl, else site.url + /feeds', async () => {
    fixture = await makeFixture({ feedUrl: undefined, url: 'https://example.org/blog/' });
    await publishFeeds(fixture.config, silentLogger);
    expect(await output('rss.xml')).toContain(
      '<atom:link href="https://example.org/blog/feeds/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(await output('category/research/atom.xml')).toContain(
      '<link rel="self" href="https://example.org/blog/feeds/category/research/atom.xml"/>',
    );
    expect(JSON.parse(await output('feed.json')).feed_url).toBe('https://example.org/blog/feeds/feed.json');
  });

  test('characters XML 1.0 forbids are removed; dates are RFC 822 in RSS and RFC 3339 in Atom', async () => {
    fixture = await makeFixture();
    await writeArticle(
      fixture.articlesDir,
      makeArticle({ slug: 'odd', title: 'Odd\u0000 \uFFFE title', body: 'Lone \uD800 surrogate.\n' }),
    );
    await publishFeeds(fixture.config, silentLogger);
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      const text = await output(name);
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(text).toContain('Odd title');
    }
    expect(await output('feed.json')).not.toContain('\\ud800');
    expect(await output('rss.xml')).toContain('<pubDate>Mon, 03 Nov 2025 14:30:00 GMT</pubDate>');
    expect(await output('atom.xml')).toContain('<updated>2025-11-03T14:30:00.000Z</updated>');
  });

  test('content: raw HTML stays text, links and images absolute, unsafe links dropped', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const item = JSON.parse(await output('feed.json')).items.find((entry: { id: string; url: string }) =>
      entry.url.endsWith('/lambda-deal'),
    );
    expect(item.content_html).not.toContain('<script');
    expect(item.content_html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(item.content_html).toContain('<a href="https://news.example.com/press/lambda">the release</a>');
    expect(item.content_html).toContain('<img alt="chart" src="https://news.example.com/images/chart.png" />');
    // markdown-it refuses the javascript: link, so it stays text; no attribute carries it.
    expect(item.content_html).not.toMatch(/(href|src)="javascript:/i);
  });
});

describe('output you can diff', () => {
  test('publishing twice rewrites nothing: same bytes, same mtimes', async () => {
    fixture = await makeFixture();
    const first = await publishFeeds(fixture.config, silentLogger);
    expect(first.written).toHaveLength(first.files);
    const files = await listFiles(fixture.feedsDir);
    const bytes = await Promise.all(files.map(output));
    const before = await mtimes(fixture.feedsDir);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await publishFeeds(fixture.config, silentLogger);
    expect(second).toMatchObject({ written: [], unchanged: first.files, files: first.files, articles: 4 });
    expect(await Promise.all(files.map(output))).toEqual(bytes);
    expect(await mtimes(fixture.feedsDir)).toEqual(before);
  });

  test('the same article files give the same bytes in another folder', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const files = await listFiles(fixture.feedsDir);
    const bytes = await Promise.all(files.map(output));
    const other = await makeFixture();
    try {
      await publishFeeds(other.config, silentLogger);
      expect(await listFiles(other.feedsDir)).toEqual(files);
      const otherBytes = await Promise.all(files.map((file) => readFile(join(other.feedsDir, file), 'utf8')));
      expect(otherBytes).toEqual(bytes);
    } finally {
      await other.cleanup();
    }
  });

  test('changing one article rewrites only the feeds that carry it', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const before = await mtimes(fixture.feedsDir);
    const path = articlePath(fixture.articlesDir, 'policy-update');
    const article = await readArticleFile(path);
    await writeArticle(fixture.articlesDir, { ...article, title: 'A policy update, corrected' });
    const report = await publishFeeds(fixture.config, silentLogger);
    const changed = report.written
      .map((file) =>
        file
          .slice(fixture!.feedsDir.length + 1)
          .split('\\')
          .join('/'),
      )
      .sort();
    expect(changed).toEqual([
      'atom.xml',
      'category/research/atom.xml',
      'category/research/feed.json',
      'category/research/index.html',
      'category/research/rss.xml',
      'feed.json',
      'index.html',
      'rss.xml',
    ]);
    const after = await mtimes(fixture.feedsDir);
    for (const file of before.keys()) {
      if (!changed.includes(file)) expect({ file, mtime: after.get(file) }).toEqual({ file, mtime: before.get(file) });
    }
    expect(report.unchanged).toBe(report.files - changed.length);
  });
});

describe('write failures', () => {
  test('an output that cannot be written fails the publish with IO and its path; the other writes finish first', async () => {
    fixture = await makeFixture();
    // A file where the research category's folder must go.
    await mkdir(join(fixture.feedsDir, 'category'), { recursive: true });
    await writeFile(join(fixture.feedsDir, 'category', 'research'), 'in the way');
    const error = await publishFeeds(fixture.config, silentLogger).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'IO',
      stage: 'publish',
      message: expect.stringContaining(join('category', 'research')),
    });
    const files = await listFiles(fixture.feedsDir);
    expect(files).toEqual(
      expect.arrayContaining(['rss.xml', 'atom.xml', 'feed.json', 'index.html', 'category/business/rss.xml']),
    );
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await output('feed.json')).items).toHaveLength(4);
  });
});

describe('articles', () => {
  test('a hand-written file (minimal front matter, unquoted date) is published like any other', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const feed = JSON.parse(await output('category/business/feed.json'));
    const item = feed.items.find(
      (entry: { url: string }) => entry.url === 'https://aivibe.example/posts/written-by-hand',
    );
    expect(item).toMatchObject({
      title: 'Written by hand',
      date_published: '2025-10-30T00:00:00.000Z',
      image: 'https://cdn.example.com/hand.webp',
      tags: ['Business', 'Editorial'],
      id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
    });
    expect(item.content_html).toContain('<strong>by hand</strong>');
  });

  test('each feed carries the newest maxItems; categories too', async () => {
    fixture = await makeFixture({ maxItems: 2 });
    await publishFeeds(fixture.config, silentLogger);
    const urls = (name: string) =>
      output(name).then((text) => JSON.parse(text).items.map((item: { url: string }) => item.url.split('/').pop()));
    expect(await urls('feed.json')).toEqual(['lambda-deal', 'chips-research']);
    expect(await urls('category/research/feed.json')).toEqual(['chips-research', 'policy-update']);
    expect(await urls('category/business/feed.json')).toEqual(['lambda-deal', 'written-by-hand']);
    expect(JSON.parse(await output('category/machine-learning/feed.json')).items).toEqual([]);
  });

  test('an unreadable or undated file is logged and skipped; the others are published', async () => {
    fixture = await makeFixture();
    await writeFile(join(fixture.articlesDir, 'broken.md'), '---\ntitle: [unclosed\n---\nBody\n');
    await writeFile(join(fixture.articlesDir, 'undated.md'), '---\ntitle: No date\n---\nBody\n');
    const { logger, lines } = memoryLogger();
    const report = await publishFeeds(fixture.config, logger);
    expect(report.articles).toBe(4);
    expect(lines.filter((line) => line.includes('level=WARN'))).toEqual([
      expect.stringMatching(/msg="Article skipped: unreadable".*file=broken\.md/),
      expect.stringMatching(/msg="Article skipped: no usable date".*file=undated\.md/),
    ]);
    expect(JSON.parse(await output('feed.json')).items).toHaveLength(4);
  });

  test('an empty or missing articles folder gives valid empty feeds', async () => {
    fixture = await makeFixture({}, []);
    await rm(fixture.articlesDir, { recursive: true });
    const report = await publishFeeds(fixture.config, silentLogger);
    expect(report.articles).toBe(0);
    expect(await output('rss.xml')).toContain('<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</lastBuildDate>');
    expect(JSON.parse(await output('feed.json')).items).toEqual([]);
  });
});
