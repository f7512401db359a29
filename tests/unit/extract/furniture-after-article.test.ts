// Furniture after the article: teaser lists closing the chosen content (links to other
// stories, under a short heading) and rating widgets are not the article; prose and a
// body's own closing link stay.

import { describe, expect, test } from 'vitest';
import { extractPage, PARAGRAPH, prose } from './helpers/article-snippets.js';

const extract = (content: string) =>
  extractPage(
    `<html><body><nav><a href="/">Home</a></nav><div class="story">${content}</div><footer>Footer</footer></body></html>`,
  ).text;

describe('teasers after the article', () => {
  test('a run of link-only paragraphs closing the body goes, with the heading over it', () => {
    const text = extract(
      `${prose(6)}<h3>Mehr lesen:</h3><p><a href="/a">Another story about something else</a></p><p><a href="/b">A third story, also elsewhere</a></p>`,
    );
    expect(text).toContain(`5: ${PARAGRAPH}`);
    expect(text).not.toContain('Mehr lesen');
    expect(text).not.toContain('Another story');
    expect(text).not.toContain('A third story');
  });

  test('a teaser paragraph of several links under a heading goes', () => {
    const text = extract(
      `${prose(6)}<h2>Also on this site</h2><p><a href="/a">First other story</a> <a href="/b">Second other story</a></p>`,
    );
    expect(text).not.toContain('Also on this site');
    expect(text).not.toContain('First other story');
  });

  test('a closing paragraph with text outside its link stays, and so does the heading', () => {
    const text = extract(`${prose(6)}<h3>Sources</h3><p>The full report is <a href="/r">on the agency's site</a>.</p>`);
    expect(text).toContain('Sources');
    expect(text).toContain("The full report is on the agency's site.");
  });

  test('links that are a large share of the body stay', () => {
    const links = Array.from(
      { length: 6 },
      (_, index) =>
        `<p><a href="/l${index}">Link number ${index} in a body that is mostly a list of links here</a></p>`,
    ).join('');
    const text = extract(`${prose(3)}${links}`);
    expect(text).toContain('Link number 5');
  });
});

describe('rating widgets', () => {
  test('a star-rating box (WordPress post-ratings) is not the article', () => {
    const text = extract(
      `${prose(6)}<span id="post-ratings-1" class="post-ratings"><img src="/stars/rating_off.gif" alt="1 Stern"><img src="/stars/rating_off.gif" alt="2 Sterne"> (Noch keine Bewertungen)</span><span class="post-ratings-loading">Loading...</span>`,
    );
    expect(text).toContain(`5: ${PARAGRAPH}`);
    expect(text).not.toContain('Bewertungen');
    expect(text).not.toContain('Loading');
  });
});
