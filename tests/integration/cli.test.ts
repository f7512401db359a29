// The real CLI as a child process: locking, crash recovery, the daemon's shutdown, status.

import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listArticleFiles, readArticleFile } from '../../src/store/article-file.js';
import { runCli, startCli, waitFor } from '../helpers/cli.js';
import { pageRequests, startSiteFixture, type SiteFixture } from '../helpers/site-fixture.js';

const fixtures: SiteFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) {
    await fixture.server.close();
    await rm(fixture.dir, { recursive: true, force: true });
  }
});

async function site(items: number): Promise<SiteFixture> {
  const fixture = await startSiteFixture(items);
  fixtures.push(fixture);
  return fixture;
}

async function articlesIn(fixture: SiteFixture) {
  const files = await listArticleFiles(join(fixture.dir, 'data/articles'));
  return Promise.all(files.map((file) => readArticleFile(file)));
}

async function stateOf(fixture: SiteFixture) {
  return JSON.parse(await readFile(join(fixture.dir, 'data/state.json'), 'utf8')) as {
    items: Record<string, { slug?: string }>;
  };
}

describe('feedwright CLI', () => {
  test('--help works on every command', { timeout: 90_000 }, async () => {
    const fixture = await site(1);
    const commands = ['run', 'start', 'publish', 'status', 'validate', 'serve', 'sources', 'init'];
    const results = await Promise.all(commands.map((command) => runCli([command, '--help'], fixture.dir)));
    results.forEach((result, index) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`feedwright ${commands[index]}`);
    });
    const [unknown, extra, version] = await Promise.all([
      runCli(['frobnicate'], fixture.dir),
      runCli(['run', 'now'], fixture.dir),
      runCli(['--version'], fixture.dir),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('run: unexpected argument "now"');
    expect(version.stdout).toMatch(/^feedwright \d+\.\d+\.\d+\n$/);
  });

  test('a bad configuration stops before any fetch, naming file and key (exit 2)', async () => {
    const fixture = await site(1);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      join(fixture.dir, 'bad.yaml'),
      'site: { title: T, url: nope, author: A }\ncategories: [{ name: W }]\n',
    );
    const result = await runCli(['run', '--config', 'bad.yaml'], fixture.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml: site\.url: must be an absolute http\(s\) URL/);
    expect(fixture.server.requests).toHaveLength(0);
  });

  test('run writes articles and feeds, prints a summary; status reports the source', async () => {
    const fixture = await site(3);
    const result = await runCli(['run', '--config', fixture.configFile], fixture.dir);
    expect(result.stderr).toMatch(/msg="Run finished" sources=1 ok=1 notModified=0 failed=0 newItems=3 written=3/);
    expect(result.code).toBe(0);
    expect(await articlesIn(fixture)).toHaveLength(3);
    expect((await stat(join(fixture.dir, 'feeds/rss.xml'))).isFile()).toBe(true);
    const status = await runCli(['status', '--json', '--config', fixture.configFile], fixture.dir);
    expect(JSON.parse(status.stdout)).toMatchObject([
      { name: 'Example News', result: 'ok', items: 3, newItems: 3, failures: 0 },
    ]);
    const table = await runCli(['status', '--config', fixture.configFile], fixture.dir);
    expect(table.stdout).toMatch(/SOURCE\s+LAST FETCH\s+RESULT/);
    expect(table.stdout).toMatch(/Example News\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+ok\s+3\s+3/);
  });

  test('every source failing is exit 1; the summary line is there even with --quiet', async () => {
    const fixture = await site(1);
    fixture.server.route('/feed.xml', (_req, res) => void res.writeHead(500).end('down'));
    const result = await runCli(['run', '--quiet', '--config', fixture.configFile], fixture.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /level=WARN msg="Unable to fetch feed" source="Example News" .*code=HTTP_STATUS status=500/,
    );
    expect(result.stderr).toMatch(
      /level=ERROR msg="Run failed: every source failed" sources=1 ok=0 notModified=0 failed=1/,
    );
    expect(result.stderr).not.toContain('msg="Run started"');
  });

  test('two runs at once: the second exits at once with the lock message (exit 3)', async () => {
    const fixture = await site(12);
    let release: () => void = () => undefined;
    fixture.hold.until = new Promise<void>((resolve) => (release = resolve));
    const first = startCli(['run', '--config', fixture.configFile], fixture.dir);
    await waitFor(() => pageRequests(fixture.server) > 0, 20_000, 'the first run to fetch pages');
    const second = await runCli(['run', '--config', fixture.configFile], fixture.dir);
    release();
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/another feedwright run is in progress \(pid \d+, lock .*state\.json\.lock\)/);
    expect(await first.exit).toBe(0);
    expect(await articlesIn(fixture)).toHaveLength(12);
  });

  test('kill -9 in the middle of a run, then a run again: lock taken over, nothing lost or doubled', async () => {
    const fixture = await site(16);
    fixture.pageDelayMs.value = 250;
    const victim = startCli(['run', '--config', fixture.configFile], fixture.dir);
    await waitFor(() => pageRequests(fixture.server) >= 6, 20_000, 'pages to be requested');
    victim.child.kill('SIGKILL');
    expect(await victim.exit).toBe('SIGKILL');
    const lock = await readFile(join(fixture.dir, 'data/state.json.lock'), 'utf8');
    expect(Number(lock.trim())).toBe(victim.child.pid);
    for (const article of await articlesIn(fixture)) expect(article.title).toMatch(/^Story number \d+$/);
    fixture.pageDelayMs.value = 0;
    const again = await runCli(['run', '--config', fixture.configFile], fixture.dir);
    expect(again.code).toBe(0);
    const articles = await articlesIn(fixture);
    expect(articles).toHaveLength(16);
    expect(new Set(articles.map((article) => article.source)).size).toBe(16);
    const state = await stateOf(fixture);
    expect(Object.keys(state.items)).toHaveLength(16);
    const leftovers = (await readdir(join(fixture.dir, 'data/articles'))).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  test('SIGTERM to the daemon mid-cycle: clean exit 0, lock released, the rest comes next run', async () => {
    const fixture = await site(12);
    let release: () => void = () => undefined;
    fixture.hold.until = new Promise<void>((resolve) => (release = resolve));
    const daemon = startCli(['start', '--config', fixture.configFile], fixture.dir);
    await waitFor(() => pageRequests(fixture.server) >= 2, 20_000, 'the daemon to fetch pages');
    daemon.child.kill('SIGTERM');
    await waitFor(() => daemon.stderr().includes('Daemon stopping'), 10_000, 'the daemon to start stopping');
    fixture.hold.until = undefined;
    release();
    expect(await daemon.exit).toBe(0);
    expect(daemon.stderr()).toContain('msg="Daemon stopped"');
    // Requests under way are cancelled; every file that was written is whole.
    const partial = await articlesIn(fixture);
    expect(partial.length).toBeLessThan(12);
    await expect(readFile(join(fixture.dir, 'data/state.json.lock'), 'utf8')).rejects.toThrow();
    const rest = await runCli(['run', '--config', fixture.configFile], fixture.dir);
    expect(rest.code).toBe(0);
    expect(await articlesIn(fixture)).toHaveLength(12);
  });
});
