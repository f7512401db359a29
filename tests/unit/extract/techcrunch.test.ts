import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSiteRules } from '../../../src/config/load-config.js';
import type { SiteRule } from '../../../src/config/schema.js';
import { extractArticle } from '../../../src/extract/extract-article.js';
import { corpusDir, projectRoot } from '../../helpers/paths.js';

const pages = {
  2022: {
    file: 'article-2022.html',
    url: 'https://techcrunch.com/2022/02/11/can-an-ai-be-properly-considered-an-inventor/',
    title: 'Can an AI be properly considered an inventor?',
    published: '2022-02-11T14:53:09.000Z',
    byline: 'Dave Davis',
    cover: 'https://techcrunch.com/wp-content/uploads/2022/02/GettyImages-932632280.jpg?w=680',
    first: 'Several years ago, I wrote a piece titled',
    last: 'it is equally clear to me that the play has started to move.',
    junk: [
      'More posts by this contributor',
      'Copyright Clearance Center in 1994',
      'Is there potential for blockchain',
      'Article Shortlink',
    ],
  },
  2018: {
    file: 'article-2018.html',
    url: 'https://techcrunch.com/2018/02/25/gobee-bike-throws-in-the-towel-on-france/',
    title: 'GoBee Bike throws in the towel in France',
    published: '2018-02-25T11:13:53.000Z',
    byline: 'Romain Dillet',
    cover: 'https://tctechcrunch2011.files.wordpress.com/2017/08/gobee-2.jpg',
    first: 'Bike-sharing startup [GoBee Bike](http://gobeebike.fr/en/) is giving up',
    last: 'It’s hard to compete with free.',
    junk: [
      'SHARES',
      'Next Story',
      'Browse more',
      'Subscribe',
      'newsletter',
      'MIT to revisit ride-sharing study',
      'Disrupt',
    ],
  },
} as const;

let siteRules: Record<string, SiteRule>;
const html = (file: string) => readFileSync(resolve(corpusDir, 'techcrunch', file), 'utf8');

beforeAll(async () => {
  siteRules = await loadSiteRules(resolve(projectRoot, 'config', 'site-rules.yaml'));
});

describe.each(Object.entries(pages))('TechCrunch %s page', (_year, page) => {
  test('the shipped site rule extracts metadata and the clean body', () => {
    const article = extractArticle({ html: html(page.file), url: page.url, siteRules });
    expect(article.method).toBe('site-rule');
    expect(article.rule).toBe('techcrunch.com');
    expect(article.title).toBe(page.title);
    expect(article.published).toBe(page.published);
    expect(article.byline).toBe(page.byline);
    expect(article.siteName).toBe('TechCrunch');
    expect(article.coverImage).toBe(page.cover);
    expect(article.canonicalUrl).toBe(page.url);
    expect(article.markdown.startsWith(page.first) || article.markdown.split('\n\n')[1]?.startsWith(page.first)).toBe(
      true,
    );
    expect(article.markdown.endsWith(page.last)).toBe(true);
    for (const junk of page.junk) expect(article.markdown).not.toContain(junk);
    expect(article.text).toContain(page.last);
    expect(article.text).not.toMatch(/\s{2,}|\]\(/);
  });

  test('the generic extractor finds the same article text', () => {
    const ruled = extractArticle({ html: html(page.file), url: page.url, siteRules });
    const generic = extractArticle({ html: html(page.file), url: page.url, siteRules: {} });
    expect(generic.method).toBe('generic');
    expect(generic.markdown).toContain(page.first);
    expect(generic.markdown).toContain(page.last);
    for (const junk of page.junk) expect(generic.markdown).not.toContain(junk);
    expect(generic.text.length).toBeGreaterThan(ruled.text.length * 0.9);
    expect(generic.text.length).toBeLessThan(ruled.text.length * 1.1);
  });

  test('the markdown has no whitespace junk', () => {
    const { markdown } = extractArticle({ html: html(page.file), url: page.url, siteRules });
    expect(markdown).not.toMatch(/\n{3,}/);
    expect(markdown).not.toMatch(/[ \t]+$/m);
    expect(markdown).not.toMatch(/^\t/m);
  });
});

test('the 2022 pull quote is not duplicated into the body', () => {
  const { markdown } = extractArticle({ html: html(pages[2022].file), url: pages[2022].url, siteRules });
  expect(markdown.split('I still think we are at the very beginnings').length).toBe(2);
});

test('a host rule is not used when the final URL left the host', () => {
  const article = extractArticle({ html: html(pages[2018].file), url: 'https://example.org/gobee', siteRules });
  expect(article.method).toBe('generic');
});

test('a source rule wins over the host table', () => {
  const sourceRule: SiteRule = { content: '#speakable-summary', strip: [] };
  const article = extractArticle({ html: html(pages[2018].file), url: pages[2018].url, siteRules, sourceRule });
  expect(article.method).toBe('source-rule');
  expect(article.rule).toBe('source');
  expect(article.text).toMatch(/^Bike-sharing startup GoBee Bike is giving up/);
  expect(article.text).not.toContain('It’s hard to compete with free.');
});
