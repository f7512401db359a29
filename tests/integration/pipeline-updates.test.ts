// Edits at the source, end to end (issue 16): the real `feedwright run`, twice, against a
// local site whose feed and pages change between the runs. An item edited at the source
// rewrites its file (same slug and id, `updated`, new title, body and excerpt) and its
// feeds; an unchanged item costs no page fetch; a file edited by hand is left alone,
// logged and listed by `status`; a deleted file stays deleted; an item first seen before
// updates.windowDays is not read again.

import { readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeExcerpt } from '../../src/lib/make-excerpt.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import type { Article } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

/** The stories: `edited` changes title and body, `same` nothing; `hand`, `deleted` and `old` change too. */
const STORIES = ['edited', 'same', 'hand', 'deleted', 'old'] as const;
type Story = (typeof STORIES)[number];

const version: Record<Story, number> = { edited: 1, same: 1, hand: 1, deleted: 1, old: 1 };

const title = (story: Story) => (version[story] === 1 ? `The ${story} story` : `The ${story} story, corrected`);

function paragraphs(story: Story): string[] {
  const fact = version[story] === 1 ? 'forty jobs' : 'four hundred jobs, the company said on Tuesday';
  return Array.from(
    { length: 5 },
    (_, p) =>
      `Paragraph ${p + 1} of the ${story} story: the startup's funding round closed this week and brings ${fact} to the region, according to people familiar with the matter.`,
  );
}

function page(story: Story): string {
  return `<!doctype html><html><head><title>${title(story)} | Example News</title>
<meta property="og:title" content="${title(story)}">
<meta property="article:published_time" content="2026-01-05T10:00:00Z">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>${title(story)}</h1>${paragraphs(story)
    .map((text) => `<p>${text}</p>`)
    .join('\n')}</article><footer>Copyright Example News</footer></body></html>`;
}

