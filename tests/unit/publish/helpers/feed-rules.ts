// The rules the W3C Feed Validation Service applies that our outputs can break, as small
// named functions: each returns its violations, so a failing test names the rule.
// RSS 2.0: https://www.rssboard.org/rss-specification; Atom: RFC 4287; JSON Feed 1.1.

import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';

export type Rule<T> = (doc: T, expect: Expectation) => string[];

export interface Expectation {
  /** The self URL the feed must announce. */
  selfUrl: string;
  hubUrl?: string;
}

// RFC 822 as amended by RFC 1123: 4-digit year, a zone the validator accepts.
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UT|[ECMP][SD]T|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/;
const EMAIL = /^[^\s@()]+@[^\s@()]+\.[^\s@()]+( \(.+\))?$/;
const ILLEGAL_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function loadXml(text: string): CheerioAPI {
  return cheerio.load(text, { xml: { xmlMode: true, decodeEntities: true } });
}

export function isIri(value: string | undefined): boolean {
  if (!value || /\s/.test(value)) return false;
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(value) && Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isRfc822(value: string): boolean {
  const match = RFC822.exec(value);
  if (!match) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && DAYS[new Date(time).getUTCDay()] === match[1];
}

function isRfc3339(value: string): boolean {
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}

function isGoodImageType(type: string | undefined): boolean {
  return type === undefined || (MIME.test(type) && type !== 'image/jpg');
}

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** Every text in the document is XML 1.0 legal (checked on the raw bytes). */
export function ruleXmlChars(text: string): string[] {
  return ILLEGAL_XML.test(text) ? ['xml-chars: a character XML 1.0 forbids'] : [];
}

/** Every namespace prefix used on an element is declared on the root. */
export function ruleNamespacesDeclared(text: string): string[] {
  const used = new Set([...text.matchAll(/<([a-zA-Z]+):[a-zA-Z]+[\s/>]/g)].map((match) => match[1]));
  const root = /<(rss|feed)\b[^>]*>/.exec(text)?.[0] ?? '';
  return [...used]
    .filter((prefix) => !root.includes(`xmlns:${prefix}=`))
    .map((prefix) => `namespace: ${prefix} not declared`);
}

export const rssRules: Record<string, Rule<CheerioAPI>> = {
  'rss-version': ($) => ($('rss').attr('version') === '2.0' ? [] : ['rss version is not 2.0']),
  'channel-required': ($) =>
    ['title', 'link', 'description']
      .filter((name) => !$('channel').children(name).first().text().trim())
      .map((name) => `channel ${name} missing or empty`),
  'channel-link-url': ($) => (isIri($('channel > link').text()) ? [] : ['channel link is not a URL']),
  'self-link': ($, expect) => {
    const self = $('channel > atom\\:link[rel="self"]');
    if (self.length !== 1) return ['no single atom:link rel=self'];
    const out = self.attr('href') === expect.selfUrl ? [] : [`self href ${self.attr('href')} != ${expect.selfUrl}`];
    return self.attr('type') === 'application/rss+xml' ? out : [...out, 'self link type is not application/rss+xml'];
  },
  'hub-link': ($, expect) =>
    !expect.hubUrl || $('channel > atom\\:link[rel="hub"]').attr('href') === expect.hubUrl ? [] : ['hub link missing'],
  'item-title-or-description': ($) =>
    $('item')
      .toArray()
      .filter((item) => !$(item).children('title').text().trim() && !$(item).children('description').text().trim())
      .map(() => 'item without title and description'),
  'rfc822-dates': ($) =>
    $('pubDate, lastBuildDate')
      .toArray()
      .map((element) => $(element).text())
      .filter((value) => !isRfc822(value))
      .map((value) => `not RFC 822: ${value}`),
  'guid-unique-iri': ($) => {
    const guids = $('item > guid')
      .toArray()
      .map((element) => $(element).text());
    const bad = guids.filter((guid) => !isIri(guid)).map((guid) => `guid not an IRI: ${guid}`);
    const permalinks = $('item > guid[isPermaLink="true"]').length;
    return [
      ...bad,
      ...duplicates(guids).map((guid) => `duplicate guid ${guid}`),
      ...(permalinks ? ['guid claims permalink'] : []),
    ];
  },
  'item-link-url': ($) =>
    $('item > link')
      .toArray()
      .filter((element) => !isIri($(element).text()))
      .map((element) => `item link not a URL: ${$(element).text()}`),
  'author-is-email': ($) =>
    $('item > author, channel > managingEditor, channel > webMaster')
      .toArray()
      .filter((element) => !EMAIL.test($(element).text()))
      .map((element) => `author is not an e-mail: ${$(element).text()}`),
  enclosure: ($) =>
    $('enclosure')
      .toArray()
      .flatMap((element) => {
        const { url, length, type } = element.attribs;
        const out: string[] = [];
        if (!isIri(url)) out.push('enclosure url');
        if (!/^\d+$/.test(length ?? '')) out.push('enclosure length');
        if (!type || !isGoodImageType(type)) out.push(`enclosure type ${type}`);
        return out;
      }),
  'media-type': ($) =>
    $('media\\:content')
      .toArray()
      .flatMap((element) => {
        const out = isIri(element.attribs.url) ? [] : ['media:content url'];
        return isGoodImageType(element.attribs.type) ? out : [...out, `media type ${element.attribs.type}`];
      }),
};

export const atomRules: Record<string, Rule<CheerioAPI>> = {
  'feed-required': ($) =>
    ['id', 'title', 'updated']
      .filter((name) => !$('feed').children(name).first().text().trim())
      .map((name) => `feed ${name} missing`),
  'entry-required': ($) =>
    $('entry')
      .toArray()
      .flatMap((entry) => ['id', 'title', 'updated'].filter((name) => !$(entry).children(name).text().trim()))
      .map((name) => `entry ${name} missing`),
  'author-present': ($) => {
    if ($('feed > author > name').text().trim()) return [];
    return $('entry')
      .toArray()
      .filter((entry) => !$(entry).children('author').children('name').text().trim())
      .map(() => 'entry without author and no feed author');
  },
  'self-link': ($, expect) => {
    const self = $('feed > link[rel="self"]');
    return self.length === 1 && self.attr('href') === expect.selfUrl
      ? []
      : [`self link ${self.attr('href')} != ${expect.selfUrl}`];
  },
  'hub-link': ($, expect) =>
    !expect.hubUrl || $('feed > link[rel="hub"]').attr('href') === expect.hubUrl ? [] : ['hub link missing'],
  'xml-lang': ($) => ($('feed').attr('xml:lang') ? [] : ['feed has no xml:lang']),
  'rfc3339-dates': ($) =>
    $('updated, published')
      .toArray()
      .map((element) => $(element).text())
      .filter((value) => !isRfc3339(value))
      .map((value) => `not RFC 3339: ${value}`),
  'ids-unique-iri': ($) => {
    const ids = $('feed > id, entry > id')
      .toArray()
      .map((element) => $(element).text());
    return [
      ...ids.filter((id) => !isIri(id)).map((id) => `id not an IRI: ${id}`),
      ...duplicates(ids).map((id) => `duplicate id ${id}`),
    ];
  },
  // The validator's DuplicateUpdated: two entries with the same atom:updated instant.
  'updated-distinct': ($) =>
    duplicates(
      $('entry > updated')
        .toArray()
        .map((element) => new Date($(element).text()).toISOString()),
    ).map((value) => `DuplicateUpdated: two entries updated ${value}`),
  // Titles and summaries are plain text: a reader that does not decode HTML shows them right.
  'text-constructs': ($) =>
    $('entry > title, entry > summary')
      .toArray()
      .filter((element) => element.attribs.type !== undefined && element.attribs.type !== 'text')
      .map((element) => `${element.name} is type="${element.attribs.type}", not text`),
  'category-term': ($) =>
    $('category')
      .toArray()
      .filter((element) => !element.attribs.term)
      .map(() => 'category without term'),
  'link-types': ($) =>
    $('link')
      .toArray()
      .flatMap((element) => {
        const out = isIri(element.attribs.href) ? [] : [`link href ${element.attribs.href}`];
        return isGoodImageType(element.attribs.type) || element.attribs.rel !== 'enclosure'
          ? out
          : [...out, 'enclosure type'];
      }),
  'media-type': rssRules['media-type'],
};

export type JsonFeed = Record<string, unknown> & { items?: Array<Record<string, unknown>> };

export const jsonRules: Record<string, Rule<JsonFeed>> = {
  version: (feed) => (feed.version === 'https://jsonfeed.org/version/1.1' ? [] : [`version ${String(feed.version)}`]),
  required: (feed) => [
    ...(typeof feed.title === 'string' && feed.title ? [] : ['title']),
    ...(Array.isArray(feed.items) ? [] : ['items']),
  ],
  'feed-url': (feed, expect) => (feed.feed_url === expect.selfUrl ? [] : [`feed_url ${String(feed.feed_url)}`]),
  'authors-array': (feed) => [
    ...(Array.isArray(feed.authors) && feed.authors.length > 0 ? [] : ['feed authors']),
    ...('author' in feed ? ['1.0 author field'] : []),
    ...(feed.items ?? []).filter((item) => 'author' in item || !Array.isArray(item.authors)).map(() => 'item authors'),
  ],
  language: (feed) =>
    typeof feed.language === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(feed.language) ? [] : ['language'],
  hubs: (feed, expect) => {
    if (!expect.hubUrl) return 'hubs' in feed ? ['hubs without a hub'] : [];
    const hubs = feed.hubs as Array<{ type?: string; url?: string }> | undefined;
    return hubs?.some((hub) => hub.url === expect.hubUrl && hub.type) ? [] : ['hubs'];
  },
  'item-ids': (feed) => {
    const ids = (feed.items ?? []).map((item) => item.id);
    const bad = ids.filter((id) => typeof id !== 'string' || !id).map(() => 'item id not a string');
    return [...bad, ...duplicates(ids as string[]).map((id) => `duplicate id ${id}`)];
  },
  'item-content': (feed) =>
    (feed.items ?? []).filter((item) => !item.content_html && !item.content_text).map(() => 'item without content'),
  'item-dates': (feed) =>
    (feed.items ?? [])
      .flatMap((item) => [item.date_published, item.date_modified].filter((value) => value !== undefined))
      .filter((value) => typeof value !== 'string' || !isRfc3339(value))
      .map((value) => `not RFC 3339: ${String(value)}`),
  'item-urls': (feed) =>
    (feed.items ?? [])
      .flatMap((item) => [item.url, item.image].filter((value) => value !== undefined))
      .filter((value) => typeof value !== 'string' || !isIri(value))
      .map((value) => `not a URL: ${String(value)}`),
};

/** Runs every rule; returns `rule: violation` lines (empty when all pass). */
export function checkRules<T>(rules: Record<string, Rule<T>>, doc: T, expect: Expectation): string[] {
  return Object.entries(rules).flatMap(([name, rule]) => rule(doc, expect).map((problem) => `${name}: ${problem}`));
}
