import { describe, expect, test } from 'vitest';
import { extractPage, PARAGRAPH, prose } from './helpers/article-snippets.js';

const extract = extractPage;
const LEAD = 'The lead paragraph sums the story up before the body starts, as news sites print it.';

describe('lead paragraphs outside the chosen block', () => {
  test('a standfirst in the article header comes before the body', () => {
    const html = `<html><body><nav><a href="/">Home</a></nav>
      <article><header><h1>Headline</h1><p class="intro">${LEAD}</p><p>By Someone</p></header>
      <div class="article-body"><div class="text">${prose(6)}</div></div></article>
      <div class="more">${prose(1)}</div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain(LEAD);
    expect(text.indexOf(LEAD)).toBeLessThan(text.indexOf('0: This sentence'));
    expect(text).not.toContain('By Someone');
  });

  test('paragraphs before the body in a wrapper holding much more text (the page) stay out', () => {
    const items = Array.from({ length: 12 }, (_, index) => `<li>Item ${index} of a long listing: ${PARAGRAPH}</li>`);
    const html = `<html><body><div class="site"><div class="intro-box"><p>${LEAD}</p></div>
      <div class="wrap"><div class="story">${prose(4)}</div></div>
      <ul class="listing">${items.join('')}</ul></div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain('0: This sentence');
    expect(text).not.toContain(LEAD);
  });

  test('a standfirst several wrappers above the body is found (the text grows little on the way up)', () => {
    const nest = (inner: string, depth: number): string =>
      depth === 0 ? inner : `<div class="level-${depth}">${nest(inner, depth - 1)}</div>`;
    const html = `<html><body><nav><a href="/">Home</a></nav><section>
      <div class="stage"><h1>Headline</h1><p>${LEAD}</p></div>
      <div class="basis">${nest(`<div class="text">${prose(6)}</div><div class="aside-note"><p>Note.</p></div>`, 4)}</div>
      </section></body></html>`;
    const { text } = extract(html);
    expect(text).toContain(LEAD);
    expect(text.indexOf(LEAD)).toBeLessThan(text.indexOf('0: This sentence'));
  });

  test('a lead written as a bare <div> of a few sentences counts; a short bare <div> does not', () => {
    const facts = `${LEAD} The company was ordered on Monday to pay the farmer damages for the illness he blames on it.`;
    const html = `<html><body><nav><a href="/">Home</a></nav><div class="box">
      <div class="kicker">Economy today</div><div class="facts">${facts}</div>
      <div class="reserved">${prose(6)}</div></div></body></html>`;
    const { text } = extract(html);
    expect(text).toContain(facts);
    expect(text.indexOf(facts)).toBeLessThan(text.indexOf('0: This sentence'));
    expect(text).not.toContain('Economy today');
  });
});
