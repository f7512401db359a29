// The configuration's shape and defaults (DESIGN.md "Configuration"). Unknown keys are
// errors, so a typo stops the program instead of being silently ignored.

import { z } from 'zod';
import { DEFAULT_THRESHOLD } from '../dedupe/index.js';
import { resolveUrl } from '../lib/url.js';

const httpUrl = z
  .string()
  .trim()
  .refine((value) => resolveUrl(value) !== undefined, 'must be an absolute http(s) URL');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A per-site extraction rule: where the article is, and what to strip from it. */
export const siteRuleSchema = z.strictObject({
  content: z.union([nonEmpty, z.array(nonEmpty).min(1)]),
  strip: z.array(nonEmpty).default([]),
  /** Phrases (case-insensitive) that open a promo block: the block is removed with its container. */
  stripText: z.array(nonEmpty).optional(),
  title: nonEmpty.optional(),
  date: nonEmpty.optional(),
});

export const sourceSchema = z.strictObject({
  name: nonEmpty,
  url: httpUrl,
  category: nonEmpty.optional(),
  fullText: z.boolean().default(true),
  enabled: z.boolean().default(true),
  rule: siteRuleSchema.optional(),
  tags: z.array(nonEmpty).default([]),
});

export const categorySchema = z.strictObject({
  name: nonEmpty,
  keywords: z.array(nonEmpty).default([]),
  coverImages: z.array(httpUrl).default([]),
});

export const tagSchema = z.strictObject({
  name: nonEmpty,
  keywords: z.array(nonEmpty).default([]),
});

export const configSchema = z.strictObject({
  site: z.strictObject({
    title: nonEmpty,
    description: z.string().default(''),
    url: httpUrl,
    author: nonEmpty,
    language: z.string().trim().default('en'),
    feedUrl: httpUrl.optional(),
    articleUrl: z
      .string()
      .trim()
      .refine((value) => value.includes('{slug}'), 'must contain {slug}')
      .optional(),
    maxItems: z.number().int().min(1).max(10_000).default(50),
    websubHub: httpUrl.optional(),
    email: z.string().trim().optional(),
    /** Characters of an item's body (Markdown) in a published feed; a longer one is cut at a block, with a note. */
    maxContentChars: z.number().int().min(1_000).default(100_000),
    /** Bytes of one published feed file; a bigger one carries fewer items (the newest). */
    maxFeedFileBytes: z
      .number()
      .int()
      .min(100_000)
      .default(10 * 1024 * 1024),
  }),
  paths: z
    .strictObject({
      articles: nonEmpty.default('data/articles'),
      state: nonEmpty.default('data/state.json'),
      feeds: nonEmpty.default('feeds'),
      rules: nonEmpty.default('site-rules.yaml'),
      lock: nonEmpty.optional(),
    })
    .prefault({}),
  schedule: nonEmpty.default('*/30 * * * *'),
  fetch: z
    .strictObject({
      timeoutMs: z.number().int().min(100).max(600_000).default(15_000),
      concurrency: z.number().int().min(1).max(1_000).default(16),
      perHostConcurrency: z.number().int().min(1).max(100).default(2),
      allowPrivateNetworks: z.boolean().default(false),
      retries: z.number().int().min(0).max(10).default(2),
      maxRedirects: z.number().int().min(0).max(20).default(5),
      maxFeedBytes: z
        .number()
        .int()
        .min(1_024)
        .default(10 * 1024 * 1024),
      maxPageBytes: z
        .number()
        .int()
        .min(1_024)
        .default(5 * 1024 * 1024),
      maxRetryAfterMs: z.number().int().min(0).default(60_000),
      userAgent: z.string().trim().optional(),
      minIntervalMinutes: z.number().min(0).default(0),
      maxBackoffMinutes: z
        .number()
        .min(1)
        .default(24 * 60),
      maxItemsPerSource: z.number().int().min(1).default(100),
    })
    .prefault({}),
  extract: z
    .strictObject({
      /** Worker threads that extract pages off the event loop; 0 extracts inline. */
      workers: z.number().int().min(0).max(16).default(1),
      /** A page that keeps a worker busier than this is abandoned (feed content used) and its worker replaced. */
      timeoutMs: z.number().int().min(100).max(600_000).default(10_000),
    })
    .prefault({}),
  /** One story, one article (issue 16): a near copy of a recent article from another source is merged into it. */
  dedupe: z
    .strictObject({
      nearDuplicates: z.boolean().default(true),
      /** Shingle containment at which two bodies are one story (src/dedupe/similarity.ts). */
      threshold: z.number().gt(0).max(1).default(DEFAULT_THRESHOLD),
      /** How far back a new article is compared: articles stored in the last windowDays days. */
      windowDays: z.number().positive().max(365).default(7),
    })
    .prefault({}),
  /** Queue mode: with a Redis URL, workers on any number of machines share one cycle (src/queue/). */
  queue: z
    .strictObject({
      url: nonEmpty.regex(/^rediss?:\/\/[^/]/i, 'must be a redis:// or rediss:// URL'),
      prefix: nonEmpty.regex(/^[A-Za-z0-9_.-]+$/, 'only letters, digits, "_", "." and "-"').default('feedwright'),
    })
    .optional(),
  /**
   * Edits at the source (issue 16): items first seen within `windowDays` are compared with
   * their feed entry at each fetch, and a changed article is rewritten in place. 0 turns it off.
   */
  updates: z
    .strictObject({
      windowDays: z.number().min(0).max(365).default(3),
    })
    .prefault({}),
  sources: z.array(sourceSchema).default([]),
  categories: z.array(categorySchema).min(1, 'needs at least one category'),
  tags: z.array(tagSchema).default([]),
});

export type RawConfig = z.input<typeof configSchema>;
export type SiteRule = z.output<typeof siteRuleSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type CategoryConfig = z.output<typeof categorySchema>;
export type TagConfig = z.output<typeof tagSchema>;
type ParsedConfig = z.output<typeof configSchema>;

/** The checked configuration, paths absolute, passed down to every stage. */
export interface ResolvedConfig extends Omit<ParsedConfig, 'paths'> {
  /** The file it was loaded from (absolute), or undefined for an in-memory config. */
  file?: string;
  paths: {
    articles: string;
    state: string;
    feeds: string;
    rules: string;
    lock: string;
  };
  /** Site rules by hostname without `www.`, from paths.rules (data, not code). */
  siteRules: Record<string, SiteRule>;
}
