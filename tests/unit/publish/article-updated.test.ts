// An article edited at the source (issue 16) in the published feeds: its `updated` becomes
// Atom's <updated> and JSON Feed's date_modified, and moves the feeds' own date (RSS
// lastBuildDate); an article without it publishes as before, and `validate` names an
// `updated` that is not a date or lies before the article's date.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { validateProject } from '../../../src/commands/validate-command.js';
import { silentLogger } from '../../../src/lib/log.js';
import { publishFeeds } from '../../../src/publish/publish-feeds.js';
import { buildItemModel } from '../../../src/publish/build-item-model.js';
import { renderJsonFeed } from '../../../src/publish/render-json-feed.js';
import { findArticleTime } from '../../../src/store/article-time.js';
import type { Article } from '../../../src/types.js';
import { makeArticle, makeFixture, SITE, type PublishFixture } from './helpers/publish-fixture.js';

const site = { ...SITE, maxItems: 50, maxContentChars: 100_000, maxFeedFileBytes: 10 * 1024 * 1024, description: '' };
const PUBLISHED = '2025-11-03T09:00:00.000Z';

const item = (extra: Article['extra']) => {
  const article = makeArticle({ slug: 'a', extra: { published: PUBLISHED, ...extra } });
  return buildItemModel(article, findArticleTime(article), site);
};

const jsonOf = (model: ReturnType<typeof item>) =>
  JSON.parse(
    renderJsonFeed({
      title: 'T',
      description: 'D',
      homeUrl: SITE.url,
      language: 'en',
      links: { rss: 'https://a.example/rss', atom: 'https://a.example/atom', json: 'https://a.example/json' },
      author: { name: 'A', url: SITE.url },
      updated: model.date,
      items: [model],
    }),
  ).items[0] as Record<string, unknown>;

describe('an article edited at the source in the feeds', () => {
  test('its `updated` is the item’s updated time and JSON Feed’s date_modified, after date_published', () => {
    const model = item({ updated: '2025-11-04T08:30:00.000Z' });
    expect(model.updated.toISOString()).toBe('2025-11-04T08:30:00.000Z');
    expect(model.date.toISOString()).toBe(PUBLISHED);
    const json = jsonOf(model);
    expect(json.date_modified).toBe('2025-11-04T08:30:00.000Z');
    expect(Object.keys(json).indexOf('date_modified')).toBe(Object.keys(json).indexOf('date_published') + 1);
  });

  test.each([
    ['no `updated`', {}],
    ['an `updated` before its publication', { updated: '2025-11-02T00:00:00.000Z' }],
    ['an `updated` that is not a date', { updated: 'yesterday' }],
  ])('%s: published as an article never updated', (_name, extra) => {
    const model = item(extra);
    expect(model).toEqual(item({}));
    expect('modified' in model).toBe(false);
    expect(jsonOf(model).date_modified).toBeUndefined();
  });
});

/** A publish fixture of the test running now, removed after it. */
let fixture: PublishFixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

describe('the feeds’ own date and an edit at the source', () => {
  test('an older article edited after the newest one moves RSS lastBuildDate and Atom <updated>', async () => {
    const newest = makeArticle({
      slug: 'newest',
      date: '2025-11-05',
      extra: { published: '2025-11-05T10:00:00.000Z' },
    });
    const edited = makeArticle({
      slug: 'edited',
      extra: { published: PUBLISHED, updated: '2025-11-06T12:00:00.000Z' },
    });
    fixture = await makeFixture({}, [newest, edited]);
    await publishFeeds(fixture.config, silentLogger);
    const rss = await readFile(join(fixture.feedsDir, 'rss.xml'), 'utf8');
    const atom = await readFile(join(fixture.feedsDir, 'atom.xml'), 'utf8');
    expect(rss).toMatch(/<lastBuildDate>Thu, 06 Nov 2025 12:00:00 GMT<\/lastBuildDate>/);
    expect(atom).toMatch(/^ {4}<updated>2025-11-06T12:00:00\.000Z<\/updated>/m);
  });
});

describe('validate and `updated`', () => {
  test('a real date not before the article passes; one that is not a date, or is earlier, is named', async () => {
    fixture = await makeFixture({}, [
      makeArticle({ slug: 'good', extra: { published: PUBLISHED, updated: '2025-11-04T00:00:00.000Z' } }),
    ]);
    expect((await validateProject(fixture.config)).ok).toBe(true);
    const head = (updated: string) =>
      `---\ntitle: T\ndate: '2025-11-03'\nsource: https://a.example/x\nupdated: ${updated}\n---\nBody\n`;
    await writeFile(join(fixture.articlesDir, 'not-a-date.md'), head("'soon'"));
    await writeFile(join(fixture.articlesDir, 'too-early.md'), head("'2025-11-01T00:00:00.000Z'"));
    const result = await validateProject(fixture.config);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toMatch(/not-a-date\.md: updated is not a date/);
    expect(result.lines.join('\n')).toMatch(/too-early\.md: updated is before the article's date/);
    expect(result.lines.join('\n')).not.toMatch(/good\.md/);
  });
});
