// Item identity is scoped to the source (issue 13): a source that lists another source's
// GUIDs, or two feeds numbering their items 1001, 1002, never make each other's stories
// "already seen"; the same canonical URL from two sources is still one article; a GUID
// shared across sources is logged; a state file written before ids were scoped keeps
// every seen item seen (nothing fetched or written again).

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLogger, silentLogger } from '../../src/lib/log.js';
import { parseFeed } from '../../src/parse/parse-feed.js';
import { runOnce } from '../../src/pipeline.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { makeHostileConfig, makeTempDir } from './helpers/hostile-config.js';

let server: TestServer;
let dir: string;

interface Entry {
  guid: string;
  link: string;
  title: string;
}

function rss(entries: Entry[]): string {
  const items = entries.map(
    (e) =>
      `<item><title>${e.title}</title><link>${e.link}</link><guid isPermaLink="false">${e.guid}</guid><description>${e.title} about funding.</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.example/</link><description>d</description>${items.join('')}</channel></rss>`;
}

function serveFeed(path: string, entries: Entry[]): string {
  const xml = rss(entries);
  server.route(path, (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(xml));
  return xml;
}

const numbered = (site: string, label: string): Entry[] =>
  [1001, 1002].map((n) => ({
    guid: String(n),
    link: `https://${site}.example/story/${n}`,
    title: `${label} story ${n}`,
  }));

async function titles(articlesDir: string): Promise<string[]> {
  const files = await listArticleFiles(articlesDir);
  return (await Promise.all(files.map((file) => readArticleFile(file)))).map((article) => article.title).sort();
}

const source = (name: string, path: string) => ({ name, url: server.url(path), category: 'Work', fullText: false });

beforeEach(async () => {
  server = await startServer();
  dir = await makeTempDir('identity');
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('item identity scoped to the source', () => {
  test('two feeds with numeric GUIDs 1001, 1002 both get their stories, and the shared GUIDs are logged', async () => {
    serveFeed('/a.xml', numbered('a', 'Alpha'));
    serveFeed('/b.xml', numbered('b', 'Beta'));
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', sink: { write: (line) => lines.push(line) } });
    const config = await makeHostileConfig(dir, [source('Alpha', '/a.xml'), source('Beta', '/b.xml')]);
    const report = await runOnce(config, { logger });
    expect(report).toMatchObject({ newItems: 4, articlesWritten: 4, duplicates: 0 });
    expect(await titles(config.paths.articles)).toEqual([
      'Alpha story 1001',
      'Alpha story 1002',
      'Beta story 1001',
      'Beta story 1002',
    ]);
    const warning = lines.find((line) => line.includes('Items share GUIDs with another source'));
    expect(warning).toMatch(/count=2/);
    expect(warning).toMatch(/otherSource=(Alpha|Beta)/);
  });

  test("a source that listed another's GUIDs first does not suppress that source's stories", async () => {
    const victim = numbered('victim', 'Victim').map((entry) => ({
      ...entry,
      guid: `tag:victim.example,2026:${entry.guid}`,
    }));
    serveFeed('/victim.xml', victim);
    serveFeed(
      '/squatter.xml',
      victim.map((entry, index) => ({
        ...entry,
        link: `https://squatter.example/${index}`,
        title: `Squatter ${index}`,
      })),
    );
    const squatterOnly = await makeHostileConfig(dir, [source('Squatter', '/squatter.xml')]);
    expect(await runOnce(squatterOnly, { logger: silentLogger })).toMatchObject({ articlesWritten: 2 });
    const both = await makeHostileConfig(dir, [source('Squatter', '/squatter.xml'), source('Victim', '/victim.xml')]);
    const report = await runOnce(both, { logger: silentLogger, force: true });
    expect(report).toMatchObject({ newItems: 2, articlesWritten: 2 });
    expect(await titles(both.paths.articles)).toEqual([
      'Squatter 0',
      'Squatter 1',
      'Victim story 1001',
      'Victim story 1002',
    ]);
  });

  test('the same canonical URL through two sources is still one article', async () => {
    const story = { link: 'https://news.example/story?utm_source=rss', title: 'One story' };
    serveFeed('/one.xml', [{ ...story, guid: 'one-1' }]);
    serveFeed('/two.xml', [{ ...story, guid: 'two-1' }]);
    const config = await makeHostileConfig(dir, [source('One', '/one.xml'), source('Two', '/two.xml')]);
    const report = await runOnce(config, { logger: silentLogger });
    expect(report).toMatchObject({ newItems: 2, articlesWritten: 1, duplicates: 1 });
  });
});

describe('a state file written before ids were scoped (version 1)', () => {
  test('keeps every seen item seen: no page fetched, no file written, on this run and the next', async () => {
    const entries = numbered('old', 'Old');
    const xml = serveFeed('/old.xml', entries);
    for (const entry of entries) server.route(new URL(entry.link).pathname, (_req, res) => void res.end('<p>page</p>'));
    const config = await makeHostileConfig(dir, [{ ...source('Old', '/old.xml'), fullText: true }]);
    // What the version before this change wrote: the unscoped ids parse gives.
    const oldIds = parseFeed(xml, { url: server.url('/old.xml') }).items.map((item) => item.id);
    const seen = Object.fromEntries(
      oldIds.map((id, index) => [id, { seenAt: '2026-01-01T00:00:00.000Z', slug: `old-${index}` }]),
    );
    await mkdir(dirname(config.paths.state), { recursive: true });
    // A version 1 file knew the source that saw those items.
    const sources = { [server.url('/old.xml')]: { url: server.url('/old.xml'), failures: 0, lastOutcome: 'ok' } };
    await writeFile(config.paths.state, JSON.stringify({ version: 1, sources, items: seen, urls: {} }));
    for (const round of [1, 2]) {
      const report = await runOnce(config, { logger: silentLogger, force: true });
      expect(report, `run ${round}`).toMatchObject({ sourcesOk: 1, newItems: 0, articlesWritten: 0 });
    }
    expect(server.requests.filter((request) => request.path.startsWith('/story/'))).toHaveLength(0);
    expect(await listArticleFiles(config.paths.articles)).toHaveLength(0);
    const state = JSON.parse(await readFile(config.paths.state, 'utf8'));
    expect(state.version).toBe(2);
    expect(
      Object.values(state.items)
        .map((item) => (item as { slug: string }).slug)
        .sort(),
    ).toEqual(['old-0', 'old-1']);
    expect(state.sources[server.url('/old.xml')].scopedIds).toBe(true);
  });

  test('a source added after the upgrade takes over none of the old ids: its item 1001 is a new story', async () => {
    const oldEntries = numbered('old', 'Old');
    const oldXml = serveFeed('/old.xml', oldEntries);
    serveFeed('/new.xml', numbered('new', 'New'));
    const oldIds = parseFeed(oldXml, { url: server.url('/old.xml') }).items.map((item) => item.id);
    const seen = Object.fromEntries(
      oldIds.map((id, index) => [id, { seenAt: '2026-01-01T00:00:00.000Z', slug: `old-${index}` }]),
    );
    const sources = { [server.url('/old.xml')]: { url: server.url('/old.xml'), failures: 0, lastOutcome: 'ok' } };
    const oldOnly = await makeHostileConfig(dir, [source('Old', '/old.xml')]);
    await mkdir(dirname(oldOnly.paths.state), { recursive: true });
    await writeFile(oldOnly.paths.state, JSON.stringify({ version: 1, sources, items: seen, urls: {} }));
    expect(await runOnce(oldOnly, { logger: silentLogger, force: true })).toMatchObject({
      newItems: 0,
      articlesWritten: 0,
    });
    // The operator adds a source whose feed numbers its items 1001, 1002 too.
    const both = await makeHostileConfig(dir, [source('Old', '/old.xml'), source('New', '/new.xml')]);
    const report = await runOnce(both, { logger: silentLogger, force: true });
    expect(report).toMatchObject({ newItems: 2, articlesWritten: 2 });
    expect(await titles(both.paths.articles)).toEqual(['New story 1001', 'New story 1002']);
  });
});
