// The real documents the fuzzers start from: the real-world feeds and TechCrunch's
// feeds, and the article pages (the benchmark's gzipped pages and TechCrunch's).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { corpusDir } from '../../helpers/paths.js';

export interface Seed {
  name: string;
  text: string;
}

export async function readFeedSeeds(): Promise<Seed[]> {
  const realWorld = join(corpusDir, 'feeds', 'real-world');
  const names = (await readdir(realWorld)).filter((name) => /\.(rss|atom)$/.test(name)).sort();
  const seeds = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(realWorld, name), 'utf8') })),
  );
  for (const name of ['feed-2011.xml', 'feed-2023.xml'])
    seeds.push({ name, text: await readFile(join(corpusDir, 'techcrunch', name), 'utf8') });
  return seeds;
}

export async function readPageSeeds(): Promise<Seed[]> {
  const html = join(corpusDir, 'articles', 'html');
  const names = (await readdir(html)).filter((name) => name.endsWith('.html.gz')).sort();
  const seeds = await Promise.all(
    names.map(async (name) => ({ name, text: gunzipSync(await readFile(join(html, name))).toString('utf8') })),
  );
  for (const name of ['article-2018.html', 'article-2022.html'])
    seeds.push({ name, text: await readFile(join(corpusDir, 'techcrunch', name), 'utf8') });
  return seeds;
}
