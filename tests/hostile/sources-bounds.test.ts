// `sources add` and `sources import` read titles and OPML files written by strangers
// (issue 13): a 2 MB feed title becomes a bounded, one-line source name; an OPML file of
// 10,000 outlines imports in one linear pass; a 20,000-deep one does not overflow the stack.

import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { addSource, importOpml, MAX_SOURCE_NAME_CHARS } from '../../src/commands/manage-sources.js';
import { readOpml } from '../../src/commands/read-opml.js';
import { loadConfig } from '../../src/config/load-config.js';
import { reply } from '../helpers/server.js';
import { rssFeed, tempConfigs, useNewsServer } from '../integration/sources-fixture.js';

const news = useNewsServer();
const tempConfig = tempConfigs();

describe('sources add', () => {
  test('a 2 MB feed title is cut to a one-line name of at most 200 characters', async () => {
    news.server.route(
      '/huge-title.xml',
      reply(rssFeed(`Huge \u202E${'title words <b>x</b> '.repeat(100_000)}`), {
        'content-type': 'application/rss+xml',
      }),
    );
    const file = await tempConfig();
    const added = await addSource(file, { url: news.server.url('/huge-title.xml') }, news.client);
    expect(added.name.length).toBeLessThanOrEqual(MAX_SOURCE_NAME_CHARS);
    expect(added.name).toMatch(/^Huge title words /);
    expect(added.name).not.toMatch(/[<>\n\u202e]/);
    expect((await readFile(file, 'utf8')).length).toBeLessThan(10_000);
    expect((await loadConfig(file)).sources.at(-1)?.name).toBe(added.name);
  });
});

describe('sources import', () => {
  test('10,000 outlines are all imported (duplicates found by index, not by a scan per outline)', async () => {
    const outlines = Array.from(
      { length: 10_000 },
      (_, i) => `<outline type="rss" text="Feed ${i}" xmlUrl="https://f${i}.example/rss"/>`,
    );
    const opml = `<opml version="2.0"><body>${outlines.join('')}<outline type="rss" text="Again" xmlUrl="https://f7.example/rss"/></body></opml>`;
    const file = await tempConfig();
    const result = await importOpml(file, opml);
    expect(result.added).toHaveLength(10_000);
    expect(result.skipped).toEqual([
      expect.stringMatching(/^Again \(the feed https:\/\/f7\.example\/rss is already the source "Feed 7"\)$/),
    ]);
    expect((await loadConfig(file)).sources).toHaveLength(10_002);
  }, 60_000);

  test('a 20,000-deep OPML is read without a stack overflow; hints keep the nearest parents', () => {
    const depth = 20_000;
    const opml = `<opml version="2.0"><body>${'<outline text="Level">'.repeat(depth - 1)}<outline text="Research"><outline type="rss" text="Deep" xmlUrl="https://deep.example/rss"/></outline>${'</outline>'.repeat(depth - 1)}</body></opml>`;
    const [deep] = readOpml(opml);
    expect(deep).toMatchObject({ name: 'Deep', xmlUrl: 'https://deep.example/rss' });
    expect(deep!.categoryHints[0]).toBe('Research');
    expect(deep!.categoryHints.length).toBeLessThanOrEqual(16);
  });
});
