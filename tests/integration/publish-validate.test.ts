// Every output file of a publish, checked against the validator rules (tests/unit/publish/
// helpers/feed-rules.ts) and parsed by a strict XML parser (Python's expat) for well-formedness.

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
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
import { listFiles, makeFixture, type PublishFixture } from '../unit/publish/helpers/publish-fixture.js';
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
  const script = 'import sys, xml.parsers.expat as e\np = e.ParserCreate()\ntry:\n p.ParseFile(open(sys.argv[1], "rb"))\nexcept e.ExpatError as x:\n print(x)';
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
        problems = [...ruleXmlChars(text), ...ruleNamespacesDeclared(text), ...checkRules(rules, loadXml(text), expectation)];
        const parseError = expatErrors(path);
        if (parseError) problems.push(`well-formed: ${parseError}`);
      }
      expect({ file, problems }).toEqual({ file, problems: [] });
    }
  });

  test('sources.opml is OPML 2.0 listing the enabled sources, well-formed', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const path = join(fixture.feedsDir, 'sources.opml');
    expect(expatErrors(path)).toBe('');
    const $ = loadXml(await readFile(path, 'utf8'));
    expect($('opml').attr('version')).toBe('2.0');
    expect($('head > title').text()).toBe('AIVibe sources');
    const outlines = $('outline[type="rss"]').toArray().map((element) => [element.attribs.text, element.attribs.xmlUrl]);
    const expected = fixture.config.sources.map((source) => [source.name, source.url]);
    expect(outlines.sort()).toEqual(expected.sort());
    expect($('outline[text="Research"] > outline').attr('text')).toBe('Papers & Notes');
  });

  test('index.html announces the three formats and lists feeds and latest items, escaped', async () => {
    fixture = await makeFixture();
    await publishFeeds(fixture.config, silentLogger);
    const html = await readFile(join(fixture.feedsDir, 'index.html'), 'utf8');
    const $ = loadXml(html.replace('<!DOCTYPE html>', ''));
    const alternates = $('link[rel="alternate"]').toArray().map((element) => [element.attribs.type, element.attribs.href]);
    expect(alternates).toEqual([
      ['application/rss+xml', 'https://aivibe.example/feeds/rss.xml'],
      ['application/atom+xml', 'https://aivibe.example/feeds/atom.xml'],
      ['application/feed+json', 'https://aivibe.example/feeds/feed.json'],
    ]);
    expect(html).toContain('https://aivibe.example/feeds/category/research/atom.xml');
    // The tag-like `<sign>` is stripped from the title (plain text); `&` and `]]>` are escaped.
    expect(html).toContain('Lambda &amp; Microsoft a ]]&gt; deal');
    expect(html).not.toContain('<sign>');
    expect(html).toContain('href="https://aivibe.example/posts/written-by-hand"');
  });
});
