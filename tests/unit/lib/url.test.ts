// The one redacted form of a URL (issue 13): no user name or password, in a URL, in free
// text and in every log line; credentials carried over only within one origin.

import { describe, expect, test } from 'vitest';
import { formatLine } from '../../../src/lib/log.js';
import { canonicalizeUrl, keepCredentials, redactCredentials, redactUrl } from '../../../src/lib/url.js';

describe('redactUrl / redactCredentials', () => {
  test.each([
    ['http://user:pass@host.example/feed', 'http://host.example/feed'],
    ['https://user@host.example:8443/a?b=c', 'https://host.example:8443/a?b=c'],
    ['https://host.example/a@b', 'https://host.example/a@b'],
    ['not a url user:pass@x', 'not a url user:pass@x'],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  test('every URL in a message loses its credentials', () => {
    expect(
      redactCredentials('GET http://u:p@a.example/x failed, then https://v:q@b.example/ too; mail a@b.example'),
    ).toBe('GET http://a.example/x failed, then https://b.example/ too; mail a@b.example');
  });

  test('a log line never carries them, in a field or in the message', () => {
    const line = formatLine('warn', 'Unable to fetch http://u:secret@a.example/', {
      url: 'http://u:secret@a.example/feed',
      err: new Error('at https://u:secret@a.example/'),
    });
    expect(line).not.toContain('secret');
    expect(line).toContain('url=http://a.example/feed');
  });
});

describe('keepCredentials', () => {
  test.each([
    ['same origin', 'http://u:p@a.example/', 'http://a.example/feed.xml', 'http://u:p@a.example/feed.xml'],
    ['another host', 'http://u:p@a.example/', 'http://b.example/feed.xml', 'http://b.example/feed.xml'],
    ['another scheme', 'http://u:p@a.example/', 'https://a.example/feed.xml', 'https://a.example/feed.xml'],
    ['none to keep', 'http://a.example/', 'http://a.example/feed.xml', 'http://a.example/feed.xml'],
  ])('%s', (_name, from, to, kept) => {
    expect(keepCredentials(from, to)).toBe(kept);
  });
});

test.each([
  [
    'http://www.heise.de/developer/meldung/Facebook-3086857.html?wt_mc=rss.developer.beitrag.atom',
    'http://www.heise.de/developer/meldung/Facebook-3086857.html',
  ],
  ['https://news.example/a?wt_zmc=nl.int.zonaudev&id=7', 'https://news.example/a?id=7'],
  ['https://news.example/a?at_medium=rss&at_campaign=feed&xtor=RSS-1', 'https://news.example/a'],
  ['https://news.example/a?cmpid=rss&ncid=x&sr_share=twitter&ref_src=twsrc', 'https://news.example/a'],
  ['https://news.example/a?utm_source=rss&icid=hp&smid=tw-share&page=2', 'https://news.example/a?page=2'],
  ['https://news.example/a?at=1&ref=home&wt=3', 'https://news.example/a?at=1&ref=home&wt=3'],
])('canonicalizeUrl(%s) keeps no tracking parameter', (url, expected) => {
  expect(canonicalizeUrl(url)).toBe(expected);
});
