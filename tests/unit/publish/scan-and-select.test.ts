import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveItemLink } from '../../../src/publish/build-item-model.js';
import { findArticleTime } from '../../../src/store/article-time.js';
import { readArticleHeadSync, type ArticleMeta } from '../../../src/store/scan-articles.js';
import { compareArticles } from '../../../src/publish/select-articles.js';
import { makeArticle } from './helpers/publish-fixture.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function file(name: string, text: string): Promise<string> {
  dir ??= await mkdtemp(join(tmpdir(), 'feedwright-scan-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('readArticleHeadSync', () => {
  test('stops at the end of the front matter, even past the first chunk', async () => {
    const head = `---\ntitle: T\nexcerpt: ${'x'.repeat(6000)}\n---\n`;
    const path = await file('a.md', `${head}${'body '.repeat(50_000)}`);
    expect(readArticleHeadSync(path)).toBe(head);
  });

  test('CRLF front matter and a file without front matter', async () => {
    expect(readArticleHeadSync(await file('b.md', '---\r\ntitle: T\r\n---\r\nBody\r\n'))).toBe(
      '---\r\ntitle: T\r\n---\r\n',
    );
    expect(readArticleHeadSync(await file('c.md', 'Just text\n'))).toBe('Just text\n');
  });
});

describe('dates, order and links', () => {
  test.each([
    [{ date: '2025-11-03', extra: { published: '2025-11-03T14:30:00+01:00' } }, Date.UTC(2025, 10, 3, 13, 30)],
    [{ date: '2025-11-03', extra: {} }, Date.UTC(2025, 10, 3)],
    [{ date: '2025-11-03', extra: { published: 'not a date' } }, Date.UTC(2025, 10, 3)],
  ])('findArticleTime %j', (article, time) => {
    expect(findArticleTime(article)).toBe(time);
  });

  test('no usable date is NaN', () => {
    expect(findArticleTime({ date: '', extra: {} })).toBeNaN();
  });

  test('newest first, equal times by slug', () => {
    const meta = (slug: string, timeMs: number) =>
      ({ path: slug, timeMs, article: makeArticle({ slug }) }) as ArticleMeta;
    const sorted = [meta('b', 1), meta('c', 2), meta('a', 1)].sort(compareArticles).map((item) => item.article.slug);
    expect(sorted).toEqual(['c', 'a', 'b']);
  });

  test('link: articleUrl with the slug, else the source, else the site', () => {
    const site = { url: 'https://aivibe.example', articleUrl: 'https://aivibe.example/posts/{slug}' } as never;
    const bare = { url: 'https://aivibe.example' } as never;
    expect(resolveItemLink({ slug: 'a b', source: 'https://s.example/1' }, site)).toBe(
      'https://aivibe.example/posts/a%20b',
    );
    expect(resolveItemLink({ slug: 'a', source: 'https://s.example/1' }, bare)).toBe('https://s.example/1');
    expect(resolveItemLink({ slug: 'a', source: 'not a url' }, bare)).toBe('https://aivibe.example');
  });
});
