// Big article pages for the local server, generated once in memory (nothing large is
// stored), each under the default 5 MB page cap: pages of 4.9 MB of prose, a page of
// 600,000 <p>, a table of 150,000 rows, 100,000 unclosed <b><i>. One feed per case.

import type { TestServer } from '../../helpers/server.js';

export const BIG_PAGE_BYTES = 4.9 * 1024 * 1024;
export const MANY_P = 600_000;
export const TABLE_ROWS = 150_000;
export const UNCLOSED_TAGS = 100_000;

const XML = { 'content-type': 'application/rss+xml; charset=utf-8' };
const HTML = { 'content-type': 'text/html; charset=utf-8' };

const SENTENCE =
  'The startup closed a funding round to build infrastructure for enterprise customers, its founders said on Tuesday. ';

// Each case opens with its own sentence: pages of different cases are different stories,
// and one sentence's copies under other filler would rightly be merged as one (issue 16).
const LEADS = {
  paragraphs: 'A council vote on the new tram line was delayed again after residents asked for a second hearing. ',
  table: 'The weather agency published the monthly rainfall measured by its stations across the northern region. ',
  unclosed: 'Engineers traced the outage to a misconfigured router that dropped traffic for two hours overnight. ',
};

function page(title: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

function prose(bytes: number): string {
  const paragraph = `<p>${SENTENCE.repeat(4)}</p>\n`;
  return paragraph.repeat(Math.floor(bytes / paragraph.length));
}

function rss(origin: string, name: string, count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const link = `${origin}/${name}-page/${i}`;
    return `<item><title>${name} page ${i}</title><link>${link}</link><guid>${link}</guid><description>A summary about funding.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>${origin}/</link><description>d</description>${items.join('')}</channel></rss>`;
}

/** Case name → the page every item of its feed links to. */
function makePages(): Record<string, string> {
  return {
    big: page('Big', prose(BIG_PAGE_BYTES - 200)),
    paragraphs: page('Paragraphs', `<p>${LEADS.paragraphs}</p>${'<p>abcde'.repeat(MANY_P)}`),
    table: page(
      'Table',
      `<p>${LEADS.table}</p><table>${Array.from({ length: TABLE_ROWS }, (_, i) => `<tr><td>${i}<td>cell`).join('')}</table>`,
    ),
    unclosed: page('Unclosed', `<p>${LEADS.unclosed}</p>${'<b><i>x'.repeat(UNCLOSED_TAGS)}`),
  };
}

/** `/<case>.xml` lists `counts[case]` items (default 1), each linking to `/<case>-page/<n>`. */
export function installBigPageRoutes(server: TestServer, counts: Record<string, number> = {}): string[] {
  const pages = makePages();
  for (const [name, html] of Object.entries(pages)) {
    const feed = rss(server.origin, name, counts[name] ?? 1);
    server.route(`/${name}.xml`, (_req, res) => void res.writeHead(200, XML).end(feed));
    for (let i = 0; i < (counts[name] ?? 1); i += 1)
      server.route(`/${name}-page/${i}`, (_req, res) => void res.writeHead(200, HTML).end(html));
  }
  return Object.keys(pages);
}
