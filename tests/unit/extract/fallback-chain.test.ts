import { describe, expect, test } from 'vitest';
import { findBodyProblem } from '../../../src/extract/content/judge-body.js';
import { extractPage, PARAGRAPH, prose } from './helpers/article-snippets.js';

const extract = extractPage;

describe('judging a body', () => {
  const body = (text: string, markdown = text) => ({ text, markdown });
  test.each([
    ['', 100, 'no text'],
    ['Too short.', 100, '10 characters'],
    [PARAGRAPH.repeat(3), 10_000, `${PARAGRAPH.length * 3} of 10000 characters of the page`],
    [PARAGRAPH.repeat(3), 1000, undefined],
    [
      'We use cookies to improve your experience. Accept all cookies or manage your privacy settings to continue reading here.',
      400,
      'consent, cookie or newsletter wording',
    ],
    [PARAGRAPH.repeat(12), 2000, undefined],
  ])('%j on a page of %d characters: %s', (text, pageLength, problem) => {
    expect(findBodyProblem(body(text), pageLength)).toBe(problem);
  });

  test('a body that is mostly link text is suspect', () => {
    const links = Array.from(
      { length: 8 },
      (_, index) => `[Another headline of the site number ${index}](https://site.example/${index})`,
    ).join('\n');
    const text = links.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    expect(findBodyProblem(body(text, links), 400)).toBe('mostly links');
  });
});

describe('the fallback chain', () => {
  test('an article inside a wrapper whose class looks unlikely is found by the relaxed pass', () => {
    const html = `<html><body><div class="layout-with-sidebar"><div>${prose(6)}</div></div></body></html>`;
    const article = extract(html);
    expect(article.method).toBe('relaxed');
    expect(article.text).toContain(PARAGRAPH);
    expect(article.fallbackReason).toBe('generic: no text; json-ld: no text');
  });

  test('a page rendered by script gives the JSON-LD articleBody, paragraphs kept', () => {
    const data = {
      '@type': 'NewsArticle',
      headline: 'Story',
      articleBody: `${PARAGRAPH}\n\nSecond <paragraph> & more of the same story told here.`,
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(data)}</script></head><body><div id="app">Loading</div></body></html>`;
    const article = extract(html);
    expect(article.method).toBe('json-ld');
    expect(article.text).toBe(`${PARAGRAPH} Second <paragraph> & more of the same story told here.`);
    expect(article.markdown.split('\n\n')).toHaveLength(2);
  });

  test('Readability is tried last, and the longest body is kept when no method satisfies the judge', () => {
    const article = extract('<html><body><div class="cookie-consent">We use cookies.</div></body></html>');
    expect(article.fallbackReason).toMatch(/^generic: .*; json-ld: no text; relaxed: .*; readability: /);
    expect(article.text).toBe('We use cookies.');
  });

  test('the generic body is kept, and nothing else runs, when it looks like an article', () => {
    const article = extract(`<html><body><nav><a href="/">Home</a></nav><article>${prose(5)}</article></body></html>`);
    expect(article.method).toBe('generic');
    expect(article.fallbackReason).toBeUndefined();
  });
});

describe('cleaning spares the article', () => {
  test('the block holding most of the text stays whatever its class says', () => {
    const article = extract(
      `<html><body><div class="story article-ad-marker">${prose(6)}</div><div class="ad-slot"><p>Advertisement text.</p></div></body></html>`,
    );
    expect(article.method).toBe('generic');
    expect(article.text).toContain(`5: ${PARAGRAPH}`);
    expect(article.text).not.toContain('Advertisement');
  });

  test('a table whose rows were all stripped does not lose the page', () => {
    const article = extract(
      `<html><body><article>${prose(4)}<table><tbody><div>Cell text outside any row.</div></tbody></table></article></body></html>`,
    );
    expect(article.text).toContain(`3: ${PARAGRAPH}`);
  });
});
