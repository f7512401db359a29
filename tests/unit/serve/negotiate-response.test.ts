import { describe, expect, test } from 'vitest';
import {
  acceptsGzip,
  findContentType,
  isNotModified,
  matchesIfNoneMatch,
} from '../../../src/serve/negotiate-response.js';
import { resolveRequestPath } from '../../../src/serve/resolve-request-path.js';

describe('findContentType', () => {
  test.each([
    ['/f/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/f/category/ai/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/f/feed.json', 'application/feed+json; charset=utf-8'],
    ['/f/sources.opml', 'text/x-opml; charset=utf-8'],
    ['/f/index.html', 'text/html; charset=utf-8'],
    ['/f/other.xml', 'application/xml; charset=utf-8'],
    ['/f/blob', 'application/octet-stream'],
  ])('%s → %s', (path, type) => {
    expect(findContentType(path)).toBe(type);
  });
});

describe('acceptsGzip', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['deflate, GZIP', true],
    ['gzip;q=0', false],
    ['gzip; q=0.001', true],
    ['*', true],
    ['*;q=0', false],
    ['br, *;q=0', false],
    ['gzip;q=0, *', false],
    ['identity', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('conditional requests', () => {
  const validators = { etags: ['"abc"', '"abc-gzip"'], mtimeMs: Date.parse('2026-01-02T03:04:05.678Z') };

  test.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc-gzip"', true],
    ['*', true],
    ['"abcd"', false],
  ])('If-None-Match %s → %s', (header, expected) => {
    expect(matchesIfNoneMatch(header, validators.etags)).toBe(expected);
  });

  test.each([
    ['Fri, 02 Jan 2026 03:04:05 GMT', true],
    ['Fri, 02 Jan 2026 03:04:04 GMT', false],
    ['not a date', false],
  ])('If-Modified-Since %s → %s', (header, expected) => {
    expect(isNotModified({ ifModifiedSince: header }, validators)).toBe(expected);
  });

  test('If-None-Match takes precedence over If-Modified-Since', () => {
    expect(isNotModified({ ifNoneMatch: '"zzz"', ifModifiedSince: 'Fri, 02 Jan 2027 00:00:00 GMT' }, validators)).toBe(
      false,
    );
    expect(isNotModified({}, validators)).toBe(false);
  });
});

describe('resolveRequestPath', () => {
  test('maps a path and a folder inside the root', () => {
    expect(resolveRequestPath('/srv/feeds', '/category/ai/rss.xml?x=1')).toEqual({
      kind: 'ok',
      path: '/srv/feeds/category/ai/rss.xml',
      isFolder: false,
      urlPath: '/category/ai/rss.xml',
      query: '?x=1',
    });
    expect(resolveRequestPath('/srv/feeds', '/')).toMatchObject({ kind: 'ok', path: '/srv/feeds', isFolder: true });
    expect(resolveRequestPath('/srv/feeds', '/a%20b.xml')).toMatchObject({ kind: 'ok', path: '/srv/feeds/a b.xml' });
  });

  test.each([
    '/../x',
    '/a/%2e%2e/%2e%2e/x',
    '/%2e/x',
    '/a%2f..%2f..%2fx',
    '/a\\..\\x',
    '/a%00',
    '/%E0%A4%A',
    '//host/x',
    'x',
    undefined,
  ])('refuses %s', (target) => {
    expect(resolveRequestPath('/srv/feeds', target).kind).toBe('bad');
  });
});
