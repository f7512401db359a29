// serveFeeds over real HTTP on 127.0.0.1: content types, validators and 304s, gzip,
// HEAD, 404/405, folder index, and refused path traversal.
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFeeds, type FeedsServer } from '../../src/serve/serve-feeds.js';
import { silentLogger } from '../../src/lib/log.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>AIVibe</title>${'<item><title>Déjà vu</title></item>'.repeat(40)}</channel></rss>\n`;
const FILES: Record<string, string> = {
  'rss.xml': RSS,
  'atom.xml': '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>',
  'feed.json': '{"version":"https://jsonfeed.org/version/1.1","title":"A","items":[]}',
  'sources.opml': '<?xml version="1.0"?><opml version="2.0"><body/></opml>',
  'index.html': '<!doctype html><title>Feeds</title>',
  'category/business/rss.xml': RSS.replace('AIVibe', 'Business'),
  'category/business/index.html': '<!doctype html><title>Business</title>',
};

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request, so the path reaches the server exactly as written (fetch normalizes it). */
function send(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let outside: string;
let served: FeedsServer;
let origin: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'feedwright-serve-'));
  outside = await mkdtemp(join(tmpdir(), 'feedwright-outside-'));
  const dir = join(root, 'feeds');
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  await writeFile(join(root, 'secret.txt'), 'secret');
  await writeFile(join(outside, 'secret.txt'), 'secret');
  await symlink(join(outside, 'secret.txt'), join(dir, 'link.txt'));
  // A folder outside with an index page, linked in; a dotfile and a temp file; a folder without index.
  await mkdir(join(outside, 'folder'));
  await writeFile(join(outside, 'folder', 'index.html'), 'secret');
  await symlink(join(outside, 'folder'), join(dir, 'elsewhere'));
  await writeFile(join(dir, '.htpasswd'), 'admin:secret');
  await writeFile(join(dir, '.rss.xml.123.abcd.tmp'), 'secret');
  await writeFile(join(dir, 'category', 'business', 'draft.tmp'), 'secret');
  const modified = new Date('2026-01-02T03:04:05Z');
  await utimes(join(dir, 'rss.xml'), modified, modified);
  served = await serveFeeds({ dir, port: 0, logger: silentLogger });
  origin = served.url.replace(/\/$/, '');
});

afterAll(async () => {
  await served?.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('serveFeeds', () => {
  test('binds 127.0.0.1 by default', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test.each([
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
    ['/sources.opml', 'text/x-opml; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/category/business/rss.xml', 'application/rss+xml; charset=utf-8'],
  ])('%s is served as %s', async (path, type) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(FILES[path.slice(1)]);
  });

  test('/ and folders serve their index.html; a folder without its slash is redirected', async () => {
    expect(await (await fetch(`${origin}/`)).text()).toBe(FILES['index.html']);
    expect(await (await fetch(`${origin}/category/business/`)).text()).toBe(FILES['category/business/index.html']);
    const bare = await send(origin, '/category/business');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/category/business/');
  });

  test('sends a strong ETag and Last-Modified, and 304 for If-None-Match', async () => {
    const first = await send(origin, '/rss.xml');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['last-modified']).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
    const again = await send(origin, '/rss.xml', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const changed = await send(origin, '/rss.xml', { headers: { 'if-none-match': '"something-else"' } });
    expect(changed.status).toBe(200);
  });

  test('answers If-Modified-Since with 304 when not newer, 200 when newer', async () => {
    const same = await send(origin, '/rss.xml', { headers: { 'if-modified-since': 'Fri, 02 Jan 2026 03:04:05 GMT' } });
    expect(same.status).toBe(304);
    const older = await send(origin, '/rss.xml', { headers: { 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' } });
    expect(older.status).toBe(200);
    expect(older.body.toString()).toBe(RSS);
  });

  test('If-None-Match wins over If-Modified-Since', async () => {
    const response = await send(origin, '/rss.xml', {
      headers: { 'if-none-match': '"stale"', 'if-modified-since': 'Fri, 02 Jan 2026 03:04:05 GMT' },
    });
    expect(response.status).toBe(200);
  });

  test('gzips when Accept-Encoding allows it, and the body decodes to the file', async () => {
    const zipped = await send(origin, '/rss.xml', { headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(RSS);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(RSS));
    const plain = await send(origin, '/rss.xml', { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.headers.etag).not.toBe(zipped.headers.etag);
    const revalidated = await send(origin, '/rss.xml', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) },
    });
    expect(revalidated.status).toBe(304);
  });

  test('HEAD gives the headers without a body', async () => {
    const response = await send(origin, '/feed.json', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(FILES['feed.json'])));
    expect(response.body.length).toBe(0);
  });

  test('a file asked for as a folder is 404; a folder without an index page is 404, not a redirect', async () => {
    expect((await send(origin, '/rss.xml/')).status).toBe(404);
    expect((await send(origin, '/category')).status).toBe(404);
    expect((await send(origin, '/category/')).status).toBe(404);
    const redirect = await send(origin, '/category/business?utm=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/category/business/?utm=1');
  });

  test('an If-Modified-Since in the future is ignored (200), not taken as "not modified"', async () => {
    const future = new Date(Date.now() + 86_400_000).toUTCString();
    const response = await send(origin, '/rss.xml', { headers: { 'if-modified-since': future } });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(RSS);
  });

  test('a client dripping its headers is cut off after the headers timeout', async () => {
    const slow = await serveFeeds({ dir: join(root, 'feeds'), port: 0, logger: silentLogger, headersTimeoutMs: 1_000 });
    try {
      const { port } = new URL(slow.url);
      const socket = connect(Number(port), '127.0.0.1');
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
      socket.on('error', () => undefined);
      const started = Date.now();
      socket.write('GET /rss.xml HTTP/1.1\r\nHost: x\r\n');
      const drip = setInterval(() => socket.writable && socket.write('X-Slow: y\r\n'), 200);
      const at = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 8_000))]);
      clearInterval(drip);
      socket.destroy();
      expect(at).toBeGreaterThan(0);
      expect(at - started).toBeLessThan(8_000);
    } finally {
      await slow.close();
    }
  });

  test('404 for a missing file, 405 with Allow for other methods', async () => {
    expect((await send(origin, '/nope.xml')).status).toBe(404);
    const post = await send(origin, '/rss.xml', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  test.each([
    ['/../secret.txt', 400],
    ['/%2e%2e/secret.txt', 400],
    ['/%2E%2E%2Fsecret.txt', 400],
    ['/category/..%2f..%2fsecret.txt', 400],
    ['/..%5csecret.txt', 400],
    ['/rss.xml%00.html', 400],
    ['/%zz', 400],
    ['//etc/passwd', 400],
    ['http://127.0.0.1/../secret.txt', 400],
    ['/link.txt', 404],
    ['/elsewhere', 404],
    ['/elsewhere/', 404],
    ['/.htpasswd', 404],
    ['/.rss.xml.123.abcd.tmp', 404],
    ['/category/business/draft.tmp', 404],
    ['/category/.%2e/.htpasswd', 400],
  ])('refuses %s with %i', async (path, status) => {
    const response = await send(origin, path);
    expect(response.status).toBe(status);
    expect(response.body.toString()).not.toContain('secret');
  });
});
