import { describe, expect, test } from 'vitest';
import { classifyArticle, findCategory, findTags } from '../../../src/classify/classify-article.js';
import { countKeyword } from '../../../src/classify/keyword-matcher.js';
import { makeExcerpt } from '../../../src/lib/make-excerpt.js';
import type { ExtractedArticle, FeedItem } from '../../../src/types.js';

const categories = [
  { name: 'Work', keywords: ['enterprise', 'funding', 'deal'], coverImages: ['https://img.example/work.jpg'] },
  {
    name: 'Policy',
    keywords: ['regulation', 'lawsuit'],
    coverImages: ['https://img.example/p1.jpg', 'https://img.example/p2.jpg'],
  },
];
const tags = [
  { name: 'Ai', keywords: ['AI', 'artificial intelligence'] },
  { name: 'Openai', keywords: ['OpenAI', 'ChatGPT'] },
];

describe('keywords', () => {
  test.each([
    ['AI-powered tools', 'AI', 1],
    ['he said so', 'AI', 0],
    ['ai and AI and Ai', 'AI', 3],
    ['Artificial   Intelligence rules', 'artificial intelligence', 1],
    ['OpenAI’s deal', 'OpenAI', 1],
    ['C++ (c++) code', 'C++', 2],
    ['naïve AIs', 'AI', 0],
  ])('%j has %s %i times', (text, keyword, count) => {
    expect(countKeyword(text, keyword)).toBe(count);
  });
});

describe('category', () => {
  test.each([
    ['no keyword keeps the source default', 'Nothing here', 'plain body', 'Work', 'source-default'],
    ['a title keyword overrides', 'New regulation for models', 'plain body', 'Policy', 'keyword:regulation'],
    ['one body mention is not enough', 'Headline', 'a lawsuit was mentioned', 'Work', 'source-default'],
    ['two body mentions override', 'Headline', 'a lawsuit, another lawsuit', 'Policy', 'keyword:lawsuit'],
    ['the default wins a tie', 'funding and regulation', '', 'Work', 'source-default'],
  ])('%s', (_name, title, body, expected, rule) => {
    expect(findCategory(categories, 'Work', title, body)).toEqual({ name: expected, rule });
  });
});

describe('tags', () => {
  test('vocabulary, mapped source categories, source tags, then the category; no duplicates', () => {
    const result = findTags(tags, {
      title: 'ChatGPT gets a new feature',
      body: 'The AI company said',
      sourceCategories: ['Artificial Intelligence', 'Apps', 'openai'],
      sourceTags: ['Featured', 'ai'],
      category: 'Work',
    });
    expect(result).toEqual(['Ai', 'Openai', 'Featured', 'Work']);
  });
});

describe('excerpt', () => {
  test.each([
    ['short text stays whole', 'A  short\n text.', 'A short text.'],
    ['exactly 150 stays whole', 'x'.repeat(150), 'x'.repeat(150)],
    ['151 is cut at 150 with ...', 'y'.repeat(151), `${'y'.repeat(150)}...`],
    ['surrogate pairs are not split', '😀'.repeat(151), `${'😀'.repeat(150)}...`],
  ])('%s', (_name, text, expected) => {
    expect(makeExcerpt(text)).toBe(expected);
  });

  test('the reference article excerpt', () => {
    const body =
      'Cloud-computing company Lambda deepened its relationship with Microsoft through a sizable AI infrastructure deal.\n\nNvidia-backed Lambda announced it struck a multibillion-dollar deal';
    expect(makeExcerpt(body)).toBe(
      'Cloud-computing company Lambda deepened its relationship with Microsoft through a sizable AI infrastructure deal. Nvidia-backed Lambda announced it st...',
    );
  });
});

describe('classifyArticle', () => {
  const item: FeedItem = {
    id: 'abc',
    url: 'https://news.example/a?utm_source=rss',
    title: 'Feed title',
    published: '2025-11-03T18:00:00.000Z',
    authors: ['Jane Doe'],
    categories: ['AI'],
    media: [],
    enclosures: [],
  };
  const extracted: ExtractedArticle = {
    title: 'Lambda inks AI deal',
    markdown: 'Body **text** about a lawsuit.',
    text: 'Body text about a lawsuit.',
    method: 'generic',
  };
  const context = {
    config: { site: { author: 'AIVibe' } as never, categories, tags },
    source: { name: 'Example', category: 'Work', tags: [] },
    now: new Date('2026-01-01T00:00:00Z'),
  };

  test('fills every front-matter field', () => {
    const article = classifyArticle(extracted, item, context);
    expect(article).toMatchObject({
      title: 'Lambda inks AI deal',
      date: '2025-11-03',
      excerpt: 'Body text about a lawsuit.',
      coverImage: 'https://img.example/work.jpg',
      author: 'AIVibe',
      tags: ['Ai', 'Work'],
      category: 'Work',
      source: 'https://news.example/a',
      extra: {
        originalAuthor: 'Jane Doe',
        published: '2025-11-03T18:00:00.000Z',
        sourceName: 'Example',
        id: 'abc',
        extraction: 'generic',
      },
    });
  });

  test('a category without stock images borrows one from the others', () => {
    const bare = {
      ...context,
      config: { ...context.config, categories: [{ name: 'Work', keywords: [], coverImages: [] }, categories[1]] },
    };
    const article = classifyArticle(extracted, item, bare);
    expect(article.category).toBe('Work');
    expect(['https://img.example/p1.jpg', 'https://img.example/p2.jpg']).toContain(article.coverImage);
  });

  test('the page cover wins over the stock image; no date at all takes the run date', () => {
    const article = classifyArticle(
      { ...extracted, coverImage: 'https://news.example/lead.jpg' },
      { ...item, published: undefined },
      context,
    );
    expect(article.coverImage).toBe('https://news.example/lead.jpg');
    expect(article.date).toBe('2026-01-01');
  });
});
