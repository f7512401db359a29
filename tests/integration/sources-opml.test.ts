// importOpml / exportOpml on temp configurations: nested outlines, category mapping,
// duplicates skipped, comments kept, and an export → import round trip.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { exportOpml, importOpml } from '../../src/commands/manage-sources.js';
import { loadConfig } from '../../src/config/load-config.js';
import { COMMENTED_CONFIG, SOURCES_END, SOURCES_START, tempConfigs } from './sources-fixture.js';

const tempConfig = tempConfigs();

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Tech">
      <outline text="Research">
        <outline type="rss" text="Papers &amp; More" xmlUrl="https://papers.example/rss"/>
      </outline>
      <outline type="rss" title="Startups" xmlUrl="https://startups.example/feed" category="/Misc/WORK"/>
      <outline type="rss" text="Lab Notes again" xmlUrl="https://lab.example/rss"/>
    </outline>
    <outline type="rss" text="Loose" xmlurl="https://loose.example/atom"/>
    <outline type="rss" text="TechCrunch AI" xmlUrl="https://elsewhere.example/feed"/>
    <outline type="rss" text="Bad" xmlUrl="ftp://bad.example/feed"/>
    <outline text="Just a folder"/>
  </body>
</opml>`;

describe('importOpml', () => {
  test('adds nested subscriptions with mapped categories and skips duplicates', async () => {
    const file = await tempConfig();
    const result = await importOpml(file, OPML, { category: 'Research' });
    expect(result.added).toEqual(['Papers & More', 'Startups', 'Loose']);
    expect(result.skipped).toEqual([
      expect.stringMatching(/^Lab Notes again \(.*Lab Notes/),
      expect.stringMatching(/^TechCrunch AI \(/),
      'Bad (not an http(s) URL)',
    ]);
    const sources = (await loadConfig(file)).sources
      .slice(2)
      .map(({ name, url, category }) => ({ name, url, category }));
    expect(sources).toEqual([
      { name: 'Papers & More', url: 'https://papers.example/rss', category: 'Research' },
      { name: 'Startups', url: 'https://startups.example/feed', category: 'Work' },
      { name: 'Loose', url: 'https://loose.example/atom', category: 'Research' },
    ]);
    const text = await readFile(file, 'utf8');
    expect(text.slice(0, SOURCES_START)).toBe(COMMENTED_CONFIG.slice(0, SOURCES_START));
    expect(text.endsWith(COMMENTED_CONFIG.slice(SOURCES_END))).toBe(true);
  });

  test('nothing new leaves the file untouched; a second import adds nothing', async () => {
    const file = await tempConfig();
    await importOpml(file, OPML, {});
    const once = await readFile(file, 'utf8');
    const again = await importOpml(file, OPML, {});
    expect(again.added).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(once);
  });

  test('refuses an unknown default category and a document that is not OPML', async () => {
    const file = await tempConfig();
    await expect(importOpml(file, OPML, { category: 'Sports' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(importOpml(file, '<rss version="2.0"/>', {})).rejects.toMatchObject({ code: 'PARSE' });
    expect(await readFile(file, 'utf8')).toBe(COMMENTED_CONFIG);
  });
});

describe('exportOpml', () => {
  test('export then import into an empty configuration gives the same sources back', async () => {
    const source = await loadConfig(await tempConfig());
    const opml = exportOpml(source);
    expect(opml).toContain('<opml version="2.0">');
    expect(opml).not.toContain('dateCreated');
    const empty = COMMENTED_CONFIG.slice(0, SOURCES_START) + COMMENTED_CONFIG.slice(SOURCES_END);
    const target = await tempConfig(empty);
    const result = await importOpml(target, opml, {});
    expect(result).toEqual({ added: ['TechCrunch AI', 'Lab Notes'], skipped: [] });
    const pick = ({ name, url, category }: { name: string; url: string; category?: string }) => ({
      name,
      url,
      category,
    });
    expect((await loadConfig(target)).sources.map(pick)).toEqual(source.sources.map(pick));
  });

  test('escapes XML in names and URLs', async () => {
    const text = COMMENTED_CONFIG.replace('name: Lab Notes', 'name: "R&D <Lab> \\"Notes\\""').replace(
      'https://lab.example/rss',
      'https://lab.example/rss?a=1&b=2',
    );
    const opml = exportOpml(await loadConfig(await tempConfig(text)));
    expect(opml).toContain('text="R&amp;D &lt;Lab&gt; &quot;Notes&quot;"');
    expect(opml).toContain('xmlUrl="https://lab.example/rss?a=1&amp;b=2"');
  });
});
