// Queue mode as an operator runs it: Redis restarted in the middle of a cycle (the workers
// reconnect and the cycle completes), a job that cannot succeed ends in the failed set and
// `status` shows it, the state moves between state.json and Redis, several `start`
// processes give one cycle per tick, and the usage errors name what is missing.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, startCli, waitFor, type CliRun } from '../../helpers/cli.js';
import { findFreePort, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { startSimulatedWeb, writeSiteConfig, type SimulatedWeb } from '../../helpers/simulated-web.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('queue-ops');
const HOSTS = 2;
const ITEMS = 6;

let redis: RedisServer;
let web: SimulatedWeb;
const running: CliRun[] = [];

beforeAll(async () => {
  [redis, web] = await Promise.all([
    startRedisServer({ aof: true }),
    startSimulatedWeb({ hosts: HOSTS, items: ITEMS, pageDelayMs: 200 }),
  ]);
});

afterAll(async () => {
  for (const run of running) run.child.kill('SIGKILL');
  await Promise.all([redis?.stop(), web?.close()]);
});

interface Site {
  dir: string;
  config: string;
}

async function siteFolder(
  options: { prefix?: string; url?: string; hosts?: number; schedule?: string } = {},
): Promise<Site> {
  const dir = await tempDir();
  const queue = options.prefix ? { url: options.url ?? redis.url, prefix: options.prefix } : undefined;
  return {
    dir,
    config: await writeSiteConfig(dir, web, { hosts: options.hosts ?? HOSTS, schedule: options.schedule, queue }),
  };
}

function startWorker(site: Site, config = site.config): CliRun {
  const worker = startCli(['worker', '--config', config, '--concurrency', '4'], site.dir);
  running.push(worker);
  return worker;
}

const stopWorkers = async (workers: CliRun[]) => {
  for (const worker of workers) worker.child.kill('SIGTERM');
  return Promise.all(workers.map((worker) => worker.exit));
};

const articleCount = async (site: Site) => (await readdir(join(site.dir, 'data', 'articles'))).length;

describe('queue mode operations', () => {
  test('Redis restarted mid-cycle: the workers reconnect and the cycle completes', async () => {
    web.resetCounts();
    const site = await siteFolder({ prefix: 'restart' });
    const workers = [startWorker(site), startWorker(site)];
    await waitFor(() => workers.every((w) => w.stderr().includes('Worker started')), 30_000, 'workers');
    const run = startCli(['run', '--config', site.config], site.dir);
    running.push(run);
    await waitFor(() => web.pageRequests() >= 3, 30_000, 'pages under way');
    await redis.restart({ downMs: 1500 });
    expect(await run.exit, run.stderr()).toBe(0);
    expect(run.stderr()).toMatch(/msg="Run finished" sources=2 ok=2 .*written=12 /);
    expect(await articleCount(site)).toBe(HOSTS * ITEMS);
    expect(`${workers[0]!.stderr()}${workers[1]!.stderr()}`).toMatch(/Redis connection (lost|back)/);
    expect(await stopWorkers(workers)).toEqual([0, 0]);
  }, 120_000);

  test('a job that cannot succeed ends in the failed set with its error, and status shows it', async () => {
    // The worker's configuration lacks the second source the run queued (a fleet out of step).
    const site = await siteFolder({ prefix: 'failing' });
    const workerSite = await siteFolder({ prefix: 'failing', hosts: 1 });
    const worker = startCli(['worker', '--config', workerSite.config, '--metrics-port', '0'], site.dir);
    running.push(worker);
    await waitFor(() => worker.stderr().includes('Worker started'), 30_000, 'worker');
    const run = await runCli(['run', '--config', site.config, '--force'], site.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Feed job failed.*source="?Desk 2/);
    expect(run.stderr).toMatch(/msg="Run finished" sources=2 ok=1 notModified=0 failed=1 /);
    const status = await runCli(['status', '--config', site.config], site.dir);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(
      /Failed jobs:\n {2}feeds http:\/\/127\.0\.0\.2:\d+\/feed\.xml: source .* is not an enabled source/,
    );
    const json = JSON.parse((await runCli(['status', '--json', '--config', site.config], site.dir)).stdout) as {
      sources: { name: string }[];
      queue: { failed: { queue: string; error: string }[]; counts: Record<string, { failed: number }> };
    };
    expect(json.sources.map((source) => source.name)).toEqual(['Desk 1', 'Desk 2']);
    expect(json.queue.counts.feeds?.failed).toBe(1);
    expect(json.queue.failed[0]).toMatchObject({
      queue: 'feeds',
      error: expect.stringContaining('not an enabled source'),
    });
    // The worker's /metrics tell the same story.
    const metricsUrl = /msg="Serving metrics" url=(\S+)/.exec(worker.stderr())?.[1];
    const metrics = await (await fetch(metricsUrl ?? 'http://127.0.0.1:1/metrics')).text();
    expect(metrics).toMatch(/^feedwright_articles_written_total 6$/m);
    expect(metrics).toMatch(/^feedwright_extractions_total\{method="generic"\} 6$/m);
    expect(metrics).toMatch(/^feedwright_fetches_total\{kind="page",outcome="ok",status="200"\} 6$/m);
    expect(metrics).toMatch(/^feedwright_queue_jobs\{queue="feeds",state="failed"\} 1$/m);
    expect(metrics).toMatch(/^feedwright_last_cycle_timestamp_seconds [1-9]/m);
    expect(await stopWorkers([worker])).toEqual([0]);
  }, 120_000);

  test('state moves from state.json into Redis and back: a switched site fetches nothing again', async () => {
    const alone = await siteFolder();
    expect((await runCli(['run', '--config', alone.config], alone.dir)).code).toBe(0);
    // The same folder switched to queue mode: its state.json imported, no page fetched again.
    const config = await readFile(alone.config, 'utf8');
    const queued = join(alone.dir, 'queued.yaml');
    await writeFile(queued, `${config}\nqueue: { url: "${redis.url}", prefix: moved }\n`);
    const imported = await runCli(['state', 'import', 'data/state.json', '--config', queued], alone.dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/imported 2 sources and 12 items from data\/state\.json/);
    const again = await runCli(['state', 'import', 'data/state.json', '--config', queued], alone.dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds state under "moved" \(use --replace/);
    web.resetCounts();
    const worker = startWorker(alone, queued);
    const run = await runCli(['run', '--config', queued, '--force'], alone.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/newItems=0 written=0 /);
    expect(web.pageRequests()).toBe(0);
    const out = await runCli(['state', 'export', 'exported.json', '--config', queued], alone.dir);
    expect(out.code, out.stderr).toBe(0);
    const exported = JSON.parse(await readFile(join(alone.dir, 'exported.json'), 'utf8')) as { items: object };
    const original = JSON.parse(await readFile(join(alone.dir, 'data', 'state.json'), 'utf8')) as { items: object };
    expect(exported.items).toEqual(original.items);
    expect(await stopWorkers([worker])).toEqual([0]);
  }, 120_000);

  test('two start processes keep one schedule: one cycle per tick, run by a worker', async () => {
    const site = await siteFolder({ prefix: 'sched', schedule: '*/2 * * * * *' });
    const worker = startWorker(site);
    const starts = [0, 1].map(() => {
      const start = startCli(['start', '--no-initial-run', '--config', site.config], site.dir);
      running.push(start);
      return start;
    });
    // Ticks start with the first schedule, not the last.
    await waitFor(() => starts.some((s) => s.stderr().includes('Cycles scheduled')), 30_000, 'a schedule');
    const scheduledAt = Date.now() - 50; // seen at most one poll (20 ms) after it was logged
    await waitFor(() => starts.every((s) => s.stderr().includes('Cycles scheduled')), 30_000, 'schedules');
    const cycles = () => (worker.stderr().match(/msg="Cycle finished"/g) ?? []).length;
    await waitFor(() => cycles() >= 3, 30_000, 'three cycles');
    for (const start of starts) start.child.kill('SIGTERM');
    expect(await Promise.all(starts.map((start) => start.exit))).toEqual([0, 0]);
    const elapsedMs = Date.now() - scheduledAt;
    // A tick every 2 s: one cycle each, never one per start process.
    expect(cycles()).toBeLessThanOrEqual(Math.floor(elapsedMs / 2000) + 1);
    // The last start process to stop took the schedule with it: no more cycles.
    const after = cycles();
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(cycles()).toBe(after);
    expect(await stopWorkers([worker])).toEqual([0]);
  }, 120_000);

  test('an item edited at its source is rewritten once, in place, by the workers', async () => {
    const site = await siteFolder({ prefix: 'edits', hosts: 1 });
    const worker = startWorker(site);
    expect((await runCli(['run', '--config', site.config], site.dir)).code).toBe(0);
    const folder = join(site.dir, 'data', 'articles');
    const files = await readdir(folder);
    const before = new Map(
      await Promise.all(files.map(async (f) => [f, await readFile(join(folder, f), 'utf8')] as const)),
    );
    web.resetCounts();
    web.edit(1, 2);
    const run = await runCli(['run', '--config', site.config], site.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/msg="Run finished" .* updated=1$/m);
    expect(web.pageRequests()).toBe(1);
    const after = new Map(
      await Promise.all(files.map(async (f) => [f, await readFile(join(folder, f), 'utf8')] as const)),
    );
    expect(await readdir(folder)).toEqual(files);
    const rewritten = [...after].filter(([f, text]) => text !== before.get(f));
    expect(rewritten).toHaveLength(1);
    expect(rewritten[0]![1]).toMatch(/^title: 'Desk 1 report 2 on the .* market, corrected'$/m);
    expect(rewritten[0]![1]).toMatch(/^updated: '?20\d\d-/m);
    expect(await stopWorkers([worker])).toEqual([0]);
  }, 120_000);

  test('usage: worker and state need queue mode; an unreachable Redis is named without its password', async () => {
    const alone = await siteFolder();
    const worker = await runCli(['worker', '--config', alone.config], alone.dir);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/"feedwright worker" needs queue mode \(set queue\.url/);
    const noWait = await runCli(['run', '--no-wait', '--config', alone.config], alone.dir);
    expect(noWait.code).toBe(2);
    expect(noWait.stderr).toMatch(/--no-wait needs queue mode/);
    const port = await findFreePort();
    const closed = await siteFolder({ prefix: 'x', url: `redis://:s3cret@127.0.0.1:${port}/0` });
    const run = await runCli(['run', '--config', closed.config], closed.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Unable to reach Redis at redis://127.0.0.1:${port}/0 (queue.url)`);
    expect(run.stderr).not.toContain('s3cret');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);
});
