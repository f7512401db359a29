// The validator rules must be able to fail: feed 6's own output, with the gaps this stage
// closes, breaks them (each rule named), while a conforming document passes.

import { Feed } from 'feed';
import { describe, expect, test } from 'vitest';
import {
  atomRules,
  checkRules,
  jsonRules,
  loadXml,
  ruleNamespacesDeclared,
  ruleXmlChars,
  rssRules,
} from './helpers/feed-rules.js';

const SELF = 'https://aivibe.example/feeds/rss.xml';

function rawFeed(): Feed {
  const feed = new Feed({
    id: 'https://aivibe.example/',
    title: 'Raw',
    link: 'https://aivibe.example/',
    updated: new Date(Date.UTC(2025, 0, 2)),
  });
  feed.addItem({
    title: 'One',
    link: 'https://aivibe.example/one',
    date: new Date(Date.UTC(2025, 0, 2)),
    author: [{ name: 'Jane Reporter' }],
    category: [{ name: 'Work' }],
    image: 'https://cdn.example.com/one.jpg',
  });
  return feed;
}

describe('feed rules catch feed 6 gaps', () => {
  test('RSS: bare-name author, no self link, enclosure length 0 with image/jpg', () => {
    const problems = checkRules(rssRules, loadXml(rawFeed().rss2()), { selfUrl: SELF });
    expect(problems).toEqual(
      expect.arrayContaining([
        'self-link: no single atom:link rel=self',
        'author-is-email: author is not an e-mail: Jane Reporter',
        'enclosure: enclosure type image/jpg',
      ]),
    );
  });

  test('RSS: a bad pubDate, a missing description and a duplicate guid are named', () => {
    const xml = `<rss version="2.0"><channel><title>t</title><link>https://a.example/</link><description></description>
      <item><title>a</title><guid>urn:x:1</guid><pubDate>Thu, 02 Jan 25 00:00:00 GMT</pubDate></item>
      <item><title>b</title><guid>urn:x:1</guid><pubDate>Fri, 02 Jan 2025 00:00:00 GMT</pubDate></item></channel></rss>`;
    const problems = checkRules(rssRules, loadXml(xml), { selfUrl: SELF });
    expect(problems).toEqual(
      expect.arrayContaining([
        'channel-required: channel description missing or empty',
        'rfc822-dates: not RFC 822: Thu, 02 Jan 25 00:00:00 GMT',
        'rfc822-dates: not RFC 822: Fri, 02 Jan 2025 00:00:00 GMT',
        'guid-unique-iri: duplicate guid urn:x:1',
      ]),
    );
  });

  test('Atom: no xml:lang, no self link, enclosure typed from the extension', () => {
    const problems = checkRules(atomRules, loadXml(rawFeed().atom1()), {
      selfUrl: 'https://aivibe.example/feeds/atom.xml',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'xml-lang: feed has no xml:lang',
        'link-types: enclosure type',
        expect.stringMatching(/^self-link:/),
      ]),
    );
  });

  test('Atom: a category without term and a non-RFC 3339 date are named', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><id>urn:x:f</id><title>t</title><updated>2025-01-02 00:00</updated>
      <entry><id>urn:x:1</id><title>a</title><updated>2025-01-02T00:00:00Z</updated><category label="x"/></entry></feed>`;
    const problems = checkRules(atomRules, loadXml(xml), { selfUrl: 'https://a.example/atom.xml' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'category-term: category without term',
        'rfc3339-dates: not RFC 3339: 2025-01-02 00:00',
        'author-present: entry without author and no feed author',
      ]),
    );
  });

  test('JSON: feed 6 writes version 1 with a single author and no language', () => {
    const problems = checkRules(jsonRules, JSON.parse(rawFeed().json1()), {
      selfUrl: 'https://aivibe.example/feeds/feed.json',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'version: version https://jsonfeed.org/version/1',
        'authors-array: feed authors',
        'authors-array: item authors',
        'language: language',
      ]),
    );
  });

  test('raw-text rules: an illegal character and an undeclared prefix are named', () => {
    expect(ruleXmlChars('<a>\u0001</a>')).toEqual(['xml-chars: a character XML 1.0 forbids']);
    expect(ruleXmlChars('<a>tab\tok</a>')).toEqual([]);
    expect(ruleNamespacesDeclared('<rss version="2.0"><media:content url="x"/></rss>')).toEqual([
      'namespace: media not declared',
    ]);
  });
});
