// `feedwright extract` through the real CLI: saved pages (plain and gzip) with no
// configuration file, a URL fetched with the configured site rules, and the output formats.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const newDir = tempDirs('extract');
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const PARAGRAPH = 'The council approved the new bridge on Tuesday, after a long debate about its cost and its route.';
const page = (title: string, extra = '') =>
  `<html><head><title>${title}</title><link rel="canonical" href="https://news.example/2024/${title.toLowerCase()}"></head><body><nav><a href="/">Home</a></nav>` +
  `<article><h1>${title}</h1>${[1, 2, 3, 4].map((n) => `<p>${n}. ${PARAGRAPH}</p>`).join('')}<p><a href="/more">More</a> here.</p></article>${extra}<footer>Footer</footer></body></html>`;

describe('feedwright extract', () => {
  test('saved pages, plain and gzip, with no configuration file: one JSON line per input, a failure reported and the rest kept', async () => {
    const dir = await newDir();
    await writeFile(join(dir, 'one.html'), page('Bridge'));
    await writeFile(join(dir, 'two.html.gz'), gzipSync(page('Tunnel')));
    const { code, stdout } = await runCli(
      ['extract', 'one.html', 'missing.html', 'two.html.gz', '--format', 'json'],
      dir,
    );
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.input)).toEqual(['one.html', 'missing.html', 'two.html.gz']);
    expect(Object.keys(lines[0]!)).toEqual([
      'input',
      'url',
      'title',
      'text',
      'markdown',
      'coverImage',
      'published',
      'byline',
      'extraction',
      'error',
    ]);
    expect(lines[0]).toMatchObject({
      url: 'https://news.example/2024/bridge',
      title: 'Bridge',
      extraction: 'generic',
      error: null,
    });
    expect(lines[0]!.text).toContain(`4. ${PARAGRAPH}`);
    expect(lines[0]!.markdown).toContain('[More](https://news.example/more)');
    expect(lines[1]).toMatchObject({ input: 'missing.html', text: null, extraction: null });
    expect(lines[1]!.error).toMatch(/missing\.html/);
    expect(lines[2]).toMatchObject({ title: 'Tunnel', extraction: 'generic', error: null });
  });

  test('a URL is fetched and read with the configured site rule; --url and the text format for a saved page', async () => {
    const dir = await newDir();
    const server = await startServer({
      '/story': reply(
        page(
          'Bridge',
          '<div class="promo-box"><p>Subscribe to the daily bridge letter, every morning in your inbox.</p></div>',
        ),
        { 'content-type': 'text/html; charset=utf-8' },
      ),
    });
    servers.push(server);
    await mkdir(join(dir, 'config'));
    await writeFile(
      join(dir, 'config', 'feedwright.yaml'),
      'site: { title: T, url: "https://site.example/", author: A }\nfetch: { allowPrivateNetworks: true, retries: 0 }\ncategories: [{ name: General }]\n',
    );
    await writeFile(
      join(dir, 'config', 'site-rules.yaml'),
      '"127.0.0.1":\n  content: body\n  strip: [nav, footer, "p:first-of-type"]\n',
    );
    const fetched = await runCli(['extract', server.url('/story'), '--format', 'json'], dir);
    expect(fetched.code).toBe(0);
    const line = JSON.parse(fetched.stdout) as Record<string, string>;
    expect(line).toMatchObject({ url: server.url('/story'), extraction: 'site-rule', error: null });
    expect(line.text).not.toContain(`1. ${PARAGRAPH}`);
    expect(line.text).toContain(`2. ${PARAGRAPH}`);

    await writeFile(join(dir, 'saved.html'), page('Bridge'));
    const saved = await runCli(
      ['extract', 'saved.html', '--url', 'https://other.example/a/b', '--format', 'text'],
      dir,
    );
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(`${[1, 2, 3, 4].map((n) => `${n}. ${PARAGRAPH}`).join(' ')} More here.\n`);
  });

  test('a bad format is a usage error', async () => {
    const dir = await newDir();
    const { code, stderr } = await runCli(['extract', 'a.html', '--format', 'pdf'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('--format');
  });
});
