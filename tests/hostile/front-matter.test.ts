// Hostile strings in every front-matter field round-trip through the article file:
// quotes, colons, `#`, newlines, `---`, YAML anchors/aliases/tags, U+2028/U+2029, NUL and
// other C0 controls, lone surrogates, 100 KB strings. Nothing breaks the YAML, nothing
// injects a key, and what is read back is what was written (property tests, fixed seed).

import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { parseArticle, serializeArticle } from '../../src/store/article-file.js';
import type { Article } from '../../src/types.js';

const SEED = 20_260_105;
const KEYS = ['title', 'date', 'excerpt', 'coverImage', 'author', 'tags', 'category', 'source', 'id'];

const PIECES = [
  '"',
  "'",
  ':',
  ': ',
  ' #',
  '#',
  '\n',
  '\r\n',
  '\r',
  '---',
  '\n---\n',
  '...',
  '&a',
  '*a',
  '&anchor x',
  '*anchor',
  '!!js/function',
  '!!js/function "function(){return 1}"',
  '!!python/object:os.system',
  '!<tag:yaml.org,2002:str>',
  '<<: *a',
  '? ',
  '- ',
  '|',
  '>',
  '{a: 1}',
  '[1, 2]',
  '%YAML 1.2',
  'null',
  '~',
  'true',
  'no',
  '0x1F',
  '1e3',
  '2026-01-01',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\t',
  ' ',
  'title: injected',
  '\ntitle: injected',
  '\nadmin: true\n',
  '`',
  '\\',
  '%',
  '@',
  '😀',
  'é',
];

const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

function makeArticle(
  text: { title: string; excerpt: string; tags: string[]; source: string; author: string },
  body: string,
): Article {
  return {
    slug: 'hostile',
    title: text.title,
    date: '2026-01-05',
    excerpt: text.excerpt,
    coverImage: 'https://images.example/a.jpg',
    author: text.author,
    tags: text.tags,
    category: 'Work',
    source: text.source,
    extra: { originalAuthor: text.author || undefined, sourceName: 'Hostile', id: 'abc123' },
    body,
  };
}

/** The text as it reads back from a UTF-8 file (a lone surrogate becomes U+FFFD). */
function asWritten(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

describe('front matter under hostile strings', () => {
  test('every field round-trips and no key is injected', () => {
    const fields = fc.record({
      title: hostileString,
      excerpt: hostileString,
      tags: fc.array(hostileString, { maxLength: 4 }),
      source: hostileString,
      author: hostileString,
    });
    fc.assert(
      fc.property(fields, hostileString, (text, bodyText) => {
        const article = makeArticle(text, `${bodyText}\n`);
        const file = asWritten(serializeArticle(article));
        const data = matter(file, {}).data as Record<string, unknown>;
        expect(Object.keys(data).every((key) => [...KEYS, 'originalAuthor', 'sourceName'].includes(key))).toBe(true);
        const back = parseArticle(file, 'hostile');
        // YAML escapes what UTF-8 cannot carry, so even lone surrogates come back.
        expect(back.title).toBe(text.title.trim() || 'hostile');
        expect(back.excerpt).toBe(text.excerpt);
        expect(back.source).toBe(text.source);
        expect(back.author).toBe(text.author);
        expect(back.tags).toEqual(text.tags.filter(Boolean));
        expect(back.body).toBe(asWritten(article.body));
        expect(back.category).toBe('Work');
        expect(back.extra.id).toBe('abc123');
        // A second write of what was read gives the same bytes (stable files).
        const written = serializeArticle(back);
        expect(serializeArticle(parseArticle(written, 'h'))).toBe(written);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('a body made of front-matter delimiters stays body', () => {
    const body = '---\ntitle: injected\n---\n\n---\nadmin: true\n...\n';
    const back = parseArticle(
      serializeArticle(
        makeArticle({ title: 'T', excerpt: 'e', tags: [], source: 'https://a.example/', author: 'A' }, body),
      ),
      'b',
    );
    expect(back.title).toBe('T');
    expect(back.body).toBe(body);
  });

  test('100 KB strings in title, excerpt and source round-trip', () => {
    const big = 'A long: "quoted" #title\u2028with --- and &a *a '.repeat(2_600).slice(0, 100_000);
    const file = serializeArticle(
      makeArticle({ title: big, excerpt: big, tags: [big], source: big, author: big }, 'Body.\n'),
    );
    const back = parseArticle(file, 'big');
    expect([back.title.length, back.excerpt, back.source, back.tags]).toEqual([big.trim().length, big, big, [big]]);
  });
});
