// A fresh publish fixture per test: a temp folder with data/articles (written with the
// store's own writer, plus a hand-written file) and a resolved configuration.

import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { resolveConfig } from '../../../../src/config/load-config.js';
import type { RawConfig, ResolvedConfig } from '../../../../src/config/schema.js';
import { writeArticle } from '../../../../src/store/article-file.js';
import type { Article } from '../../../../src/types.js';

export interface PublishFixture {
  root: string;
  articlesDir: string;
  feedsDir: string;
  config: ResolvedConfig;
  cleanup(): Promise<void>;
}

export const SITE = {
  title: 'AIVibe',
  description: 'AI news, curated',
  url: 'https://aivibe.example',
  author: 'AIVibe',
  language: 'en',
  feedUrl: 'https://aivibe.example/feeds',
  articleUrl: 'https://aivibe.example/posts/{slug}',
};

export function makeArticle(overrides: Partial<Article> & { slug: string }): Article {
  return {
    title: `Title of ${overrides.slug}`,
    date: '2025-11-03',
    excerpt: `Excerpt of ${overrides.slug}.`,
    coverImage: `https://cdn.example.com/covers/${overrides.slug}.jpg`,
    author: 'AIVibe',
    tags: ['Ai'],
    category: 'Business',
    source: `https://news.example.com/${overrides.slug}`,
    extra: {},
    body: `Body of ${overrides.slug}.\n`,
    ...overrides,
  };
}

/** Articles that exercise the gaps: published timestamps, odd characters, covers without extension. */
export function sampleArticles(): Article[] {
  return [
    makeArticle({
      slug: 'lambda-deal',
      title: 'Lambda & Microsoft\'s <sign> a ]]> "deal"\u0001\u000B',
      excerpt: 'Lambda deepened its relationship with Microsoft \u0002through a deal.',
      coverImage: 'https://images.unsplash.com/photo-1677442136019-21780ecad995?w=400&h=200&fit=crop',
      tags: ['Ai', 'Openai', 'Business'],
      extra: { originalAuthor: 'Jane Reporter', published: '2025-11-03T14:30:00.000Z', sourceName: 'TechCrunch' },
      body:
        'Lambda deepened its relationship with Microsoft.\n\n<script>alert(1)</script>\n\n' +
        'Read [the release](/press/lambda) and [bad](javascript:alert(1)).\n\n![chart](images/chart.png)\n',
    }),
    makeArticle({
      slug: 'chips-research',
      title: 'New chips for research',
      category: 'Research',
      tags: ['Nvidia', 'Research'],
      coverImage: 'https://cdn.example.com/a/chip.JPG?size=large',
      extra: { published: '2025-11-02T08:00:00+02:00', id: 'tag:aivibe.example,2025:chips-research' },
      body: 'Researchers built *new chips*.\n\n- fast\n- small\n',
    }),
    makeArticle({
      slug: 'policy-update',
      title: 'A policy update',
      date: '2025-11-01',
      category: 'Research',
      tags: ['Policy'],
      coverImage: 'https://cdn.example.com/p/policy.png',
      body: 'Regulators published a policy.\n',
    }),
  ];
}

/** Minimal front matter, unquoted date: what a person types. */
export const HAND_WRITTEN = `---
title: Written by hand
date: 2025-10-30
category: Business
tags: [Editorial]
coverImage: https://cdn.example.com/hand.webp
---
An editor wrote this **by hand**, with a [link](https://example.org/page).
`;

export async function makeFixture(
  site: Partial<RawConfig['site']> = {},
  articles: Article[] = sampleArticles(),
  fetch?: RawConfig['fetch'],
): Promise<PublishFixture> {
  const root = await mkdtemp(join(tmpdir(), 'feedwright-publish-'));
  const raw: RawConfig = {
    site: { ...SITE, ...site } as RawConfig['site'],
    paths: { articles: 'data/articles', feeds: 'feeds', state: 'data/state.json' },
    sources: [
      {
        name: 'TechCrunch AI',
        url: 'https://techcrunch.com/category/artificial-intelligence/feed/',
        category: 'Business',
      },
      { name: 'Papers & Notes', url: 'https://papers.example.com/feed.xml', category: 'Research' },
      { name: 'Misc', url: 'https://misc.example.com/atom' },
    ],
    categories: [{ name: 'Business' }, { name: 'Research' }, { name: 'Machine Learning' }],
    ...(fetch ? { fetch } : {}),
  };
  const config = await resolveConfig(raw, { cwd: root, siteRules: {} });
  await mkdir(config.paths.articles, { recursive: true });
  for (const article of articles) await writeArticle(config.paths.articles, article);
  await writeFile(join(config.paths.articles, 'written-by-hand.md'), HAND_WRITTEN);
  return {
    root,
    articlesDir: config.paths.articles,
    feedsDir: config.paths.feeds,
    config,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

export async function mtimes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const file of await listFiles(dir)) out.set(file, (await stat(join(dir, file))).mtimeMs);
  return out;
}
