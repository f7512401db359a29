// Every output file of a publish, checked against the validator rules (tests/unit/publish/
// helpers/feed-rules.ts) and parsed by a strict XML parser (Python's expat) for well-formedness.

import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { writeArticle } from '../../src/store/article-file.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import {
  atomRules,
  checkRules,
  jsonRules,
  loadXml,
  ruleNamespacesDeclared,
  ruleXmlChars,
  rssRules,
  type JsonFeed,
} from '../unit/publish/helpers/feed-rules.js';
import {
  listFiles,
  makeArticle,
  makeFixture,
  sampleArticles,
  type PublishFixture,
} from '../unit/publish/helpers/publish-fixture.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';

let fixture: PublishFixture | undefined;
// A local hub: the published links name it, and the publish pings it (never the internet).
let hub: TestServer;
let HUB = '';

beforeAll(async () => {
  hub = await startServer({ '/hub': reply('', {}, 204) });
  HUB = hub.url('/hub');
});
afterAll(() => hub.close());

afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

function expatErrors(path: string): string {
  const script =
    'import sys, xml.parsers.expat as e\np = e.ParserCreate()\ntry:\n p.ParseFile(open(sys.argv[1], "rb"))\nexcept e.ExpatError as x:\n print(x)';
  return execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' }).trim();
}

