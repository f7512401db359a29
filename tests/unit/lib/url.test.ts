// The one redacted form of a URL (issue 13): no user name or password, in a URL, in free
// text and in every log line; credentials carried over only within one origin.

import { describe, expect, test } from 'vitest';
import { formatLine } from '../../../src/lib/log.js';
import { keepCredentials, redactCredentials, redactUrl } from '../../../src/lib/url.js';

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
    expect(redactCredentials('GET http://u:p@a.example/x failed, then https://v:q@b.example/ too; mail a@b.example')).toBe(
      'GET http://a.example/x failed, then https://b.example/ too; mail a@b.example',
    );
  });

  test('a log line never carries them, in a field or in the message', () => {
    const line = formatLine('warn', 'Unable to fetch http://u:secret@a.example/', { url: 'http://u:secret@a.example/feed', err: new Error('at https://u:secret@a.example/') });
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
