// Invariants of the data folder after any interruption: every article file and output
// parses, the state file parses and agrees with the files, one file per source URL.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '../../../src/parse/parse-feed.js';
import { listArticleFiles, readArticleFile } from '../../../src/store/article-file.js';
import { loadState, type RunState } from '../../../src/state/run-state.js';

export interface StoreSnapshot {
  state: RunState;
  /** Source URL → slug of its file. */
  files: Map<string, string>;
  problems: string[];
}

export async function findTempFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((name) => /\.tmp$/.test(name));
}

async function checkOutputs(feedsDir: string, problems: string[]): Promise<void> {
  const rss = await readFile(join(feedsDir, 'rss.xml'), 'utf8').catch(() => undefined);
  const atom = await readFile(join(feedsDir, 'atom.xml'), 'utf8').catch(() => undefined);
  const json = await readFile(join(feedsDir, 'feed.json'), 'utf8').catch(() => undefined);
  try {
    if (
      rss !== undefined &&
      (!rss.trimEnd().endsWith('</rss>') || parseFeed(rss, { url: 'https://a.example/' }).format !== 'rss')
    )
      problems.push('rss.xml is cut');
    if (
      atom !== undefined &&
      (!atom.trimEnd().endsWith('</feed>') || parseFeed(atom, { url: 'https://a.example/' }).format !== 'atom')
    )
      problems.push('atom.xml is cut');
    if (json !== undefined) JSON.parse(json);
  } catch (error) {
    problems.push(`an output does not parse: ${String(error)}`);
  }
}

export async function checkStore(root: string, deleted: ReadonlySet<string>): Promise<StoreSnapshot> {
  const problems: string[] = [];
  const state = await loadState(join(root, 'data', 'state.json'));
  const files = new Map<string, string>();
  for (const file of await listArticleFiles(join(root, 'data', 'articles'))) {
    const article = await readArticleFile(file);
    if (files.has(article.source))
      problems.push(`two files for ${article.source}: ${files.get(article.source)} and ${article.slug}`);
    files.set(article.source, article.slug);
  }
  const slugs = new Set(files.values());
  for (const [id, seen] of Object.entries(state.items)) {
    if (seen.slug && !slugs.has(seen.slug) && !deleted.has(seen.slug))
      problems.push(`item ${id} has slug ${seen.slug} but no file`);
  }
  await checkOutputs(join(root, 'feeds'), problems);
  return { state, files, problems };
}
