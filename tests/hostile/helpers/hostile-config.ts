// In-memory configurations for hostile pipeline tests: a temp folder, the given sources,
// no site rules, published feeds large enough to hold every article.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../../src/config/load-config.js';
import type { RawConfig, ResolvedConfig } from '../../../src/config/schema.js';

export type RawSource = NonNullable<RawConfig['sources']>[number];
export type RawFetch = NonNullable<RawConfig['fetch']>;

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `feedwright-hostile-${prefix}-`));
}

export async function makeHostileConfig(
  dir: string,
  sources: RawSource[],
  fetch: RawFetch = {},
): Promise<ResolvedConfig> {
  return resolveConfig(
    {
      site: {
        title: 'Hostile',
        url: 'https://aivibe.example',
        author: 'AIVibe',
        feedUrl: 'https://aivibe.example/feeds',
        maxItems: 10_000,
      },
      fetch: {
        allowPrivateNetworks: true,
        retries: 0,
        timeoutMs: 3_000,
        perHostConcurrency: 8,
        maxItemsPerSource: 1_000,
        ...fetch,
      },
      sources,
      categories: [{ name: 'Work', keywords: ['funding'], coverImages: ['https://images.example/work.jpg'] }],
      tags: [{ name: 'Funding', keywords: ['funding'] }],
    },
    { cwd: dir, siteRules: {} },
  );
}
