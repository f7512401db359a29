import { describe, expect, test } from 'vitest';
import { findByline } from '../../../src/extract/metadata/find-byline.js';
import { findCanonicalUrl } from '../../../src/extract/metadata/find-canonical-url.js';
import { findCoverImage, isUsableImage } from '../../../src/extract/metadata/find-cover-image.js';
import { findPublishedDate, toIsoDate } from '../../../src/extract/metadata/find-published-date.js';
import { findSiteName } from '../../../src/extract/metadata/find-site-name.js';
import { findTitle } from '../../../src/extract/metadata/find-title.js';
import { loadDocument } from '../../../src/extract/load-document.js';
import { readPageMeta } from '../../../src/extract/metadata/read-page-meta.js';
import type { PageMeta } from '../../../src/extract/metadata/read-page-meta.js';
import type { FeedItem } from '../../../src/types.js';

const URL = 'https://news.example/2024/05/story?utm_source=x';
const page = (head: string, body = ''): PageMeta =>
  readPageMeta(loadDocument(`<html><head>${head}</head><body>${body}</body></html>`), URL);
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const item = (fields: Partial<FeedItem> = {}): FeedItem => ({
  id: 'i',
  title: 'Feed title',
  authors: [],
  categories: [],
  media: [],
  enclosures: [],
  ...fields,
});

describe('findTitle', () => {
  test.each([
    [
      'JSON-LD headline first',
      ld({ '@type': 'NewsArticle', headline: 'LD &amp; title' }) + '<meta property="og:title" content="OG">',
      'LD & title',
    ],
    [
      'JSON-LD inside @graph',
      ld({
        '@graph': [
          { '@type': 'WebSite', name: 'Site' },
          { '@type': 'ReportageNewsArticle', headline: 'Graph' },
        ],
      }),
      'Graph',
    ],
    [
      'JSON-LD in an array',
      ld([
        { '@type': 'Organization', name: 'Org' },
        { '@type': 'BlogPosting', headline: 'Array' },
      ]),
      'Array',
    ],
    [
      'broken JSON-LD is skipped',
      '<script type="application/ld+json">{"headline": </script><meta property="og:title" content="OG">',
      'OG',
    ],
    ['og:title with name= and value=', '<meta name="og:title" value="  Spaced\u00a0 title ">', 'Spaced title'],
    ['twitter:title', '<meta name="twitter:title" content="Tw">', 'Tw'],
    ['the feed item before <title>', '<title>Doc | Site</title>', 'Feed title'],
  ])('%s', (_name, head, expected) => {
    expect(findTitle(page(head), item())).toBe(expected);
  });

  test('the <h1>, then <title>, when there is no feed item', () => {
    expect(findTitle(page('<title>Doc</title>', '<h1>Heading</h1>'))).toBe('Heading');
    expect(findTitle(page('<title>Doc</title>'))).toBe('Doc');
  });
});

describe('findPublishedDate', () => {
  test.each([
    [
      'JSON-LD datePublished',
      ld({ '@type': 'Article', datePublished: '2024-05-01T10:00:00+02:00' }) +
        '<meta property="article:published_time" content="2020-01-01">',
      '',
      '2024-05-01T08:00:00.000Z',
    ],
    [
      'article:published_time',
      '<meta property="article:published_time" content="2023-02-03T04:05:06Z">',
      '<time datetime="2001-01-01">x</time>',
      '2023-02-03T04:05:06.000Z',
    ],
    ['itemprop datePublished', '<meta itemprop="datePublished" content="2022-12-31">', '', '2022-12-31T00:00:00.000Z'],
    ['<time datetime>', '', '<time datetime="2021-06-07T08:09:10Z">June</time>', '2021-06-07T08:09:10.000Z'],
    ['the feed item', '', '', '2019-01-02T03:04:05.000Z'],
    [
      'invalid dates are skipped',
      ld({ '@type': 'Article', datePublished: 'yesterday' }),
      '',
      '2019-01-02T03:04:05.000Z',
    ],
  ])('%s', (_name, head, body, expected) => {
    expect(findPublishedDate(page(head, body), item({ published: '2019-01-02T03:04:05Z' }))).toBe(expected);
  });

  test.each([
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
    ['not a date', undefined],
    ['', undefined],
  ])('toIsoDate(%j)', (value, expected) => {
    expect(toIsoDate(value)).toBe(expected);
  });
});

describe('findByline', () => {
  test.each([
    [
      'JSON-LD authors joined',
      ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Ann' }, { name: 'Bob' }] }),
      'Ann, Bob',
    ],
    ['JSON-LD author string', ld({ '@type': 'Article', author: 'By Cy' }), 'Cy'],
    ['meta author', '<meta name="author" content="Dee">', 'Dee'],
    [
      'a profile URL is not a name',
      '<meta property="article:author" content="https://facebook.com/dee">',
      'Feed Author',
    ],
  ])('%s', (_name, head, expected) => {
    expect(findByline(page(head), item({ authors: ['Feed Author'] }))).toBe(expected);
  });
});

