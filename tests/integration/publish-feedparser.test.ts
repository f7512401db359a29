// A real feed reader: Debian's python3-feedparser (Universal Feed Parser), run with
// /usr/bin/python3 through tests/helpers/feedparser-read.py, on the site-wide feeds and one
// category's. feedparser 6.0.x has no JSON Feed parser; the helper then reads feed.json with
// Python's json module and says so in `reader` (asserted below, so a newer feedparser that
// reads JSON Feed is used automatically and must pass the same checks).

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { reply, startServer } from '../helpers/server.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import { projectRoot } from '../helpers/paths.js';
import { makeFixture, type PublishFixture } from '../unit/publish/helpers/publish-fixture.js';

interface ReaderEntry {
  title: string | null;
  link: string | null;
  id: string | null;
  hasDate: boolean;
  summary: string | null;
  content: string | null;
  author: string | null;
  tags: string[];
  image: string | null;
}

interface ReaderResult {
  file: string;
  reader: string;
  bozo: boolean;
  bozoException: string | null;
  version: string;
  entries: ReaderEntry[];
}

const HELPER = join(projectRoot, 'tests', 'helpers', 'feedparser-read.py');
let fixture: PublishFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

function readWithFeedparser(paths: string[]): ReaderResult[] {
  return JSON.parse(execFileSync('/usr/bin/python3', [HELPER, ...paths], { encoding: 'utf8' })) as ReaderResult[];
}

describe('python3-feedparser reads every output', () => {
  test('site-wide and category feeds: not bozo, every entry complete', async () => {
    const hub = await startServer({ '/hub': reply('', {}, 204) });
    fixture = await makeFixture({ websubHub: hub.url('/hub') });
    await publishFeeds(fixture.config, silentLogger);
    const articles = await Promise.all((await listArticleFiles(fixture.articlesDir)).map(readArticleFile));
    const dirs = [fixture.feedsDir, join(fixture.feedsDir, 'category', 'research')];
    const paths = dirs.flatMap((dir) => ['rss.xml', 'atom.xml', 'feed.json'].map((name) => join(dir, name)));
    const results = readWithFeedparser(paths);
    await hub.close();
    expect(results.map((result) => [result.reader.split(' ')[0], result.version])).toEqual([
      ['feedparser', 'rss20'],
      ['feedparser', 'atom10'],
      [
        expect.stringMatching(/^(feedparser|json)$/),
        expect.stringMatching(/^(json11|https:\/\/jsonfeed\.org\/version\/1\.1)$/),
      ],
      ['feedparser', 'rss20'],
      ['feedparser', 'atom10'],
      [
        expect.stringMatching(/^(feedparser|json)$/),
        expect.stringMatching(/^(json11|https:\/\/jsonfeed\.org\/version\/1\.1)$/),
      ],
    ]);
    for (const result of results) {
      expect({ file: result.file, bozo: result.bozo, error: result.bozoException }).toEqual({
        file: result.file,
        bozo: false,
        error: null,
      });
      const inScope = result.file.includes('/category/research/')
        ? articles.filter((a) => a.category === 'Research')
        : articles;
      expect(result.entries.length, result.file).toBe(inScope.length);
      for (const entry of result.entries) {
        const article = inScope.find((candidate) => entry.link === `https://aivibe.example/posts/${candidate.slug}`);
        expect(article, `${result.file} ${entry.link}`).toBeDefined();
        expect({
          file: result.file,
          ...entry,
          content: Boolean(entry.content),
          summary: Boolean(entry.summary),
        }).toEqual({
          file: result.file,
          title: expect.stringMatching(/\S/),
          link: entry.link,
          id: expect.stringMatching(/^(urn:uuid:|tag:)/),
          hasDate: true,
          summary: true,
          content: true,
          author: 'AIVibe',
          tags: expect.arrayContaining([article?.category, ...(article?.tags ?? [])]),
          image: article?.coverImage,
        });
      }
    }
  });
});
