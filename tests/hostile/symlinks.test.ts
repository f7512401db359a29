// Symlinks under feeds/ and data/articles/ that lead out of their folder (issue 13): never
// written through, deleted through or published. Links that stay inside still work.

import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/lib/log.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { serializeArticle } from '../../src/store/article-file.js';
import { deadPid } from '../helpers/dead-pid.js';
import { makeArticle, makeFixture, type PublishFixture } from '../unit/publish/helpers/publish-fixture.js';

let fixture: PublishFixture;
let outside: string;

beforeEach(async () => {
  fixture = await makeFixture();
  outside = await mkdtemp(join(tmpdir(), 'feedwright-outside-'));
});

afterEach(async () => {
  await fixture.cleanup();
  await rm(outside, { recursive: true, force: true });
});

function memoryLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'warn', sink: { write: (line) => lines.push(line) } }), lines };
}

describe('symlinks leading out of their folder', () => {
  test('feeds/category as a symlink to an outside folder gets no file; publish fails naming it', async () => {
    await mkdir(fixture.feedsDir, { recursive: true });
    await symlink(outside, join(fixture.feedsDir, 'category'));
    await expect(publishFeeds(fixture.config, memoryLogger().logger)).rejects.toThrow(/Unable to write/);
    expect(await readdir(outside, { recursive: true })).toEqual([]);
    // The site-wide feeds, under no link, are still written.
    expect(await readFile(join(fixture.feedsDir, 'rss.xml'), 'utf8')).toContain('<rss');
  });

  test('a symlinked folder under feeds/ is not entered by the stale temp-file cleanup', async () => {
    const stale = `.rss.xml.${await deadPid()}.0123abcd.tmp`;
    await writeFile(join(outside, stale), 'not ours');
    await mkdir(fixture.feedsDir, { recursive: true });
    await symlink(outside, join(fixture.feedsDir, 'mirror'));
    await writeFile(join(fixture.feedsDir, stale), 'a real leftover');
    await publishFeeds(fixture.config, memoryLogger().logger);
    expect(await readFile(join(outside, stale), 'utf8')).toBe('not ours');
    expect(await readdir(fixture.feedsDir)).not.toContain(stale);
  });

  test('a feed file that is a symlink to an outside file is replaced, never written through', async () => {
    const target = join(outside, 'victim.txt');
    await writeFile(target, 'keep me');
    await mkdir(fixture.feedsDir, { recursive: true });
    await symlink(target, join(fixture.feedsDir, 'atom.xml'));
    await publishFeeds(fixture.config, memoryLogger().logger);
    expect(await readFile(target, 'utf8')).toBe('keep me');
    expect(await readFile(join(fixture.feedsDir, 'atom.xml'), 'utf8')).toContain('<feed');
  });

  test('data/articles/x.md as a symlink to an outside file is skipped with a warning; a link inside is published', async () => {
    const secret = serializeArticle(makeArticle({ slug: 'secret', title: 'Outside secret', body: 'SECRET-BODY\n' }));
    await writeFile(join(outside, 'secret.md'), secret);
    await symlink(join(outside, 'secret.md'), join(fixture.articlesDir, 'x.md'));
    await writeFile(
      join(fixture.articlesDir, 'inside-target.txt'),
      serializeArticle(makeArticle({ slug: 'inside', title: 'Linked inside' })),
    );
    await symlink(join(fixture.articlesDir, 'inside-target.txt'), join(fixture.articlesDir, 'inside.md'));
    const { logger, lines } = memoryLogger();
    await publishFeeds(fixture.config, logger);
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'index.html']) {
      const text = await readFile(join(fixture.feedsDir, file), 'utf8');
      expect(text, file).not.toMatch(/SECRET-BODY|Outside secret/);
    }
    expect(await readFile(join(fixture.feedsDir, 'rss.xml'), 'utf8')).toContain('Linked inside');
    expect(
      lines.some((line) => line.includes('symlink leading out of the articles folder') && line.includes('file=x.md')),
    ).toBe(true);
  });
});
