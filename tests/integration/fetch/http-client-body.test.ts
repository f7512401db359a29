import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { reply, startServer, type TestServer } from '../../helpers/server.js';
import { createTestClient, rejectionOf } from './test-client.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Ünïcode feed</title></channel></rss>';
const HTML = '<!doctype html><html><head><title>Page</title></head><body><p>Hello</p></body></html>';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

/** Writes `chunks` chunks of `size` bytes, one every `everyMs`, until the socket closes. */
function drip(res: ServerResponse, size: number, chunks: number, everyMs: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= chunks) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write('x'.repeat(size));
    sent += 1;
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

describe('fetchResource timeouts', () => {
  test('a server that never answers is TIMEOUT, retried', async () => {
    server.route('/stall', () => undefined);
    const error = await rejectionOf(
      createTestClient({ retries: 1 }).fetchResource(server.url('/stall'), { kind: 'feed' }),
    );
    expect(error).toMatchObject({ code: 'TIMEOUT', stage: 'fetch' });
    expect(server.requests).toHaveLength(2);
  });

  test('a slow-drip body is cut off by the body-read cap', async () => {
    let bytesSent = 0;
    server.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write('x');
        bytesSent += 1;
      }, 20);
      res.on('close', () => clearInterval(timer));
    });
    const error = await rejectionOf(
      createTestClient({ retries: 0 }).fetchResource(server.url('/drip'), { kind: 'feed' }),
    );
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(bytesSent).toBeGreaterThan(5);
  });
});

describe('fetchResource size cap', () => {
  test('a streamed body without Content-Length is stopped once past the cap', async () => {
    let closed = false;
    server.route('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.on('close', () => (closed = true));
      drip(res, 16 * 1024, 1000, 1);
    });
    const error = await rejectionOf(
      createTestClient().fetchResource(server.url('/huge'), { kind: 'feed', maxBytes: 40_000 }),
    );
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
    expect(server.requests).toHaveLength(1);
    for (let waited = 0; !closed && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);
  });

  test('a declared Content-Length over the cap is refused up front', async () => {
    server.route(
      '/big',
      reply('y'.repeat(50_000), { 'content-type': 'application/rss+xml', 'content-length': '50000' }),
    );
    const error = await rejectionOf(
      createTestClient().fetchResource(server.url('/big'), { kind: 'feed', maxBytes: 10_000 }),
    );
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
  });

  test('kind decides the default cap: maxPageBytes for pages, maxFeedBytes for feeds', async () => {
    const body = `<html><body>${'z'.repeat(40_000)}</body></html>`;
    server.route('/mid', reply(body, { 'content-type': 'text/html' }));
    const client = createTestClient({ maxFeedBytes: 64 * 1024, maxPageBytes: 32 * 1024 });
    const feed = await client.fetchResource(server.url('/mid'), { kind: 'feed' });
    expect(feed.body).toHaveLength(body.length);
    const error = await rejectionOf(client.fetchResource(server.url('/mid'), { kind: 'page' }));
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
  });

  test('a gzip bomb is capped on decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(2_000_000, 0x61));
    server.route('/bomb', reply(bomb, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }));
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/bomb'), { kind: 'feed' }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe('fetchResource content codings', () => {
  test.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decompresses a %s body', async (coding, compress) => {
    server.route(
      '/z',
      reply(compress(Buffer.from(RSS)), { 'content-type': 'application/rss+xml', 'content-encoding': coding }),
    );
    const result = await createTestClient().fetchResource(server.url('/z'), { kind: 'feed' });
    expect(result.body).toBe(RSS);
    expect(String(server.requests[0].headers['accept-encoding'])).toContain(coding);
  });
});

