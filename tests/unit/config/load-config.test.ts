import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { projectRoot } from '../../helpers/paths.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('config');

const VALID = `
site: { title: T, url: https://t.example, author: T }
sources:
  - { name: A, url: https://a.example/feed, category: Work }
categories:
  - { name: Work }
`;

async function configFile(text: string): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = join(dir, 'feedwright.yaml');
  await writeFile(file, text);
  return { dir, file };
}

describe('loadConfig', () => {
  test('the shipped configuration loads, with the TechCrunch feeds and site rules', async () => {
    const config = await loadConfig('config/feedwright.yaml', { cwd: projectRoot });
    expect(config.site.author).toBe('AIVibe');
    expect(config.sources.map((source) => source.url)).toContain('https://techcrunch.com/feed/');
    expect(config.sources.map((source) => source.url)).toContain(
      'https://techcrunch.com/category/artificial-intelligence/feed/',
    );
    expect(config.fetch.allowPrivateNetworks).toBe(false);
    expect(Object.keys(config.siteRules)).toContain('techcrunch.com');
    expect(Object.isFrozen(config.fetch)).toBe(true);
  });

  test('defaults fill what the file leaves out; paths resolve against the working folder', async () => {
    const { dir, file } = await configFile(VALID);
    const config = await loadConfig(file, { cwd: dir });
    expect(config.site.maxItems).toBe(50);
    expect(config.fetch).toMatchObject({
      timeoutMs: 15000,
      concurrency: 16,
      perHostConcurrency: 2,
      maxFeedBytes: 10 * 1024 * 1024,
    });
    expect(config.paths.articles).toBe(join(dir, 'data/articles'));
    expect(config.paths.lock).toBe(join(dir, 'data/state.json.lock'));
    expect(config.sources[0]).toMatchObject({ fullText: true, enabled: true });
  });

  test('updates.windowDays: 3 days by default, 0 turns edits at the source off', async () => {
    const defaults = await configFile(VALID);
    expect((await loadConfig(defaults.file, { cwd: defaults.dir })).updates).toEqual({ windowDays: 3 });
    const off = await configFile(`${VALID}\nupdates: { windowDays: 0 }\n`);
    expect((await loadConfig(off.file, { cwd: off.dir })).updates.windowDays).toBe(0);
  });

  test('CLI overrides win over the file', async () => {
    const { dir, file } = await configFile(VALID);
    const config = await loadConfig(file, { cwd: dir, overrides: { fetch: { timeoutMs: 500 } } });
    expect(config.fetch.timeoutMs).toBe(500);
    expect(config.fetch.concurrency).toBe(16);
  });

  test.each([
    [
      'a bad URL',
      VALID.replace('https://a.example/feed', 'not a url'),
      /feedwright\.yaml: sources\[0\]\.url: must be an absolute http\(s\) URL/,
    ],
    ['an unknown key', `${VALID}\nfetch: { timeout: 5 }\n`, /feedwright\.yaml: fetch: .*timeout/i],
    ['a wrong type', `${VALID}\nfetch: { concurrency: many }\n`, /feedwright\.yaml: fetch\.concurrency:/],
    [
      'an unknown category',
      VALID.replace('category: Work }', 'category: Sports }'),
      /sources\[0\]\.category: "Sports" is not a configured category/,
    ],
    [
      'a bad schedule',
      `${VALID}\nschedule: "every minute"\n`,
      /schedule: "every minute" is not a valid cron expression/,
    ],
    ['broken YAML', 'site: [unclosed', /feedwright\.yaml: line 1: not valid YAML/],
    [
      'no categories',
      VALID.replace('categories:\n  - { name: Work }', 'categories: []'),
      /categories: needs at least one category/,
    ],
    ['a missing site key', VALID.replace('author: T ', ''), /site\.author:/],
    ['an unknown updates key', `${VALID}\nupdates: { days: 3 }\n`, /feedwright\.yaml: updates: .*days/i],
    ['a negative update window', `${VALID}\nupdates: { windowDays: -1 }\n`, /feedwright\.yaml: updates\.windowDays:/],
  ])('%s stops with the file, the key and the reason', async (_name, text, message) => {
    const { dir, file } = await configFile(text);
    await expect(loadConfig(file, { cwd: dir })).rejects.toThrow(message);
  });

  test('a missing file says so', async () => {
    await expect(loadConfig('nope.yaml', { cwd: tmpdir() })).rejects.toMatchObject({
      code: 'CONFIG_NOT_FOUND',
      message: /nope\.yaml: file not found \(feedwright init writes a starter configuration\)/,
    });
  });

  test('a rules file the configuration names must exist; the default one may be absent', async () => {
    const { dir, file } = await configFile(`${VALID}\npaths: { rules: my-rules.yaml }\n`);
    await expect(loadConfig(file, { cwd: dir })).rejects.toThrow(/my-rules\.yaml: file not found/);
    const plain = await configFile(VALID);
    expect((await loadConfig(plain.file, { cwd: plain.dir })).siteRules).toEqual({});
  });

  test('a bad site rule names the rules file and host', async () => {
    const { dir, file } = await configFile(VALID);
    await writeFile(join(dir, 'site-rules.yaml'), 'www.example.com:\n  strip: [nav]\n');
    await expect(loadConfig(file, { cwd: dir })).rejects.toThrow(/site-rules\.yaml: www\.example\.com\.content:/);
  });
});
