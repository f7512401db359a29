import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  hashArticleText,
  listArticleFiles,
  parseArticle,
  readArticleFile,
  serializeArticle,
  writeArticle,
} from '../../../src/store/article-file.js';
import type { Article } from '../../../src/types.js';
import { exampleArticle } from '../../helpers/paths.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('article');

describe('the article file', () => {
  test('the reference example parses and is written back byte for byte', async () => {
    const original = await readFile(exampleArticle, 'utf8');
    const article = parseArticle(original, '000_9038b9f4f23aeffc');
    expect(article.title).toBe('Lambda inks multibillion-dollar\u00a0AI infrastructure\u00a0deal with Microsoft');
    expect(article.date).toBe('2025-11-03');
    expect(article.tags).toEqual(['Ai', 'Openai', 'Work']);
    expect(article.category).toBe('Work');
    expect(serializeArticle(article)).toBe(original);
  });

  test('fields come in DESIGN.md order, extras after source', () => {
    const article: Article = {
      slug: 'a',
      title: 'A title: with "quotes" # and more',
      date: '2026-01-02',
      excerpt: 'Short.',
      coverImage: 'https://example.com/a.jpg',
      author: 'AIVibe',
      tags: ['Ai', 'Work'],
      category: 'Work',
      source: 'https://example.com/a',
      extra: { sourceName: 'Example', published: '2026-01-02T03:04:05.000Z', extraction: 'generic' },
      body: 'Body text.',
    };
    const text = serializeArticle(article);
    const keys = [...text.matchAll(/^(\w+):/gm)].map((match) => match[1]);
    expect(keys).toEqual([
      'title',
      'date',
      'excerpt',
      'coverImage',
      'author',
      'tags',
      'category',
      'source',
      'published',
      'sourceName',
      'extraction',
    ]);
    expect(text).toContain("date: '2026-01-02'");
    const back = parseArticle(text, 'a');
    expect(back).toEqual({ ...article, body: 'Body text.\n' });
  });

  test('a hand-written file with an unquoted date and missing fields is read, not rejected', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'hand-made.md'), '---\ntitle: Hand made\ndate: 2024-05-06\n---\nHello.\n');
    await writeFile(join(dir, 'notes.txt'), 'not an article');
    const files = await listArticleFiles(dir);
    expect(files).toEqual([join(dir, 'hand-made.md')]);
    const article = await readArticleFile(files[0]);
    expect(article).toMatchObject({
      slug: 'hand-made',
      title: 'Hand made',
      date: '2024-05-06',
      tags: [],
      body: 'Hello.\n',
    });
  });

  test('broken front matter is an error naming the file', () => {
    expect(() => parseArticle('---\ntitle: [unclosed\n---\nbody', 'bad', 'data/articles/bad.md')).toThrow(/bad\.md/);
  });

  test('writeArticle writes <slug>.md atomically and leaves no temp file', async () => {
    const dir = await tempDir();
    const { path, fileHash } = await writeArticle(dir, parseArticle(await readFile(exampleArticle, 'utf8'), 'lambda'));
    expect(path).toBe(join(dir, 'lambda.md'));
    expect(await readFile(path, 'utf8')).toBe(await readFile(exampleArticle, 'utf8'));
    expect(fileHash).toBe(hashArticleText(await readFile(exampleArticle, 'utf8')));
    expect((await listArticleFiles(dir)).length).toBe(1);
  });
});
