import { describe, expect, test } from 'vitest';
import { MAX_SLUG_LENGTH, makeSlug, makeUniqueSlug } from '../../../src/store/make-slug.js';

describe('makeSlug', () => {
  test.each([
    [
      'Lambda inks multibillion-dollar\u00a0AI deal with Microsoft',
      'lambda-inks-multibillion-dollar-ai-deal-with-microsoft',
    ],
    ['Café déjà vu: Ünïcode', 'cafe-deja-vu-unicode'],
    ['OpenAI’s “new” model & you', 'openais-new-model-and-you'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/absolute/path', 'absolute-path'],
    ['nul\u0000byte', 'nul-byte'],
    ['CON', 'con-article'],
    ['lpt1', 'lpt1-article'],
    ['---', 'article'],
    ['日本語のタイトル', 'article'],
    ['', 'article'],
  ])('%j -> %s', (title, slug) => {
    expect(makeSlug(title)).toBe(slug);
  });

  test('long titles are cut at a word, within the limit', () => {
    const slug = makeSlug('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  test('a 5 MB title gives a short, safe slug', () => {
    const slug = makeSlug('A'.repeat(5 * 1024 * 1024));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  test('unique slugs stay within the limit', () => {
    const slug = makeUniqueSlug(makeSlug('x'.repeat(200)), 'abcdef');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-abcdef')).toBe(true);
  });
});