describe('publish output against the feed validator rules', () => {
  test('every feed file passes RSS 2.0, Atom and JSON Feed 1.1 rules', async () => {
    fixture = await makeFixture({ websubHub: HUB, maxItems: 3 });
    await publishFeeds(fixture.config, silentLogger);
    const files = await listFiles(fixture.feedsDir);
    const feeds = files.filter((file) => /(rss\.xml|atom\.xml|feed\.json)$/.test(file));
    expect(feeds).toContain('category/machine-learning/atom.xml');
    expect(feeds).toHaveLength(3 * 4);
    for (const file of feeds) {
      const path = join(fixture.feedsDir, file);
      const text = await readFile(path, 'utf8');
      const expectation = { selfUrl: `https://aivibe.example/feeds/${file}`, hubUrl: HUB };
      let problems: string[];
      if (file.endsWith('.json')) {
        problems = checkRules(jsonRules, JSON.parse(text) as JsonFeed, expectation);
      } else {
        const rules = file.endsWith('rss.xml') ? rssRules : atomRules;
        problems = [
          ...ruleXmlChars(text),
          ...ruleNamespacesDeclared(text),
          ...checkRules(rules, loadXml(text), expectation),
        ];
        const parseError = expatErrors(path);
        if (parseError) problems.push(`well-formed: ${parseError}`);
      }
      expect({ file, problems }).toEqual({ file, problems: [] });
    }
  });

  test('articles that carry only a day get distinct atom:updated instants of their own, the same on every rebuild', async () => {
    const sameDay = ['a-first', 'b-second', 'c-third'].map((slug) =>
      makeArticle({ slug, date: '2025-11-01', category: 'Research' }),
    );
    fixture = await makeFixture({}, [...sampleArticles(), ...sameDay]);
    const updatedById = async () => {
      const $ = loadXml(await readFile(join(fixture!.feedsDir, 'atom.xml'), 'utf8'));
      expect(checkRules(atomRules, $, { selfUrl: 'https://aivibe.example/feeds/atom.xml' })).toEqual([]);
      return new Map(
        $('entry')
          .toArray()
          .map((entry) => [$(entry).children('id').text(), $(entry).children('updated').text()]),
      );
    };
    await publishFeeds(fixture.config, silentLogger);
    const first = await readFile(join(fixture.feedsDir, 'atom.xml'), 'utf8');
    const before = await updatedById();
    // The three of 2025-11-01 and 'policy-update' (same day, no time) each have their own
    // millisecond of that day's first second; the feed's updated is not before any of them.
    const sameDayValues = [...before.values()].filter((value) => value.startsWith('2025-11-01T'));
    expect(sameDayValues).toHaveLength(4);
    expect(new Set(sameDayValues).size).toBe(4);
    for (const value of sameDayValues) expect(value).toMatch(/^2025-11-01T00:00:00\.\d{3}Z$/);
    const feedUpdated = Date.parse(
      loadXml(await readFile(join(fixture.feedsDir, 'atom.xml'), 'utf8'))('feed > updated').text(),
    );
    for (const value of before.values()) expect(feedUpdated).toBeGreaterThanOrEqual(Date.parse(value));
    // published keeps the article's own day.
    const $ = loadXml(first);
    expect(
      $('entry > published')
        .toArray()
        .filter((element) => $(element).text() === '2025-11-01T00:00:00.000Z'),
    ).toHaveLength(4);
    // A rebuild gives the same bytes; another same-day article moves no other entry's value.
    await rm(fixture.feedsDir, { recursive: true });
    await publishFeeds(fixture.config, silentLogger);
    expect(await readFile(join(fixture.feedsDir, 'atom.xml'), 'utf8')).toBe(first);
    await writeArticle(
      fixture.articlesDir,
      makeArticle({ slug: '0-zeroth', date: '2025-11-01', category: 'Research' }),
    );
    await publishFeeds(fixture.config, silentLogger);
    const after = await updatedById();
    for (const [id, value] of before) expect({ id, value: after.get(id) }).toEqual({ id, value });
  });

  test('sources.opml is OPML 2.0 listing the enabled sources, well-formed', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const path = join(fixture.feedsDir, 'sources.opml');
    expect(expatErrors(path)).toBe('');
    const $ = loadXml(await readFile(path, 'utf8'));
    expect($('opml').attr('version')).toBe('2.0');
    expect($('head > title').text()).toBe('AIVibe sources');
    const outlines = $('outline[type="rss"]')
      .toArray()
      .map((element) => [element.attribs.text, element.attribs.xmlUrl]);
    const expected = fixture.config.sources.map((source) => [source.name, source.url]);
    expect(outlines.sort()).toEqual(expected.sort());
    expect($('outline[text="Research"] > outline').attr('text')).toBe('Papers & Notes');
  });

  test('index.html announces the three formats relative to itself and lists categories and latest items, escaped', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const html = await readFile(join(fixture.feedsDir, 'index.html'), 'utf8');
    const $ = loadXml(html.replace('<!DOCTYPE html>', ''));
    const alternates = $('link[rel="alternate"]')
      .toArray()
      .map((element) => [element.attribs.type, element.attribs.href]);
    expect(alternates).toEqual([
      ['application/rss+xml', 'rss.xml'],
      ['application/atom+xml', 'atom.xml'],
      ['application/feed+json', 'feed.json'],
    ]);
    expect($('a[href="category/research/index.html"]').text()).toBe('Research');
    // The tag-like `<sign>` is stripped from the title (plain text); `&`, `'`, `"` and `]]>` are escaped.
    expect(html).toContain('Lambda &amp; Microsoft&#39;s a ]]&gt; &quot;deal&quot;');
    expect(html).not.toContain('<sign>');
    expect(html).toContain('href="https://aivibe.example/posts/written-by-hand"');
    // Latest articles with their cover thumbnails and excerpts; no absolute feed link.
    expect($('ul.articles img').length).toBeGreaterThan(0);
    expect($('ul.articles p').length).toBeGreaterThan(0);
    expect(html).not.toContain('https://aivibe.example/feeds/');
  });

  test('each category folder has an index page whose counts agree with its feed', async () => {
    fixture = await makeFixture({ maxItems: 1 });
    await publishFeeds(fixture.config, silentLogger);
    const main = loadXml((await readFile(join(fixture.feedsDir, 'index.html'), 'utf8')).replace('<!DOCTYPE html>', ''));
    const page = (await readFile(join(fixture.feedsDir, 'category', 'research', 'index.html'), 'utf8')).replace(
      '<!DOCTYPE html>',
      '',
    );
    const $ = loadXml(page);
    const feed = JSON.parse(await readFile(join(fixture.feedsDir, 'category', 'research', 'feed.json'), 'utf8')) as {
      items: unknown[];
    };
    expect(feed.items).toHaveLength(1);
    // Two research articles in all, the newest one in the feeds: both pages say so.
    expect(main('a[href="category/research/index.html"]').parent().text()).toContain(
      '(2 articles, the newest 1 in the feeds)',
    );
    expect($('section').text()).toContain('2 articles, the newest 1 in the feeds');
    expect($('ul.articles li')).toHaveLength(1);
    expect(
      $('link[rel="alternate"]')
        .toArray()
        .map((element) => element.attribs.href),
    ).toEqual(['rss.xml', 'atom.xml', 'feed.json']);
    expect($('a[href="../../index.html"]').text()).toBe('Everything');
    expect($('a[href="../../sources.opml"]').length).toBe(1);
  });
});