function feed(origin: string): string {
  const items = STORIES.map(
    (story) =>
      `<item><title>${title(story)}</title><link>${origin}/story/${story}</link><guid>${origin}/story/${story}</guid>
<pubDate>Mon, 05 Jan 2026 10:00:00 GMT</pubDate><description>${paragraphs(story)[0]}</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example News</title><link>${origin}/</link><description>Test</description>${items}</channel></rss>`;
}

let server: TestServer;
let dir: string;
let first: { code: number | string; stderr: string };
let second: { code: number | string; stderr: string };
let before: Map<Story, { article: Article; text: string }>;
let after: Map<Story, { article: Article; text: string }>;
let feedsBefore: { atom: string; json: string; rss: string };
let feedsAfter: { atom: string; json: string; rss: string };
let pageRequestsBefore: Record<Story, number>;
let secondRunStart: number;
let secondRunEnd: number;
const HAND_EDIT = '\nAn editor added this line.\n';

const run = (...args: string[]) => runCli(['run', '--verbose', '--config', 'feedwright.yaml', ...args], dir);
const pageRequests = (story: Story) => server.requests.filter((request) => request.path === `/story/${story}`).length;

async function readArticles(): Promise<Map<Story, { article: Article; text: string }>> {
  const found = new Map<Story, { article: Article; text: string }>();
  for (const file of await listArticleFiles(join(dir, 'data/articles'))) {
    const article = await readArticleFile(file);
    const story = STORIES.find((name) => article.source.endsWith(`/story/${name}`));
    if (story) found.set(story, { article, text: await readFile(file, 'utf8') });
  }
  return found;
}

async function readFeeds() {
  const read = (name: string) => readFile(join(dir, 'feeds', name), 'utf8');
  return { atom: await read('atom.xml'), json: await read('feed.json'), rss: await read('rss.xml') };
}

/** The feed item of `story` in the JSON Feed, by its link. */
function jsonItem(json: string, story: Story): Record<string, unknown> {
  const items = (JSON.parse(json) as { items: Array<Record<string, unknown>> }).items;
  return items.find((item) => String(item.url).endsWith(`/story/${story}`))!;
}

/** The Atom entry (text) whose id is `id`. */
function atomEntry(atom: string, id: string): string {
  return atom.split('<entry>').find((entry) => entry.includes(`<id>${id}</id>`))!;
}

/** The RSS item (text) whose link ends with the story. */
function rssItem(rss: string, story: Story): string {
  return rss.split('<item>').find((item) => item.includes(`/story/${story}</link>`))!;
}

beforeAll(async () => {
  server = await startServer();
  server.route('/feed.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(feed(server.origin));
  });
  for (const story of STORIES)
    server.route(`/story/${story}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(story));
    });
  dir = await mkdtemp(join(tmpdir(), 'feedwright-updates-'));
  await writeFile(
    join(dir, 'feedwright.yaml'),
    `site: { title: Test Site, url: https://aivibe.example, author: AIVibe, feedUrl: https://aivibe.example/feeds }
fetch: { allowPrivateNetworks: true, retries: 0 }
updates: { windowDays: 3 }
sources:
  - { name: Example News, url: "${server.url('/feed.xml')}", category: Work }
categories:
  - { name: Work, keywords: [funding] }
`,
  );
  first = await run();
  before = await readArticles();
  feedsBefore = await readFeeds();
  pageRequestsBefore = Object.fromEntries(STORIES.map((story) => [story, pageRequests(story)])) as Record<
    Story,
    number
  >;

  // Between the runs: the source edits four stories; an editor edits one file and deletes another;
  // the `old` story was first seen ten days ago (past the window).
  for (const story of ['edited', 'hand', 'deleted', 'old'] as const) version[story] = 2;
  await writeFile(
    join(dir, 'data/articles', `${before.get('hand')!.article.slug}.md`),
    before.get('hand')!.text + HAND_EDIT,
  );
  await unlink(join(dir, 'data/articles', `${before.get('deleted')!.article.slug}.md`));
  const statePath = join(dir, 'data/state.json');
  const state = JSON.parse(await readFile(statePath, 'utf8')) as { items: Record<string, { seenAt: string }> };
  state.items[before.get('old')!.article.extra.id!]!.seenAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
  await writeFile(statePath, JSON.stringify(state));

  secondRunStart = Date.now();
  second = await run('--force');
  secondRunEnd = Date.now();
  after = await readArticles();
  feedsAfter = await readFeeds();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('edits at the source', () => {
  test('both runs succeed; the summary line counts the update at its end', () => {
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stderr).toMatch(
      /msg="Run finished" sources=1 ok=1 .*newItems=5 written=5 .*durationMs=\d+ updated=0\n/,
    );
    expect(second.stderr).toMatch(
      /msg="Run finished" sources=1 ok=1 .*newItems=0 written=0 .*durationMs=\d+ updated=1\n/,
    );
  });

  test('an item whose title and body changed at the source rewrites its file: same slug and id, `updated`, new title, body, excerpt', () => {
    const old = before.get('edited')!.article;
    const now = after.get('edited')!.article;
    expect(now.slug).toBe(old.slug);
    expect(now.extra.id).toBe(old.extra.id);
    expect(now.title).toBe('The edited story, corrected');
    expect(now.body).toContain('four hundred jobs');
    expect(now.body).not.toContain('forty jobs');
    expect(now.excerpt).toBe(makeExcerpt(paragraphs('edited').join(' ')));
    expect(now.excerpt).not.toBe(old.excerpt);
    const updated = Date.parse(now.extra.updated!);
    expect(updated).toBeGreaterThanOrEqual(secondRunStart - 1000);
    expect(updated).toBeLessThanOrEqual(secondRunEnd);
    // Nothing else changed: every other field as it was.
    const { title: _t, excerpt: _e, body: _b, extra, ...rest } = now;
    const { title: _t0, excerpt: _e0, body: _b0, extra: oldExtra, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
    expect({ ...extra, updated: undefined }).toEqual({ ...oldExtra, updated: undefined });
    expect(old.extra.updated).toBeUndefined();
    // `updated` follows the reference fields, after `published`.
    expect(after.get('edited')!.text).toMatch(/\nsource: .*\n(?:.*\n)*published: .*\nupdated: '[^']+'\nsourceName: /);
  });

  test('its feeds carry the update: Atom <updated>, JSON Feed date_modified, RSS the same guid', () => {
    const now = after.get('edited')!.article;
    const id = String(jsonItem(feedsAfter.json, 'edited').id);
    expect(jsonItem(feedsBefore.json, 'edited').id).toBe(id);
    expect(jsonItem(feedsBefore.json, 'edited').date_modified).toBeUndefined();
    expect(jsonItem(feedsAfter.json, 'edited')).toMatchObject({
      title: 'The edited story, corrected',
      date_modified: now.extra.updated,
      date_published: '2026-01-05T10:00:00.000Z',
    });
    expect(atomEntry(feedsAfter.atom, id)).toContain(`<updated>${now.extra.updated}</updated>`);
    expect(atomEntry(feedsBefore.atom, id)).not.toContain(`<updated>${now.extra.updated}</updated>`);
    const guid = (rss: string) => /<guid[^>]*>([^<]+)<\/guid>/.exec(rssItem(rss, 'edited'))![1];
    expect(guid(feedsAfter.rss)).toBe(guid(feedsBefore.rss));
    expect(rssItem(feedsAfter.rss, 'edited')).toContain('The edited story, corrected');
    // The unchanged story's items are as they were.
    expect(jsonItem(feedsAfter.json, 'same')).toEqual(jsonItem(feedsBefore.json, 'same'));
    expect(rssItem(feedsAfter.rss, 'same')).toBe(rssItem(feedsBefore.rss, 'same'));
  });

  test('an unchanged item costs no page fetch; the edited one is read once again', () => {
    expect(pageRequestsBefore).toEqual({ edited: 1, same: 1, hand: 1, deleted: 1, old: 1 });
    expect(pageRequests('same')).toBe(1);
    expect(pageRequests('edited')).toBe(2);
    expect(after.get('same')!.text).toBe(before.get('same')!.text);
  });

  test('a file edited by hand is left alone, logged, and listed by status (table and --json)', async () => {
    expect(after.get('hand')!.text).toBe(before.get('hand')!.text + HAND_EDIT);
    expect(pageRequests('hand')).toBe(1);
    const file = `${before.get('hand')!.article.slug}.md`;
    expect(second.stderr).toMatch(
      new RegExp(
        `level=WARN msg="Article edited by hand, update at the source not written" .*file=${file.replace(/\./g, '\\.')}`,
      ),
    );
    const table = await runCli(['status', '--config', 'feedwright.yaml'], dir);
    expect(table.stdout).toMatch(
      new RegExp(
        `Conflicts \\(edited by hand; the update at the source was not written\\):\\n  Example News: ${file.replace(/\./g, '\\.')} \\(since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)`,
      ),
    );
    const json = await runCli(['status', '--json', '--config', 'feedwright.yaml'], dir);
    const [row] = JSON.parse(json.stdout) as Array<{ conflicts: Array<{ file: string; at: string }> }>;
    expect(row!.conflicts).toEqual([{ file, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
  });

  test('a deleted file stays deleted, and its page is not read again', () => {
    expect(after.has('deleted')).toBe(false);
    expect(pageRequests('deleted')).toBe(1);
    expect(second.stderr).not.toMatch(/msg="Article edited by hand.*deleted/);
  });

  test('an item first seen before the window is not read again', () => {
    expect(pageRequests('old')).toBe(1);
    expect(after.get('old')!.text).toBe(before.get('old')!.text);
  });

  test('validate accepts the updated article', async () => {
    const result = await runCli(['validate', '--config', 'feedwright.yaml'], dir);
    expect(result.stdout).toContain('articles: 4 of 4 files parse');
    expect(result.code).toBe(0);
  });
});
