// Furniture inside the chosen body, known by its words or its shape (issue 12): pointers to
// other stories, whatever the language; the article's own sentences opening the same way stay.

import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';

const PARAGRAPH =
  'This sentence is part of the article body, and it is long enough to count as real prose for scoring.';
const prose = (count: number) =>
  Array.from({ length: count }, (_, index) => `<p>${index}: ${PARAGRAPH}</p>`).join('\n');
const extract = (content: string) =>
  extractArticle({
    html: `<html><body><article>${content}</article></body></html>`,
    url: 'https://site.example/a',
    siteRules: {},
  }).text;

describe('pointers to other stories', () => {
  test('a label ending in a letter outside ASCII ("Czytaj też:") or a one-word label with a colon ("Mire:") goes with its link', () => {
    const text = extract(
      `${prose(3)}<p><em>Czytaj też: <a href="/a">Wyścig zbrojeń ruszył z kopyta</a></em></p>${prose(2)}` +
        '<h6><strong>Mire: </strong><a href="/b">El cantante da positivo a COVID-19</a></h6>' +
        '<p>Mire usted, said the mayor, before he <a href="/c">read the report</a> aloud.</p>',
    );
    expect(text).not.toMatch(/Czytaj|Wyścig|cantante/);
    expect(text).toContain('Mire usted, said the mayor');
    expect(text).toContain(`1: ${PARAGRAPH}`);
  });

  test('a heading that is only such a label ("Weiterlesen:") takes its short list of links with it', () => {
    const text = extract(
      `${prose(3)}<h2>Weiterlesen:</h2><p><a href="/a">Ein Roadtrip entlang der Route 66</a></p><p><a href="/b">Herbstlicher Ausflug</a></p>` +
        `<h2>Noch mehr?</h2>${prose(2)}`,
    );
    expect(text).not.toMatch(/Weiterlesen|Roadtrip|Herbstlicher/);
    expect(text).toContain('Noch mehr?');
    expect(text).toContain(`1: ${PARAGRAPH}`);
  });
});
