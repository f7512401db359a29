// One story, one article (issue 16) through the real `feedwright run`: two sources on a
// real local site carry the same wire story under their own page furniture and headlines,
// and two different stories about one event. The copy becomes the first article's
// `alsoFrom`, the feeds say "Also reported by"; the two stories stay two; with
// `dedupe.nearDuplicates: false` every story is its own file.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseFeed } from '../../src/parse/index.js';
import { listArticleFiles, readArticleFile } from '../../src/store/index.js';
import { runCli, startCli, waitFor } from '../helpers/cli.js';
import { startRedisServer } from '../helpers/redis-server.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { articleText, firstPart } from '../unit/dedupe/corpus-texts.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const WIRE = articleText('most-detailed-universe-simulation');
const PLAGUE_A = articleText('chinese-hunter-catches-bubonic');
const PLAGUE_B = articleText('hunter-diagnosed-bubonic');

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');

/** Wire A's pages: a top bar, a most-read list, its footer. */
const pageA = (headline: string, text: string) => `<!doctype html><html><head><title>${headline} | Wire A</title>
<meta property="article:published_time" content="2026-03-09T08:00:00Z"></head><body>
<header><a href="/">Wire A</a> <nav><a href="/science">Science</a> <a href="/world">World</a></nav></header>
<article><h1>${headline}</h1>${paragraphs(text)}</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Markets slide</a></li><li><a href="/y">Storm warning</a></li></ul></aside>
<footer>Copyright Wire A. All rights reserved.</footer></body></html>`;

/** Wire B's pages: another layout, a standfirst, a newsletter box, related links. */
const pageB = (headline: string, text: string) => `<!doctype html><html><head><title>${headline} - Wire B Daily</title>
<meta property="article:published_time" content="2026-03-09T09:30:00Z"></head><body>
<div class="masthead">Wire B Daily <a href="/subscribe">Subscribe</a></div>
<main><article><h1>${headline}</h1><p class="standfirst"><strong>Wire B Daily staff</strong></p>
${paragraphs(text)}</article>
<section class="newsletter">Get the morning briefing in your inbox every day.</section>
<section class="related"><a href="/a">Related: Telescopes</a> <a href="/b">Related: Dark matter</a></section></main>
<footer>Wire B Daily, 1 Press Street</footer></body></html>`;

