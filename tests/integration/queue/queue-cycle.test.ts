// Queue mode end to end (issue 15's "Must show"): real worker processes and a real `run`
// over a real redis-server and a simulated web of three hosts. One worker is killed with
// SIGKILL midway; the cycle still stores every article exactly once, the article files and
// feeds are byte for byte those of a one-process run over the same web, and no host ever
// had more requests in flight than fetch.perHostConcurrency, all workers together.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, startCli, waitFor, type CliRun } from '../../helpers/cli.js';
import { startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { startSimulatedWeb, writeSiteConfig, type SimulatedWeb } from '../../helpers/simulated-web.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('queue-cycle');
const HOSTS = 3;
const ITEMS = 8;
const PER_HOST = 2;

let redis: RedisServer;
let web: SimulatedWeb;
const running: CliRun[] = [];

beforeAll(async () => {
  [redis, web] = await Promise.all([
    startRedisServer(),
    startSimulatedWeb({ hosts: HOSTS, items: ITEMS, pageDelayMs: 150 }),
  ]);
});

afterAll(async () => {
  for (const run of running) run.child.kill('SIGKILL');
  await Promise.all([redis?.stop(), web?.close()]);
});

/** A site folder with its configuration: one process, or queue mode under `prefix`. */
async function siteFolder(queue?: { url: string; prefix: string }): Promise<{ dir: string; config: string }> {
  const dir = await tempDir();
  return { dir, config: await writeSiteConfig(dir, web, { perHost: PER_HOST, queue }) };
}

/** Every file under `root`, by its path inside it: content and modification time. */
async function filesUnder(root: string): Promise<Map<string, { text: string; mtimeMs: number }>> {
  const files = new Map<string, { text: string; mtimeMs: number }>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(root, path), { text: await readFile(path, 'utf8'), mtimeMs: (await stat(path)).mtimeMs });
    }
  };
  await walk(root);
  return files;
}

const texts = (files: Map<string, { text: string }>) => new Map([...files].map(([path, file]) => [path, file.text]));

function startWorkers(count: number, site: { dir: string; config: string }): CliRun[] {
  const workers = Array.from({ length: count }, () =>
    startCli(['worker', '--config', site.config, '--concurrency', '3', '--verbose'], site.dir),
  );
  running.push(...workers);
  return workers;
}

describe('queue mode: three workers, one killed midway', () => {
  test('every article once, the same files and feeds as one process, the per-host limit held fleet-wide; a second run is all 304', async () => {
    const single = await siteFolder();
    const alone = await runCli(['run', '--config', single.config], single.dir);
    expect(alone.code, alone.stderr).toBe(0);
    const expected = await filesUnder(join(single.dir, 'data', 'articles'));
    expect(expected.size).toBe(HOSTS * ITEMS);

    web.resetCounts();
    const site = await siteFolder({ url: redis.url, prefix: 'kill9' });
    const workers = startWorkers(3, site);
    await waitFor(() => workers.every((w) => w.stderr().includes('Worker started')), 30_000, 'three workers');
    const run = startCli(['run', '--config', site.config], site.dir);
    await waitFor(() => web.pageRequests() >= 6, 30_000, 'pages under way');
    // The first worker seen at work is killed while it works: it has fetched pages whose
    // stories it may not have stored.
    const atWork = () => workers.find((w) => /\/story\/\d+/.test(w.stderr()));
    await waitFor(() => atWork() !== undefined, 60_000, 'a worker at work');
    const victim = atWork()!;
    victim.child.kill('SIGKILL');
    expect(await victim.exit).toBe('SIGKILL');
    const survivors = workers.filter((w) => w !== victim);
    const code = await run.exit;
    expect(code, run.stderr()).toBe(0);
    // Counted as one process counts: the killed worker's stories are in the summary too.
    expect(run.stderr()).toMatch(
      /msg="Run finished" sources=3 ok=3 .*newItems=24 written=24 articleErrors=0 duplicates=0/,
    );

    const articles = await filesUnder(join(site.dir, 'data', 'articles'));
    expect(texts(articles)).toEqual(texts(expected));
    for (const feed of ['rss.xml', 'atom.xml', 'feed.json', 'category/business/rss.xml']) {
      const [a, b] = await Promise.all([
        readFile(join(single.dir, 'feeds', feed), 'utf8'),
        readFile(join(site.dir, 'feeds', feed), 'utf8'),
      ]);
      expect(b, feed).toBe(a);
    }
    for (const host of web.hosts) expect(host.maxInFlight).toBeLessThanOrEqual(PER_HOST);
    expect(Math.max(...web.hosts.map((host) => host.maxInFlight))).toBe(PER_HOST);

    // The second run: every feed answers 304, no file is rewritten.
    web.resetCounts();
    const before = await filesUnder(site.dir);
    const again = await runCli(['run', '--config', site.config], site.dir);
    expect(again.code, again.stderr).toBe(0);
    expect(web.hosts.map((host) => host.feedAnswers)).toEqual(web.hosts.map(() => [304]));
    expect(web.pageRequests()).toBe(0);
    const after = await filesUnder(site.dir);
    expect([...after].map(([path, file]) => [path, file.mtimeMs])).toEqual(
      [...before].map(([path, file]) => [path, file.mtimeMs]),
    );

    for (const worker of survivors) worker.child.kill('SIGTERM');
    expect(await Promise.all(survivors.map((worker) => worker.exit))).toEqual([0, 0]);
  }, 180_000);
});
