// A source URL with a user name and password (issue 13): the credentials go in the
// request (the server checks the Authorization header) and stay in the configuration
// file; nothing else the program writes or prints holds the password: not the article
// files, the feeds, sources.opml, state.json, log lines, `status`, `sources export` or
// what `sources add` prints. State written with a credentialed key is moved on load,
// keeping its validators, so the source is not fetched as new.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const USER = 'reader';
const PASSWORD = 's3cr3t-PASS';
const AUTHORIZATION = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const ITEMS = 3;

let server: TestServer;
const tempDir = tempDirs('credentials');

function feed(): string {
  // Relative links: resolved against the feed's URL, they must not pick up its credentials.
  const items = Array.from(
    { length: ITEMS },
    (_, i) =>
      `<item><title>Private story ${i}</title><link>/private/story/${i}</link><guid>private-${i}</guid><description>Summary ${i}.</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Private News</title><link>/private/</link><description>x</description>${items.join('')}</channel></rss>`;
}

function story(index: number): string {
  const text =
    `Paragraph of private story ${index}, long enough to be read as the article and not as a teaser for it. `.repeat(4);
  return `<html><head><title>Private story ${index}</title></head><body><article><h1>Private story ${index}</h1><p>${text}</p><p>${text}</p></article></body></html>`;
}

beforeAll(async () => {
  server = await startServer();
  server.route('/private/feed.xml', (req, res) => {
    if (req.headers.authorization !== AUTHORIZATION)
      return void res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end();
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed());
  });
  for (let i = 0; i < ITEMS; i += 1)
    server.route(
      `/private/story/${i}`,
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(story(i)),
    );
  server.route('/private/broken.xml', (_req, res) => void res.writeHead(500).end('down'));
});

afterAll(() => server.close());

const withCredentials = (path: string) => server.url(path).replace('http://', `http://${USER}:${PASSWORD}@`);

async function writeConfig(dir: string): Promise<string> {
  const file = join(dir, 'feedwright.yaml');
  await writeFile(
    file,
    `site: { title: Test Site, url: https://aivibe.example, author: AIVibe }
fetch: { allowPrivateNetworks: true, timeoutMs: 10000, retries: 0 }
sources:
  - { name: Broken, url: "${withCredentials('/private/broken.xml')}", category: Work, fullText: false }
categories:
  - { name: Work, keywords: [story], coverImages: ["https://images.example/work.jpg"] }
`,
  );
  return file;
}

/** Every file under `dir` but the configuration, with its text. */
async function filesUnder(dir: string, skip: string): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => path !== skip);
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

const leaks = (text: string) => text.includes(PASSWORD) || text.includes(encodeURIComponent(PASSWORD));

describe('credentials in a source URL', () => {
  test('reach the server and the configuration file, and nothing else', async () => {
    const dir = await tempDir();
    const config = await writeConfig(dir);
    const outputs: string[] = [];
    const cli = async (...args: string[]) => {
      const result = await runCli([...args, '--config', config], dir);
      outputs.push(`${result.stdout}\n${result.stderr}`);
      return result;
    };
    expect((await cli('sources', 'add', withCredentials('/private/feed.xml'), '--name', 'Private')).code).toBe(0);
    expect((await cli('run', '--verbose')).code).toBe(0);
    expect((await cli('run', '--verbose', '--force')).code).toBe(0);
    await cli('status');
    await cli('status', '--json');
    await cli('sources', 'export');

    const feedRequests = server.requests.filter((request) => request.path === '/private/feed.xml');
    expect(feedRequests.length).toBeGreaterThanOrEqual(3);
    expect(feedRequests.every((request) => request.headers.authorization === AUTHORIZATION)).toBe(true);
    expect(feedRequests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(await readFile(config, 'utf8')).toContain(`${USER}:${PASSWORD}@`);

    const files = await filesUnder(dir, config);
    expect(files.map((file) => file.path).filter((path) => path.endsWith('.md'))).toHaveLength(ITEMS);
    expect(files.some((file) => file.path.endsWith('sources.opml'))).toBe(true);
    expect(files.filter((file) => leaks(file.text)).map((file) => file.path)).toEqual([]);
    const all = outputs.join('\n');
    // The lines that carried the URL before are there, without the password.
    for (const line of ['Feed processed', 'Unable to fetch feed', 'added source "Private"', 'xmlUrl='])
      expect(all).toContain(line);
    expect(all).toContain(server.url('/private/feed.xml'));
    expect(outputs.filter(leaks)).toEqual([]);
  }, 60_000);

  test('state keyed by a credentialed URL is moved on load, keeping its validators', async () => {
    const dir = await tempDir();
    const config = await writeConfig(dir);
    const url = withCredentials('/private/feed.xml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        'sources:\n',
        `sources:\n  - { name: Private, url: "${url}", category: Work, fullText: false }\n`,
      ),
    );
    const old = { url, etag: '"v1"', failures: 0, lastOutcome: 'ok', lastError: `was ${url}` };
    await runCli(['publish', '--config', config], dir);
    await writeFile(
      join(dir, 'data', 'state.json'),
      JSON.stringify({ version: 1, sources: { [url]: old }, items: {}, urls: {} }),
    );
    const seen = server.requests.length;
    const { code, stderr } = await runCli(['run', '--config', config, '--force'], dir);
    expect(code).toBe(0);
    const request = server.requests.slice(seen).find((entry) => entry.path === '/private/feed.xml');
    expect(request?.headers['if-none-match']).toBe('"v1"');
    expect(stderr).toContain('sources=2 ok=0 notModified=1 failed=1');
    const state = await readFile(join(dir, 'data', 'state.json'), 'utf8');
    expect(leaks(state)).toBe(false);
    expect(Object.keys(JSON.parse(state).sources)).toContain(server.url('/private/feed.xml'));
  }, 60_000);
});