const rss = (server: TestServer, items: Array<{ title: string; path: string }>) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>feed</title><link>${server.origin}/</link><description>d</description>
${items.map(({ title, path }) => `<item><title>${title}</title><link>${server.url(path)}</link><guid>${server.url(path)}</guid><pubDate>Mon, 09 Mar 2026 08:00:00 GMT</pubDate><description>Summary.</description></item>`).join('\n')}
</channel></rss>`;

const STORY_A = '/wire-a/2026/03/universe-simulation';
const STORY_B = '/wire-b/news/4411';

async function startSite(dedupe: string) {
  const server = await startServer();
  const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  const xml = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(body);
  };
  server.route(STORY_A, html(pageA('The most detailed universe simulation yet', WIRE)));
  server.route(STORY_B, html(pageB('Astronomers build the biggest cosmos in a computer', firstPart(WIRE, 0.85))));
  server.route('/wire-a/2026/03/plague', html(pageA('Hunter catches bubonic plague', PLAGUE_A)));
  server.route('/wire-b/news/4412', html(pageB('Plague case after eating wild rabbit', PLAGUE_B)));
  server.route(
    '/wire-a/feed.xml',
    xml(
      rss(server, [
        { title: 'The most detailed universe simulation yet', path: STORY_A },
        { title: 'Hunter catches bubonic plague', path: '/wire-a/2026/03/plague' },
      ]),
    ),
  );
  server.route(
    '/wire-b/feed.xml',
    xml(
      rss(server, [
        { title: 'Astronomers build the biggest cosmos in a computer', path: STORY_B },
        { title: 'Plague case after eating wild rabbit', path: '/wire-b/news/4412' },
      ]),
    ),
  );
  const dir = await mkdtemp(join(tmpdir(), 'feedwright-near-'));
  cleanups.push(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  const configFile = join(dir, 'feedwright.yaml');
  await writeFile(
    configFile,
    `site: { title: Test Site, url: https://aivibe.example, author: AIVibe, feedUrl: https://aivibe.example/feeds }
fetch: { allowPrivateNetworks: true, timeoutMs: 10000, retries: 0 }
sources:
  - { name: Wire A, url: "${server.url('/wire-a/feed.xml')}", category: Science }
  - { name: Wire B, url: "${server.url('/wire-b/feed.xml')}", category: Science }
categories:
  - { name: Science, coverImages: ["https://images.example/science.jpg"] }
${dedupe}`,
  );
  return { server, dir, configFile };
}

async function readOutputs(dir: string): Promise<Map<string, string>> {
  const files = [...(await listArticleFiles(join(dir, 'data', 'articles')))];
  files.push(...['rss.xml', 'atom.xml', 'feed.json'].map((name) => join(dir, 'feeds', name)));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')] as const)));
}

describe('near-duplicates across sources, end to end', () => {
  test('the same story from two sources is one file naming both; the feeds say "Also reported by"; two stories of one event stay two', async () => {
    const { server, dir, configFile } = await startSite('');
    const run = await runCli(['run', '--config', configFile], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/written=3 .*duplicates=1/);

    const articles = await Promise.all((await listArticleFiles(join(dir, 'data', 'articles'))).map(readArticleFile));
    expect(articles).toHaveLength(3);
    const merged = articles.filter((article) => article.alsoFrom);
    expect(merged).toHaveLength(1);
    const [story] = merged;
    // Whichever source stored it first, the other is named.
    const urls = [server.url(STORY_A), server.url(STORY_B)];
    expect(urls).toContain(story!.source);
    const other = urls.find((url) => url !== story!.source)!;
    const otherName = other === urls[0] ? 'Wire A' : 'Wire B';
    expect(story!.alsoFrom).toEqual([{ name: otherName, url: other }]);
    expect(story!.extra.sourceName).not.toBe(otherName);
    const plague = articles.filter((article) => /plague|rabbit/i.test(article.title));
    expect(plague.map((article) => article.extra.sourceName).sort()).toEqual(['Wire A', 'Wire B']);

    const link = `<a href="${other}">${otherName}</a>`;
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      const feed = parseFeed(await readFile(join(dir, 'feeds', name), 'utf8'), {
        url: `https://aivibe.example/feeds/${name}`,
      });
      expect(feed.items, name).toHaveLength(3);
      const also = feed.items.filter((item) => item.contentHtml?.includes('Also reported by'));
      expect(also, name).toHaveLength(1);
      expect(also[0]!.contentHtml, name).toContain(`<p>Also reported by ${link}.</p>`);
    }

    const validated = await runCli(['validate', '--config', configFile], dir);
    expect(validated.code, validated.stdout).toBe(0);

    // A second run finds nothing new and changes no byte.
    const before = await readOutputs(dir);
    expect((await runCli(['run', '--config', configFile], dir)).code).toBe(0);
    expect(await readOutputs(dir)).toEqual(before);

    // validate checks the field.
    const path = join(dir, 'data', 'articles', `${story!.slug}.md`);
    await writeFile(path, (await readFile(path, 'utf8')).replace(`url: '${other}'`, 'url: /relative/path'));
    const invalid = await runCli(['validate', '--config', configFile], dir);
    expect(invalid.code).not.toBe(0);
    expect(invalid.stdout).toContain(`${story!.slug}.md: alsoFrom[0] url is not an absolute http(s) URL`);
  });

  test('in queue mode, two workers over Redis: the same story is one file naming both', async () => {
    const redis = await startRedisServer();
    const { dir, configFile } = await startSite(`queue: { url: "${redis.url}", prefix: near }\n`);
    const workers = [0, 1].map(() => startCli(['worker', '--config', configFile, '--concurrency', '2'], dir));
    cleanups.push(async () => {
      for (const worker of workers) worker.child.kill('SIGTERM');
      await Promise.all(workers.map((worker) => worker.exit));
      await redis.stop();
    });
    await waitFor(() => workers.every((w) => w.stderr().includes('Worker started')), 30_000, 'two workers');
    const run = await runCli(['run', '--config', configFile], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/written=3 .*duplicates=1/);
    const articles = await Promise.all((await listArticleFiles(join(dir, 'data', 'articles'))).map(readArticleFile));
    expect(articles).toHaveLength(3);
    expect(articles.filter((article) => article.alsoFrom).map((article) => article.alsoFrom?.length)).toEqual([1]);
    expect(await readFile(join(dir, 'feeds', 'feed.json'), 'utf8')).toContain('Also reported by');
  }, 90_000);

  test('with dedupe.nearDuplicates: false every story is its own file', async () => {
    const { dir, configFile } = await startSite('dedupe: { nearDuplicates: false }\n');
    const run = await runCli(['run', '--config', configFile], dir);
    expect(run.code, run.stderr).toBe(0);
    const articles = await Promise.all((await listArticleFiles(join(dir, 'data', 'articles'))).map(readArticleFile));
    expect(articles).toHaveLength(4);
    expect(articles.filter((article) => article.alsoFrom)).toEqual([]);
    expect(await readFile(join(dir, 'feeds', 'rss.xml'), 'utf8')).not.toContain('Also reported by');
  });
});
