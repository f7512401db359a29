import { describe, expect, test } from 'vitest';
import { FeedwrightError } from '../../../src/lib/errors.js';
import { hashId } from '../../../src/lib/hash.js';
import { MAX_ITEMS, parseFeed } from '../../../src/parse/parse-feed.js';

const url = 'https://example.com/feeds/main.xml';
const rss = (items: string, channel = '', root = '<rss version="2.0">') =>
  `<?xml version="1.0"?>${root}<channel><title>Site</title><link>https://example.com/</link>${channel}${items}</channel></rss>`;

function rejection(text: string): FeedwrightError {
  try {
    parseFeed(text, { url });
  } catch (error) {
    if (error instanceof FeedwrightError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('format detection', () => {
  test.each([
    ['rss 2.0', 'rss', rss('<item><title>A</title></item>')],
    ['rss without version', 'rss', rss('<item><title>A</title></item>', '', '<rss>')],
    [
      'rdf',
      'rdf',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>Site</title></channel><item rdf:about="https://example.com/1"><title>A</title><link>https://example.com/1</link></item></rdf:RDF>',
    ],
    [
      'atom 1.0',
      'atom',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title><entry><title>A</title><id>urn:a</id></entry></feed>',
    ],
    [
      'atom 0.3',
      'atom',
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Site</title><entry><title>A</title><issued>2004-01-01T00:00:00Z</issued></entry></feed>',
    ],
    ['junk before <?xml', 'rss', `\n\n  some junk\n${rss('<item><title>A</title></item>')}`],
  ])('%s', (_name, format, text) => {
    const feed = parseFeed(text, { url });
    expect(feed.format).toBe(format);
    expect(feed.items.map((item) => item.title)).toEqual(['A']);
  });

  test('an HTML page is NOT_A_FEED with a clear message', () => {
    const error = rejection('<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>');
    expect(error.code).toBe('NOT_A_FEED');
    expect(error.stage).toBe('parse');
    expect(error.message).toMatch(/HTML page/);
  });

  test.each([['plain text'], ['<opml><body/></opml>'], ['{"hello": 1}'], ['   ']])('%j is NOT_A_FEED', (text) => {
    expect(rejection(text).code).toBe('NOT_A_FEED');
  });

  test('broken JSON is PARSE', () => {
    expect(rejection('{"version": "https://jsonfeed.org/version/1.1", ').code).toBe('PARSE');
  });
});

describe('lenient XML', () => {
  test('undeclared HTML entities and bare ampersands', () => {
    const feed = parseFeed(
      rss('<item><title>Caf&eacute;&nbsp;A & B</title><link>https://example.com/a?x=1&y=2</link></item>'),
      { url },
    );
    expect(feed.items[0].title).toBe('Café A & B');
    expect(feed.items[0].url).toBe('https://example.com/a?x=1&y=2');
  });

  test('undeclared namespace prefixes', () => {
    const feed = parseFeed(rss('<item><title>A</title><dc:creator>Ann</dc:creator></item>'), { url });
    expect(feed.items[0].authors).toEqual(['Ann']);
  });

  test('a truncated document keeps its complete items', () => {
    const text = rss('<item><title>One</title></item><item><title>Two</title></item><item><title>Thr').replace(
      /<\/channel><\/rss>$/,
      '',
    );
    const feed = parseFeed(text, { url });
    expect(feed.items.slice(0, 2).map((item) => item.title)).toEqual(['One', 'Two']);
  });

  test('mis-nested tags', () => {
    const feed = parseFeed(rss('<item><title>A <b>bold</title></b><link>https://example.com/x</link></item>'), { url });
    expect(feed.items[0].url).toBe('https://example.com/x');
  });
});

describe('items', () => {
  test('ids hash the guid, else the canonical link, else title and date', () => {
    const feed = parseFeed(
      rss(
        '<item><guid>g-1</guid><title>A</title></item>' +
          '<item><title>B</title><link>https://example.com/b?utm_source=x#top</link></item>' +
          '<item><title>C</title><pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate></item>',
      ),
      { url },
    );
    const [a, b, c] = feed.items;
    expect(a.id).toBe(hashId('guid:g-1'));
    expect(b.url).toBe('https://example.com/b');
    expect(b.id).toBe(hashId('url:https://example.com/b'));
    expect(c.id).toBe(hashId('title:C|2004-01-01T19:48:21.000Z|'));
    expect(parseFeed(rss('<item><guid>g-1</guid><title>Changed</title></item>'), { url }).items[0].id).toBe(a.id);
  });

  test('feedburner:origLink wins over link', () => {
    const feed = parseFeed(
      rss(
        '<item><title>A</title><link>https://feeds.feedburner.com/x</link><feedburner:origLink>https://example.com/real</feedburner:origLink></item>',
      ),
      { url },
    );
    expect(feed.items[0].url).toBe('https://example.com/real');
  });

  test('title fallback: summary words, then URL, then Untitled', () => {
    const feed = parseFeed(
      rss(
        '<item><description>&lt;p&gt;One two three four five six seven eight nine ten eleven&lt;/p&gt;</description></item><item><link>/x</link></item><item><category>c</category></item>',
      ),
      { url },
    );
    expect(feed.items.map((item) => item.title)).toEqual([
      'One two three four five six seven eight nine ten…',
      'https://example.com/x',
      'Untitled',
    ]);
  });

  test('authors, categories, media and enclosures', () => {
    const item = `<item><title> A\n  title &amp;amp; more </title><author>ann@example.com (Ann)</author><dc:creator>Bob</dc:creator>
      <category>AI</category><category>ai</category><dc:subject>Funding</dc:subject>
      <media:content url="/v.mp4" type="video/mp4" medium="video" fileSize="1000"><media:thumbnail url="t.jpg" width="10"/></media:content>
      <media:group><media:content url="https://cdn.example.com/g.jpg" medium="image"/></media:group>
      <enclosure url="/e.mp3" type="audio/mpeg" length="42"/></item>`;
    const [entry] = parseFeed(rss(item), { url }).items;
    expect(entry.title).toBe('A title & more');
    expect(entry.authors).toEqual(['Ann', 'Bob']);
    expect(entry.categories).toEqual(['AI', 'Funding']);
    expect(entry.media).toEqual([
      { url: 'https://example.com/v.mp4', type: 'video/mp4', medium: 'video', length: 1000 },
      { url: 'https://example.com/t.jpg', medium: 'image', width: 10 },
      { url: 'https://cdn.example.com/g.jpg', medium: 'image' },
    ]);
    expect(entry.enclosures).toEqual([{ url: 'https://example.com/e.mp3', type: 'audio/mpeg', length: 42 }]);
  });

  test('relative URLs resolve against xml:base at feed, entry and element level', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/root/"><title>S</title><link href="/home"/>
      <entry><title>1</title><link href="one"/></entry>
      <entry xml:base="sub/"><title>2</title><link href="two"/></entry>
      <entry><title>3</title><link xml:base="https://other.example/dir/" href="three"/><link rel="enclosure" href="e.mp3" length="5"/></entry></feed>`;
    const feed = parseFeed(atom, { url });
    expect(feed.link).toBe('https://base.example/home');
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://base.example/root/one',
      'https://base.example/root/sub/two',
      'https://other.example/dir/three',
    ]);
    expect(feed.items[2].enclosures).toEqual([{ url: 'https://base.example/root/e.mp3', length: 5 }]);
  });

  test('without xml:base, the feed link then the final URL is the base', () => {
    const viaLink = parseFeed(
      rss('<item><title>A</title><link>post/1</link></item>').replace('https://example.com/', 'https://blog.example/'),
      { url },
    );
    expect(viaLink.items[0].url).toBe('https://blog.example/post/1');
    const viaUrl = parseFeed('<rss><channel><item><title>A</title><link>post/1</link></item></channel></rss>', { url });
    expect(viaUrl.items[0].url).toBe('https://example.com/feeds/post/1');
  });

  test('atom dates, xhtml content and text summaries', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">S &lt;b&gt;x&lt;/b&gt;</title><entry><title>A</title>
      <published>2003-12-31T10:14:55-08:00</published><updated>2004-01-01T00:00:00Z</updated>
      <summary type="text">1 &lt; 2</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></content></entry></feed>`;
    const feed = parseFeed(atom, { url });
    expect(feed.title).toBe('S x');
    expect(feed.version).toBe('atom 1.0');
    expect(feed.items[0]).toMatchObject({
      published: '2003-12-31T18:14:55.000Z',
      updated: '2004-01-01T00:00:00.000Z',
      summary: '1 &lt; 2',
      contentHtml: '<p>Hi</p>',
    });
  });

  test('ttl and sy:updatePeriod give minIntervalSec, the larger wins', () => {
    expect(parseFeed(rss('', '<ttl>60</ttl>'), { url }).minIntervalSec).toBe(3600);
    expect(
      parseFeed(rss('', '<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>'), { url })
        .minIntervalSec,
    ).toBe(21_600);
    expect(parseFeed(rss('', '<ttl>5</ttl><sy:updatePeriod>hourly</sy:updatePeriod>'), { url }).minIntervalSec).toBe(
      3600,
    );
    expect(parseFeed(rss(''), { url }).minIntervalSec).toBeUndefined();
  });

  test('a hostile feed is capped at MAX_ITEMS', () => {
    const items = Array.from({ length: MAX_ITEMS + 50 }, (_, i) => `<item><guid>${i}</guid></item>`).join('');
    expect(parseFeed(rss(items), { url }).items).toHaveLength(MAX_ITEMS);
  });
});

describe('JSON Feed', () => {
  test('1.1 with authors, tags, attachments', () => {
    const json = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      home_page_url: 'https://j.example/',
      language: 'en',
      items: [
        {
          id: '1',
          url: '/p/1?utm_medium=x',
          title: 'Hello',
          content_html: '<p>Hi</p>',
          summary: 'S',
          date_published: '2024-05-01T10:00:00+02:00',
          authors: [{ name: 'Ann' }],
          tags: ['AI', 'ai', 'News'],
          image: 'img.png',
          attachments: [{ url: 'a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 9 }],
        },
      ],
    };
    const feed = parseFeed(JSON.stringify(json), { url });
    expect(feed).toMatchObject({
      format: 'json',
      version: 'json 1.1',
      title: 'J',
      link: 'https://j.example/',
      language: 'en',
    });
    expect(feed.items[0]).toEqual({
      id: hashId('guid:1'),
      guid: '1',
      url: 'https://j.example/p/1',
      title: 'Hello',
      published: '2024-05-01T08:00:00.000Z',
      authors: ['Ann'],
      categories: ['AI', 'News'],
      summary: 'S',
      contentHtml: '<p>Hi</p>',
      media: [{ url: 'https://j.example/img.png', medium: 'image' }],
      enclosures: [{ url: 'https://j.example/a.mp3', type: 'audio/mpeg', length: 9 }],
    });
  });

  test('1.0 with a single author and content_text', () => {
    const json = {
      version: 'https://jsonfeed.org/version/1',
      title: 'J',
      items: [{ id: 2, content_text: 'a < b', author: { name: 'Bo' } }],
    };
    const [item] = parseFeed(JSON.stringify(json), { url }).items;
    expect(item).toMatchObject({ guid: '2', authors: ['Bo'], contentHtml: '<p>a &lt; b</p>', title: 'a < b' });
  });
});
