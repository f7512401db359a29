import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSiteRules } from '../../../src/config/load-config.js';
import { extractArticle, extractFromFeed } from '../../../src/extract/extract-article.js';
import type { FeedItem } from '../../../src/types.js';
import { exampleArticle, projectRoot } from '../../helpers/paths.js';

// The body of the reference example (DESIGN.md) was made from TechCrunch's 2025 markup,
// promo box included: its text, in the nesting its indentation shows.
async function exampleParagraphs(): Promise<string[]> {
  const text = await readFile(exampleArticle, 'utf8');
  const body = text.split('\n---\n')[1];
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 60 && !line.startsWith('Add yourself'));
}

function promoBox(): string {
  return `<div class="wp-block-techcrunch-cta">
	<div class="cta__inner">
		<div class="cta__label">Techcrunch event</div>
		<div class="cta__content"><div class="cta__text">
			<h3>Join the Disrupt 2026 Waitlist</h3>
			<p>Add yourself to the Disrupt 2026 waitlist to be first in line when Early Bird tickets drop.</p>
		</div></div>
	</div>
</div>`;
}

async function techcrunchPage(): Promise<{ html: string; paragraphs: string[] }> {
  const paragraphs = await exampleParagraphs();
  const body = paragraphs.map((p, i) => `<p>${p}</p>${i === 1 ? promoBox() : ''}`).join('\n');
  const html = `<!doctype html><html><head><title>Lambda inks deal | TechCrunch</title>
<meta property="og:image" content="https://techcrunch.com/wp-content/uploads/2025/11/lambda.jpg">
</head><body><main><div class="entry-content wp-block-post-content">${body}${promoBox()}</div></main></body></html>`;
  return { html, paragraphs };
}

describe('promo boxes found by their opening words', () => {
  test('the site rule removes the "Techcrunch event / Join the Disrupt" box from the page, keeping every paragraph', async () => {
    const rules = await loadSiteRules(join(projectRoot, 'config', 'site-rules.yaml'));
    const { html, paragraphs } = await techcrunchPage();
    const article = extractArticle({ html, url: 'https://techcrunch.com/2025/11/03/lambda/', siteRules: rules });
    expect(article.method).toBe('site-rule');
    expect(article.markdown).not.toMatch(/Techcrunch event|Disrupt 2026|waitlist/i);
    for (const paragraph of paragraphs) expect(article.text).toContain(paragraph.slice(0, 50));
    expect(article.markdown).not.toMatch(/\t| \n|\n{3,}/);
  });

  test('the same rule cleans the feed copy when the page cannot be read', async () => {
    const rules = await loadSiteRules(join(projectRoot, 'config', 'site-rules.yaml'));
    const { paragraphs } = await techcrunchPage();
    const content = paragraphs.map((p, i) => `<p>${p}</p>${i === 1 ? promoBox() : ''}`).join('\n');
    const item: FeedItem = {
      id: 'x',
      url: 'https://techcrunch.com/2025/11/03/lambda/',
      title: 'Lambda',
      authors: [],
      categories: [],
      media: [],
      enclosures: [],
      contentHtml: content,
    };
    const withRule = extractFromFeed(item, 'page: HTTP_STATUS', rules['techcrunch.com']);
    expect(withRule.markdown).not.toMatch(/Techcrunch event|Join the Disrupt/i);
    expect(withRule.text).toContain(paragraphs[2].slice(0, 50));
  });

  test('prose that opens with the phrase is kept; a box is never widened to the whole article', () => {
    const long = 'The article text goes on. '.repeat(120);
    const html = `<html><body><div class="story"><p>Techcrunch event season is here, and ${long}</p><p>${long}</p></div></body></html>`;
    const article = extractArticle({
      html,
      url: 'https://news.example/a',
      siteRules: {},
      sourceRule: { content: '.story', strip: [], stripText: ['Techcrunch event'] },
    });
    expect(article.text.length).toBeGreaterThan(5000);
    expect(article.text.startsWith('Techcrunch event season is here')).toBe(true);
  });
});