describe('fetchResource kinds and bodies', () => {
  test('an HTML page as kind page', async () => {
    server.route('/page', reply(HTML, { 'content-type': 'text/html; charset=utf-8' }));
    const result = await createTestClient().fetchResource(server.url('/page'), { kind: 'page' });
    expect(result).toMatchObject({ contentType: 'text/html', body: HTML });
  });

  test('raw: the body comes back as the bytes sent, with the Content-Type header, undecoded', async () => {
    // "Привет" in windows-1251, declared only in the header: decoding is left to the caller.
    const bytes = Buffer.concat([
      Buffer.from('<html><body><p>'),
      Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]),
      Buffer.from('</p></body></html>'),
    ]);
    const header = 'text/html; charset=windows-1251';
    server.route('/raw', reply(bytes, { 'content-type': header }));
    const result = await createTestClient().fetchPage(server.url('/raw'));
    expect(result).toMatchObject({ status: 200, contentType: 'text/html' });
    // Nothing decoded: no text body, no charset; the bytes as they came.
    expect(Object.keys(result)).not.toContain('body');
    expect(Object.keys(result)).not.toContain('charset');
    expect(result.raw.contentType).toBe(header);
    expect(Buffer.from(result.raw.bytes).equals(bytes)).toBe(true);
  });

  test('raw: the head checks still apply (NOT_HTML, TOO_LARGE, EMPTY)', async () => {
    server.route('/doc.pdf', reply('%PDF-1.4 fake', { 'content-type': 'application/pdf' }));
    server.route('/big', reply(HTML.repeat(10), { 'content-type': 'text/html' }));
    server.route('/empty', reply('', { 'content-type': 'text/html' }));
    const client = createTestClient();
    await expect(client.fetchPage(server.url('/doc.pdf'))).rejects.toMatchObject({
      code: 'NOT_HTML',
    });
    await expect(client.fetchPage(server.url('/big'), { maxBytes: HTML.length })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    await expect(client.fetchPage(server.url('/empty'))).rejects.toMatchObject({
      code: 'EMPTY',
    });
  });

  test('a PDF as kind page is NOT_HTML', async () => {
    server.route('/doc.pdf', reply('%PDF-1.4 fake', { 'content-type': 'application/pdf' }));
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/doc.pdf'), { kind: 'page' }));
    expect(error).toMatchObject({ code: 'NOT_HTML', stage: 'fetch' });
  });

  test('an untyped body is sniffed: HTML passes, anything else is NOT_HTML', async () => {
    server.route('/untyped-html', (_req, res) => void res.end(`  \n${HTML}`));
    server.route('/untyped-bin', (_req, res) => void res.end('%PDF-1.4 fake'));
    const client = createTestClient();
    const ok = await client.fetchResource(server.url('/untyped-html'), { kind: 'page' });
    expect(ok.contentType).toBeUndefined();
    expect(ok.body).toContain('<p>Hello</p>');
    const error = await rejectionOf(client.fetchResource(server.url('/untyped-bin'), { kind: 'page' }));
    expect(error).toMatchObject({ code: 'NOT_HTML' });
  });

  test('a 200 with an empty body is EMPTY', async () => {
    server.route('/empty', reply('', { 'content-type': 'application/rss+xml' }));
    const error = await rejectionOf(createTestClient().fetchResource(server.url('/empty'), { kind: 'feed' }));
    expect(error).toMatchObject({ code: 'EMPTY', status: 200 });
  });

  test('a windows-1251 feed declared only in the HTTP header', async () => {
    // "Привет" in windows-1251; the XML declaration names no encoding.
    const title = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0"?><rss><channel><title>'),
      title,
      Buffer.from('</title></channel></rss>'),
    ]);
    server.route('/cp1251', reply(bytes, { 'content-type': 'application/rss+xml; charset=windows-1251' }));
    const result = await createTestClient().fetchResource(server.url('/cp1251'), { kind: 'feed' });
    expect(result.charset).toBe('windows-1251');
    expect(result.body).toContain('<title>Привет</title>');
  });

  test('a UTF-16LE feed with a BOM', async () => {
    const text = '<?xml version="1.0" encoding="utf-16"?><rss><channel><title>日本語 ✓</title></channel></rss>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    server.route('/utf16', reply(bytes, { 'content-type': 'application/xml' }));
    const result = await createTestClient().fetchResource(server.url('/utf16'), { kind: 'feed' });
    expect(result.charset).toBe('utf-16le');
    expect(result.body.replace(/^\ufeff/, '')).toBe(text);
  });
});
