// The operator's commands through the real CLI: serve, sources add, publish, validate;
// and the offline demo a newcomer runs first.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseFeed } from '../../src/parse/parse-feed.js';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import { runCli, startCli, waitFor } from '../helpers/cli.js';
import { corpusDir, projectRoot } from '../helpers/paths.js';
import { reply } from '../helpers/server.js';
import * as cheerio from 'cheerio';
import { startSiteFixture, type SiteFixture } from '../helpers/site-fixture.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function site(items: number): Promise<SiteFixture> {
  const fixture = await startSiteFixture(items);
  cleanups.push(async () => {
    await fixture.server.close();
    await rm(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}

describe('operating feedwright', () => {
  test('serve answers with the feed, its content type and ETag, then 304 to a conditional request', async () => {
    const fixture = await site(2);
    expect((await runCli(['run', '--config', fixture.configFile], fixture.dir)).code).toBe(0);
    const server = startCli(['serve', '--port', '0', '--config', fixture.configFile], fixture.dir);
    cleanups.push(async () => {
      server.child.kill('SIGTERM');
      await server.exit;
    });
    await waitFor(() => /msg="Serving feeds".* url=\S+/.test(server.stderr()), 20_000, 'the server to listen');
    const base = /msg="Serving feeds".* url=(\S+)/.exec(server.stderr())?.[1] as string;
    expect(server.stderr().match(/Serving feeds/g)).toHaveLength(1);
    const first = await fetch(new URL('rss.xml', base));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const body = await first.text();
    expect(parseFeed(body, { url: first.url }).items).toHaveLength(2);
    const etag = first.headers.get('etag') as string;
    expect(etag).toBeTruthy();
    const again = await fetch(new URL('rss.xml', base), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const lastModified = (await fetch(new URL('feed.json', base))).headers.get('last-modified') as string;
    const since = await fetch(new URL('feed.json', base), { headers: { 'if-modified-since': lastModified } });
    expect(since.status).toBe(304);
    // Every link of the index pages to a feed, a category page or the OPML works where it is served.
    const pages = [new URL('index.html', base)];
    const checked = new Set<string>();
    while (pages.length > 0) {
      const page = pages.shift() as URL;
      const $ = cheerio.load(await (await fetch(page)).text());
      const hrefs = $('link[rel="alternate"], a[type], nav a')
        .toArray()
        .map((element) => element.attribs.href as string);
      for (const href of hrefs) {
        const target = new URL(href, page);
        if (checked.has(target.href)) continue;
        checked.add(target.href);
        expect(target.href.startsWith(base), href).toBe(true);
        expect((await fetch(target)).status, target.href).toBe(200);
        if (target.pathname.endsWith('/index.html')) pages.push(target);
      }
    }
    expect([...checked].filter((href) => href.endsWith('/index.html')).length).toBeGreaterThan(1);
    expect(checked.size).toBeGreaterThan(6);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });

  test('sources add finds the feed from a home page and keeps the config comments', async () => {
    const fixture = await site(3);
    fixture.server.route(
      '/',
      reply(
        '<html><head><title>Example</title><link rel="alternate" type="application/rss+xml" title="Example News" href="/feed.xml"></head><body>Home</body></html>',
        {
          'content-type': 'text/html',
        },
      ),
    );
    const config = join(fixture.dir, 'two.yaml');
    const original = (await readFile(fixture.configFile, 'utf8')).replace(
      'sources:\n',
      '# the sources we read\nsources:\n',
    );
    await writeFile(
      config,
      original.replace(/ {2}- \{ name: Example News.*\n/, '  - { name: Other, url: "https://other.example/feed" }\n'),
    );
    const result = await runCli(['sources', 'add', fixture.server.url('/'), '--config', config], fixture.dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`added source "Example News": ${fixture.server.url('/feed.xml')}`);
    const edited = await readFile(config, 'utf8');
    expect(edited).toContain('# the sources we read');
    expect(edited).toContain(fixture.server.url('/feed.xml'));
    const duplicate = await runCli(
      ['sources', 'add', fixture.server.url('/feed.xml'), '--config', config],
      fixture.dir,
    );
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/two\.yaml/);
    const exported = await runCli(['sources', 'export', '--config', config], fixture.dir);
    expect(exported.stdout).toContain('<opml version="2.0">');
    expect(exported.stdout).toContain('xmlUrl="https://other.example/feed"');
  });

  test('validate reports the configuration, articles and feeds', async () => {
    const fixture = await site(2);
    await runCli(['run', '--config', fixture.configFile], fixture.dir);
    const result = await runCli(['validate', '--config', fixture.configFile], fixture.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/configuration: ok .*1 sources/);
    expect(result.stdout).toMatch(/articles: 2 of 2 files parse/);
    expect(result.stdout).toMatch(/rss\.xml parses \(rss, 2 items\)/);
  });

  test('the offline demo runs the whole pipeline and its outputs parse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feedwright-demo-test-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'scripts', 'demo.ts'), '--out', dir, '--corpus', corpusDir],
      {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(out).toMatch(/feedwright demo: \d+ articles from 4 sources/);
    expect(code).toBe(0);
    const files = await listArticleFiles(join(dir, 'data', 'articles'));
    expect(files.length).toBeGreaterThan(50);
    const articles = await Promise.all(files.map((file) => readArticleFile(file)));
    expect(articles.some((article) => article.extra.extraction === 'site-rule')).toBe(true);
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      const feed = parseFeed(await readFile(join(dir, 'feeds', name), 'utf8'), {
        url: `https://aivibe.example/feeds/${name}`,
      });
      expect(feed.items.length).toBe(50);
    }
    expect(out).toContain(join(dir, 'data', 'articles'));
  });
});
