// The publish scenario's archive: N article files, made once per size into the system's
// temp folder and reused by later runs. The files are scripts/make-archive.ts's articles
// (its makeArticle) written by the store's own serializer, byte for byte what its
// writeArticle writes; only without an fsync per file and 32 at a time, so 100,000 files
// take well under a minute instead of many (the script writes them one by one, fsync'd).

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { makeArticle } from '../scripts/make-archive.js';
import { articlePath, serializeArticle } from '../src/store/article-file.js';

const WRITE_CONCURRENCY = 32;

export async function ensureArchive(count: number): Promise<string> {
  const base = join(tmpdir(), 'feedwright-bench-archives', String(count));
  const dir = join(base, 'articles');
  if (existsSync(join(base, 'complete'))) return dir;
  await mkdir(dir, { recursive: true });
  process.stderr.write(`making an archive of ${count} article files (once) ...\n`);
  const started = performance.now();
  const limit = pLimit(WRITE_CONCURRENCY);
  const tasks: Array<Promise<void>> = [];
  for (let index = 0; index < count; index += 1) {
    tasks.push(
      limit(() => {
        const article = makeArticle(index);
        return writeFile(articlePath(dir, article.slug), serializeArticle(article));
      }),
    );
  }
  await Promise.all(tasks);
  await writeFile(join(base, 'complete'), `${count}\n`);
  process.stderr.write(`archive of ${count} files made in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return dir;
}
