// The feedwright configuration the bench runs with: the simulated sources, the default
// fetch limits (unless the bench is told otherwise), a short timeout so the simulated hangs
// cost seconds, not minutes, private networks allowed (the web is on loopback), and
// near-duplicate merging off (see below).

import { join } from 'node:path';
import { resolveConfig } from '../src/config/load-config.js';
import type { RawConfig, ResolvedConfig } from '../src/config/schema.js';
import type { ScenarioSpec } from './child-protocol.js';

export function buildRawConfig(spec: ScenarioSpec): RawConfig {
  return {
    site: {
      title: 'Bench',
      description: 'feedwright bench',
      url: 'https://bench.example',
      author: 'Bench',
      maxItems: 50,
    },
    paths: {
      articles: join(spec.workDir, 'articles'),
      state: join(spec.workDir, 'state.json'),
      feeds: join(spec.workDir, 'feeds'),
    },
    // The simulated web serves the same corpus pages under thousands of URLs: near-duplicate
    // detection would rightly merge them into a few dozen articles. It is off here so every
    // page is stored; `npm run eval:dedupe` measures its cost per check (1-2 ms).
    dedupe: { nearDuplicates: false },
    fetch: {
      allowPrivateNetworks: true,
      concurrency: spec.concurrency,
      perHostConcurrency: spec.perHostConcurrency,
      timeoutMs: spec.timeoutMs,
    },
    sources: spec.sources.map((source, index) => ({
      name: source.name,
      url: source.url,
      category: ['Work', 'Research', 'Policy'][index % 3],
    })),
    categories: [
      {
        name: 'Work',
        keywords: ['enterprise', 'startup', 'funding', 'deal'],
        coverImages: ['https://images.example.com/work.jpg'],
      },
      {
        name: 'Research',
        keywords: ['benchmark', 'research', 'model'],
        coverImages: ['https://images.example.com/research.jpg'],
      },
      {
        name: 'Policy',
        keywords: ['court', 'ruling', 'privacy', 'policy'],
        coverImages: ['https://images.example.com/policy.jpg'],
      },
    ],
    tags: [
      { name: 'Ai', keywords: ['AI', 'artificial intelligence'] },
      { name: 'Chips', keywords: ['GPU', 'chip'] },
    ],
  };
}

export function buildConfig(spec: ScenarioSpec): Promise<ResolvedConfig> {
  return resolveConfig(buildRawConfig(spec), { cwd: spec.workDir, siteRules: {} });
}