describe('findSiteName', () => {
  test.each([
    [
      'og:site_name',
      '<meta property="og:site_name" content="Daily">' + ld({ '@type': 'Article', publisher: { name: 'Pub' } }),
      'Daily',
    ],
    ['JSON-LD publisher', ld({ '@type': 'Article', publisher: { '@type': 'Organization', name: 'Pub' } }), 'Pub'],
    ['JSON-LD WebSite', ld({ '@graph': [{ '@type': 'WebSite', name: 'Web' }] }), 'Web'],
    ['none', '', undefined],
  ])('%s', (_name, head, expected) => {
    expect(findSiteName(page(head))).toBe(expected);
  });
});

describe('findCanonicalUrl', () => {
  test.each([
    [
      'link rel=canonical, relative, tracking removed',
      '<link rel="canonical" href="/a?utm_medium=rss&id=2#top"><meta property="og:url" content="https://news.example/og">',
      'https://news.example/a?id=2',
    ],
    ['og:url', '<meta property="og:url" content="https://news.example/og">', 'https://news.example/og'],
    ['the final URL', '', 'https://news.example/2024/05/story'],
  ])('%s', (_name, head, expected) => {
    expect(findCanonicalUrl(page(head), URL)).toBe(expected);
  });
});

describe('findCoverImage', () => {
  const imageItem = item({
    media: [{ url: 'https://cdn.example/feed-media.jpg', type: 'image/jpeg' }],
    enclosures: [{ url: 'https://cdn.example/enc.png', type: 'image/png' }],
  });
  test.each([
    [
      'JSON-LD image',
      ld({ '@type': 'Article', image: { '@type': 'ImageObject', url: 'https://cdn.example/ld.jpg', width: 1200 } }) +
        '<meta property="og:image" content="https://cdn.example/og.jpg">',
      'https://cdn.example/ld.jpg',
    ],
    [
      'JSON-LD image list',
      ld({ '@type': 'Article', image: ['https://cdn.example/ld1.jpg', 'https://cdn.example/ld2.jpg'] }),
      'https://cdn.example/ld1.jpg',
    ],
    [
      'og:image, relative',
      '<meta property="og:image" content="/og.jpg"><meta name="twitter:image" content="https://cdn.example/tw.jpg">',
      'https://news.example/og.jpg',
    ],
    ['twitter:image', '<meta name="twitter:image" content="https://cdn.example/tw.jpg">', 'https://cdn.example/tw.jpg'],
    [
      'a tiny declared og:image is skipped',
      '<meta property="og:image" content="https://cdn.example/og.jpg"><meta property="og:image:width" content="1"><meta property="og:image:height" content="1">',
      'https://cdn.example/feed-media.jpg',
    ],
    [
      'a logo is skipped',
      '<meta property="og:image" content="https://cdn.example/site-logo.png">',
      'https://cdn.example/feed-media.jpg',
    ],
    [
      'a thumbnail loses to a later full image',
      ld({ '@type': 'Article', image: 'https://cdn.example/a.jpg?w=150' }) +
        '<meta property="og:image" content="https://cdn.example/a.jpg">',
      'https://cdn.example/a.jpg',
    ],
    ['feed media before enclosures', '', 'https://cdn.example/feed-media.jpg'],
  ])('%s', (_name, head, expected) => {
    expect(findCoverImage(page(head), imageItem)).toBe(expected);
  });

  test('content images come last; none gives undefined', () => {
    expect(
      findCoverImage(page(''), item(), [
        { url: 'https://cdn.example/pixel.gif', width: 1, height: 1 },
        { url: 'https://cdn.example/photo.jpg' },
      ]),
    ).toBe('https://cdn.example/photo.jpg');
    expect(findCoverImage(page(''), item(), [])).toBeUndefined();
  });

  test.each([
    [{ url: 'https://cdn.example/photo.jpg' }, true],
    [{ url: 'https://cdn.example/photo.jpg', width: 80 }, false],
    [{ url: 'https://cdn.example/icons/share.png' }, false],
    [{ url: 'https://cdn.example/avatar/me.jpg' }, false],
    [{ url: 'https://cdn.example/sprite.png' }, false],
    [{ url: 'https://cdn.example/chart.svg' }, false],
    [{ url: 'https://track.example/pixel.gif?id=1' }, false],
    [{ url: 'data:image/png;base64,AAAA' }, false],
    [{ url: '/relative.jpg' }, false],
  ])('isUsableImage(%j) is %s', (candidate, expected) => {
    expect(isUsableImage(candidate)).toBe(expected);
  });
});
