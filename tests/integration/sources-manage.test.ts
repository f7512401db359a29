// addSource / removeSource / importOpml / exportOpml on a temp copy of a commented
// configuration: comments and the bytes outside `sources:` survive, duplicates are
// refused, the result still loads.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { addSource, removeSource } from '../../src/commands/manage-sources.js';
import { loadConfig } from '../../src/config/load-config.js';
import { COMMENTED_CONFIG, SOURCES_END, SOURCES_START, tempConfigs, useNewsServer } from './sources-fixture.js';

const news = useNewsServer();

const tempConfig = tempConfigs();

/** The file's text must equal the original outside the sources list. */
function expectOutsideSourcesKept(text: string): void {
  expect(text.slice(0, SOURCES_START)).toBe(COMMENTED_CONFIG.slice(0, SOURCES_START));
  expect(text.endsWith(COMMENTED_CONFIG.slice(SOURCES_END))).toBe(true);
}

async function sourcesOf(file: string) {
  return (await loadConfig(file)).sources.map(({ name, url, category }) => ({ name, url, category }));
}

describe('addSource', () => {
  test('discovers the feed of a page and appends it, keeping comments and the rest of the file', async () => {
    const file = await tempConfig();
    const added = await addSource(file, { url: news.server.url('/') }, news.client);
    expect(added).toEqual({ name: 'News Daily', url: news.server.url('/feed.xml') });
    const text = await readFile(file, 'utf8');
    expectOutsideSourcesKept(text);
    expect(text).toContain("  # TechCrunch's AI category\n  - name: TechCrunch AI\n");
    expect(text).toContain('# aligned comment');
    expect((await sourcesOf(file)).at(-1)).toEqual({
      name: 'News Daily',
      url: news.server.url('/feed.xml'),
      category: 'Work',
    });
  });

  test('takes the given name, category (any case) and fullText', async () => {
    const file = await tempConfig();
    await addSource(
      file,
      { url: news.server.url('/other.xml'), name: 'Other', category: 'research', fullText: false },
      news.client,
    );
    const config = await loadConfig(file);
    expect(config.sources.at(-1)).toMatchObject({
      name: 'Other',
      url: news.server.url('/other.xml'),
      category: 'Research',
      fullText: false,
    });
    expectOutsideSourcesKept(await readFile(file, 'utf8'));
  });

  test.each([
    ['the same feed URL', { url: 'https://lab.example/rss' }, /already the source "Lab Notes"/],
    [
      'the same name in another case',
      { url: 'https://new.example/feed', name: 'lab notes' },
      /named "Lab Notes" already exists/,
    ],
    [
      'an unknown category',
      { url: 'https://new.example/feed', category: 'Sports' },
      /"Sports" is not a configured category \(configured: Work, Research\)/,
    ],
  ])('refuses %s before fetching anything, leaving the file alone', async (_label, input, message) => {
    const file = await tempConfig();
    const seen = news.server.requests.length;
    await expect(addSource(file, input, news.client)).rejects.toThrow(message);
    expect(news.server.requests.length).toBe(seen);
    expect(await readFile(file, 'utf8')).toBe(COMMENTED_CONFIG);
  });

  test('refuses a page whose feed is already configured, and a feed title already taken', async () => {
    const file = await tempConfig();
    await addSource(file, { url: news.server.url('/feed.xml') }, news.client);
    const after = await readFile(file, 'utf8');
    await expect(addSource(file, { url: news.server.url('/') }, news.client)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    await expect(
      addSource(file, { url: news.server.url('/feed.json'), name: 'News Daily' }, news.client),
    ).rejects.toThrow(/already exists/);
    expect(await readFile(file, 'utf8')).toBe(after);
  });

  test('a page without a feed is NOT_A_FEED and changes nothing', async () => {
    const file = await tempConfig();
    await expect(addSource(file, { url: news.server.url('/no-feed') }, news.client)).rejects.toMatchObject({
      code: 'NOT_A_FEED',
    });
    expect(await readFile(file, 'utf8')).toBe(COMMENTED_CONFIG);
  });

  test('creates the sources list when the file has none, or an empty flow one', async () => {
    const without = COMMENTED_CONFIG.slice(0, SOURCES_START) + COMMENTED_CONFIG.slice(SOURCES_END);
    const emptyFlow = `${COMMENTED_CONFIG.slice(0, SOURCES_START)}sources: []   # none yet\n${COMMENTED_CONFIG.slice(SOURCES_END)}`;
    for (const original of [without, emptyFlow]) {
      const file = await tempConfig(original);
      await addSource(file, { url: news.server.url('/feed.xml') }, news.client);
      expect(await sourcesOf(file)).toEqual([
        { name: 'News Daily', url: news.server.url('/feed.xml'), category: 'Work' },
      ]);
      const text = await readFile(file, 'utf8');
      expect(text.startsWith(COMMENTED_CONFIG.slice(0, SOURCES_START))).toBe(true);
      expect(text).toContain('keywords: [enterprise, startup]   # flow list stays flow');
    }
  });
});

describe('removeSource', () => {
  test.each([['Lab Notes'], ['lab notes'], ['https://lab.example/rss']])('removes by %s', async (key) => {
    const file = await tempConfig();
    expect(await removeSource(file, key)).toEqual({ name: 'Lab Notes', url: 'https://lab.example/rss' });
    expect(await sourcesOf(file)).toEqual([
      { name: 'TechCrunch AI', url: 'https://techcrunch.example/category/ai/feed/', category: 'Work' },
    ]);
    const text = await readFile(file, 'utf8');
    expectOutsideSourcesKept(text);
    expect(text).toContain("# TechCrunch's AI category");
  });

  test('an unknown source is an error and changes nothing', async () => {
    const file = await tempConfig();
    await expect(removeSource(file, 'Nope')).rejects.toThrow(/no source named or with the URL "Nope"/);
    expect(await readFile(file, 'utf8')).toBe(COMMENTED_CONFIG);
  });
});
