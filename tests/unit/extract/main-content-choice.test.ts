// Which blocks the generic extractor keeps as the article (find-main-content.ts and the
// class hints of class-hints.ts), on pages built to show each rule: every test here fails
// without the rule it names.

import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article.js';

const SENTENCE = 'The article goes on here with one more plain sentence about the matter in hand';
const prose = (count: number) =>
  Array.from({ length: count }, (_, index) => `<p>${index}: ${SENTENCE} and then a second clause of it.</p>`).join(
    '\n',
  );
const extract = (html: string) => extractArticle({ html, url: 'https://site.example/news/story.html', siteRules: {} });

describe('choosing the article block', () => {
  test('a short box with a content-like class does not beat the longer article text', () => {
    const blurb =
      'Written by a staff writer, who covers the city, its council and its schools, and who has worked for the paper since the spring of 2009 after years at a regional weekly in the north of the country where she reported on farming.';
    const html = `<html><body>
      <div class="layout"><div class="col">${prose(12)}</div></div>
      <div class="aside-col"><div class="author-content"><p>${blurb}</p></div></div>
      </body></html>`;
    const { text } = extract(html);
    expect(text).toContain(`0: ${SENTENCE}`);
    expect(text).toContain(`9: ${SENTENCE}`);
    expect(text).not.toContain('Written by a staff writer');
  });

  test('a short part of an article cut into like blocks joins the rest, a block of another kind does not', () => {
    const part = (text: string) => `<section><div class="wysiwyg">${text}</div></section>`;
    const html = `<html><body><main>
      ${part(prose(12))}
      <section><div class="slider"><p>A caption under the picture between two parts.</p></div></section>
      ${part('<p>The closing part of the article, one short paragraph on its own.</p>')}
      </main></body></html>`;
    const { text } = extract(html);
    expect(text).toContain(`11: ${SENTENCE}`);
    expect(text).toContain('The closing part of the article');
    expect(text).not.toContain('A caption under the picture');
  });
  test('an ancestor nearly as good as the chosen block, with more text, is the article (an interview in an accordion)', () => {
    const answer = (index: number) =>
      `<p>Answer ${index}: yes, the talks went on for weeks, and then they stopped for good late one night in the spring.</p>`;
    const interview = Array.from({ length: 8 }, (_, index) => answer(index)).join('');
    const html = `<html><body><div class="detail">${prose(12)}
      <div class="accordion"><div class="panel"><div class="panel-heading"><h4>The interview</h4></div>
      <div class="panel-collapse"><div class="answers">${interview}</div></div></div></div>
      </div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain('Answer 7: yes');
    expect(text).toContain(`0: ${SENTENCE}`);
  });
  test('prose written in <br> runs scores as the paragraphs it would make, beating a short box', () => {
    const runs = Array.from(
      { length: 8 },
      (_, index) => `Run ${index}: ${SENTENCE} and on for a while yet. ${SENTENCE} again here.`,
    );
    const box =
      'Our shop, open since 1998, ships wine, oil and cheese from Spain and Portugal to your door within three days; orders over sixty euros ship free, and every order can be sent back within fourteen days at no cost, so do not hesitate.';
    const html = `<html><body><div class="layout"><div class="description"><div class="credit">Photo: A. Person</div>${runs.join('<br><br>')}</div></div>
      <div class="side"><div class="panel-body"><p>${box}</p></div></div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain('Run 7:');
    expect(text).not.toContain('Our shop, open since 1998');
  });
});

describe('the standfirst in the article header', () => {
  test('a lead under a header class naming the article (entry-header) stays, before the body; a site header does not', () => {
    const lead = 'The lead sums the story up in two lines before the body starts, as the paper prints it.';
    const html = `<html><body><div class="site-header"><p>A site header with a long line of text about the site itself, its owners and its aims.</p></div>
      <div class="main-wrap"><header class="entry-header"><h1>Headline</h1><div class="entry-excerpt"><p>${lead}</p></div></header>
      <div class="entry-content">${prose(8)}</div></div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain(lead);
    expect(text.indexOf(lead)).toBeLessThan(text.indexOf('0: The article'));
    expect(text).not.toContain('A site header');
  });
});

describe('article text under a class that sounds like furniture', () => {
  test('a text collapsed behind a "read more" toggle (class readmore) stays; the "Read more" link goes', () => {
    const collapsed = 'The village lies in a quiet valley, two hours from the coast, and the house stands at its edge.';
    const html = `<html><body><div class="content">${prose(6)}
      <div class="js_readmore"><p>${collapsed} ${SENTENCE}.</p></div>
      <p><a href="/next">Read more</a></p>${prose(2)}</div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain(collapsed);
    expect(text).not.toContain('Read more');
  });

  test("a page builder's text widget (builder-widget-container) is text; a block classed widget is not", () => {
    const part = 'The second part of the page tells where the project came from and who started it years ago';
    const html = `<html><body><div class="content">${prose(6)}
      <div class="builder-widget-container"><p>${part}.</p><p>${SENTENCE}.</p></div>
      ${prose(2)}<div class="widget"><p>A short box of the sidebar kind</p></div></div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain(part);
    expect(text).not.toContain('A short box of the sidebar kind');
  });
});
