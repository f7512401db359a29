// Writes N synthetic article files for measuring the publish stage:
//   npx tsx scripts/make-archive.ts 10000 path/to/articles
// Bodies are realistic Markdown of roughly 3-6 KB (paragraphs, a heading, a list, links),
// written with the store's own writer, so the files are exactly what the pipeline writes.
// The content is derived from the index alone: the same N gives the same files.

import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom } from '../bench/seeded-random.js';
import { hashId } from '../src/lib/hash.js';
import { writeArticle } from '../src/store/article-file.js';
import type { Article } from '../src/types.js';

const CATEGORIES = ['Work', 'Research', 'Policy', 'Products', 'Culture'];
const TAGS = ['Ai', 'Openai', 'Nvidia', 'Startups', 'Funding', 'Chips', 'Robots', 'Llm'];
const WORDS = (
  'model training inference cluster startup funding round investors GPU capacity datacenter ' +
  'researchers benchmark release open weights policy regulators safety evaluation customers ' +
  'enterprise deal partnership revenue quarter announced company said according statement'
).split(' ');

function sentence(next: () => number): string {
  const length = 8 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function makeBody(index: number, next: () => number): string {
  const targetBytes = 3000 + Math.floor(next() * 3000);
  const parts: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const paragraph = Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
    parts.push(paragraph);
    size += paragraph.length + 2;
    if (parts.length === 3) parts.push(`## Section ${index}`, `- ${sentence(next)}\n- ${sentence(next)}`);
    if (parts.length === 6) parts.push(`See [the report](https://example.com/reports/${index}) for details.`);
  }
  return `${parts.join('\n\n')}\n`;
}

export function makeArticle(index: number): Article {
  const next = createRandom(index + 1);
  const day = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000 * 3);
  const slug = `${day.toISOString().slice(0, 10)}-synthetic-article-${hashId(String(index), 8)}`;
  const category = CATEGORIES[index % CATEGORIES.length];
  const body = makeBody(index, next);
  const text = body
    .replace(/[#\-[\]()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    slug,
    title: `Synthetic article ${index}: ${sentence(next).slice(0, 60)}`,
    date: day.toISOString().slice(0, 10),
    excerpt: `${text.slice(0, 150)}...`,
    coverImage: `https://images.example.com/covers/${index % 97}.jpg`,
    author: 'AIVibe',
    tags: [TAGS[index % TAGS.length], TAGS[(index * 7 + 3) % TAGS.length], category].filter(
      (tag, at, all) => all.indexOf(tag) === at,
    ),
    category,
    source: `https://news.example.com/${day.getUTCFullYear()}/story-${index}`,
    extra: { originalAuthor: `Reporter ${index % 40}`, published: day.toISOString(), sourceName: 'Example News' },
    body,
  };
}

async function main(): Promise<void> {
  const [countArg, dirArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !dirArg) {
    process.stderr.write('usage: make-archive.ts N DIR\n');
    process.exitCode = 2;
    return;
  }
  const dir = resolve(dirArg);
  await mkdir(dir, { recursive: true });
  for (let index = 0; index < count; index += 1) await writeArticle(dir, makeArticle(index));
  process.stdout.write(`${count} article files in ${dir}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
