// discoverFeed against the local test server: a direct feed, a page's alternate links
// (RSS preferred, relative hrefs, a broken first candidate), and pages without a feed.
import { describe, expect, test } from 'vitest';
import { discoverFeed, findFeedLinks } from '../../src/commands/discover-feed.js';
import { isFeedwrightError } from '../../src/lib/errors.js';
import { useNewsServer } from './sources-fixture.js';

const news = useNewsServer();

async function discoveryError(url: string): Promise<Error> {
  const error = await discoverFeed(url, news.client).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isFeedwrightError(error)) throw new Error(`expected a FeedwrightError, got ${String(error)}`);
  return error;
}

describe('discoverFeed', () => {
  test('a feed URL is the feed itself', async () => {
    const found = await discoverFeed(news.server.url('/feed.xml'), news.client);
    expect(found).toEqual({ feedUrl: news.server.url('/feed.xml'), title: 'News Daily', format: 'rss 2.0', items: 3 });
  });

  test('a JSON Feed URL is the feed itself', async () => {
    const found = await discoverFeed(news.server.url('/feed.json'), news.client);
    expect(found).toMatchObject({ feedUrl: news.server.url('/feed.json'), title: 'News JSON', items: 1 });
    expect(found.format).toMatch(/^json/);
  });

  test('a home page leads to its RSS alternate before its JSON one, relative href resolved', async () => {
    const found = await discoverFeed(news.server.url('/'), news.client);
    expect(found).toMatchObject({ feedUrl: news.server.url('/feed.xml'), title: 'News Daily', items: 3 });
  });

  test('an application/json alternate is taken when it is the only one', async () => {
    const found = await discoverFeed(news.server.url('/json-only'), news.client);
    expect(found.feedUrl).toBe(news.server.url('/feed.json'));
  });

  test('a candidate that does not parse is passed over for the next one', async () => {
    const found = await discoverFeed(news.server.url('/broken-first'), news.client);
    expect(found).toMatchObject({ feedUrl: news.server.url('/other.xml'), title: 'Other News' });
  });

  test('a page without a feed is NOT_A_FEED naming the URL', async () => {
    const error = await discoveryError(news.server.url('/no-feed'));
    expect(error).toMatchObject({ code: 'NOT_A_FEED' });
    expect(error.message).toContain(news.server.url('/no-feed'));
    expect(error.message).toContain('rel="alternate"');
  });

  test('a resource that is neither feed nor page is NOT_A_FEED', async () => {
    const error = await discoveryError(news.server.url('/image.png'));
    expect(error).toMatchObject({ code: 'NOT_A_FEED' });
    expect(error.message).toContain(news.server.url('/image.png'));
  });

  test('a missing page keeps the fetch error', async () => {
    const error = await discoveryError(news.server.url('/missing'));
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 404 });
  });
});

describe('findFeedLinks', () => {
  test('keeps only feed alternates, absolute, XML before JSON, without repeats', () => {
    const html = `<head>
      <link rel="alternate" type="application/json" href="/a.json">
      <link rel="alternate" type="application/atom+xml" href="https://x.example/atom">
      <link rel="alternate stylesheet" type="text/css" href="/s.css">
      <link rel="alternate" type="application/rss+xml; charset=utf-8" href="rss">
      <link rel="alternate" type="application/rss+xml" href="/blog/rss">
      <link rel="feed" type="application/rss+xml" href="/not-alternate">
    </head>`;
    expect(findFeedLinks(html, 'https://x.example/blog/')).toEqual([
      'https://x.example/atom',
      'https://x.example/blog/rss',
      'https://x.example/a.json',
    ]);
  });
});
