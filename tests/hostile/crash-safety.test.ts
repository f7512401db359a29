// Crash safety: the real CLI is killed (SIGKILL) at seeded random points of runs against
// the local site, as many times as fit in about 20 s (at least 8). After each kill the
// data folder must hold: parseable article files, outputs and state; state and files in
// agreement; one file per story; nothing seen before the kill lost. An article the test
// deletes never comes back. A final clean run brings everything to the full set and
// leaves no temp file behind.

import { rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';
import { feedXml, startSiteFixture, type SiteFixture } from '../helpers/site-fixture.js';
import { checkStore, findTempFiles } from './helpers/check-store.js';
import { createPrng } from './helpers/prng.js';

const SEED = 7_031;
const TOTAL_ITEMS = 90;
const BUDGET_MS = 20_000;
const MIN_KILLS = 8;

let fixture: SiteFixture | undefined;
afterAll(async () => {
  await fixture?.server.close();
  if (fixture) await rm(fixture.dir, { recursive: true, force: true });
});

/**
 * Starts a run and kills it at a random moment of its life: start-up, fetching, extraction,
 * file writes, the state save or publishing. `horizon.ms` follows the length of the last
 * run that finished before its kill, so the kill points spread over a whole run.
 */
async function killAtRandomPoint(
  site: SiteFixture,
  horizon: { ms: number },
  random: () => number,
): Promise<number | string> {
  const started = Date.now();
  const run = startCli(['run', '--config', site.configFile, '--quiet'], site.dir);
  const delayMs = Math.floor(random() * horizon.ms);
  await Promise.race([run.exit, new Promise((resolve) => setTimeout(resolve, delayMs))]);
  if (run.child.exitCode !== null) horizon.ms = Date.now() - started;
  else run.child.kill('SIGKILL');
  return run.exit;
}

describe('SIGKILL at random points of runs', () => {
  test('no file is cut, lost or doubled, and a clean run completes the set', async () => {
    const site = await startSiteFixture(TOTAL_ITEMS);
    fixture = site;
    site.pageDelayMs.value = 10;
    const prng = createPrng(SEED);
    let visible = 10;
    site.server.route(
      '/feed.xml',
      (_req, res) =>
        void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(site.server.origin, visible)),
    );
    const deleted = new Set<string>();
    const seen = new Map<string, string>();
    const started = Date.now();
    let kills = 0;
    // A first clean run gives the length of a whole run (the kill horizon) and an
    // article for the editor to delete.
    const firstStarted = Date.now();
    expect((await runCli(['run', '--config', site.configFile, '--quiet'], site.dir)).code).toBe(0);
    const horizon = { ms: Date.now() - firstStarted };
    const first = await checkStore(site.dir, deleted);
    expect(first.problems).toEqual([]);
    const firstSlug = [...first.files.values()][0];
    await unlink(join(site.dir, 'data', 'articles', `${firstSlug}.md`));
    deleted.add(firstSlug);
    for (const [source, slug] of first.files) seen.set(source, slug);
    visible += 8;
    while (kills < MIN_KILLS || Date.now() - started < BUDGET_MS) {
      const outcome = await killAtRandomPoint(site, horizon, prng.next);
      if (outcome === 'SIGKILL') kills += 1;
      const snapshot = await checkStore(site.dir, deleted);
      expect(snapshot.problems).toEqual([]);
      for (const [source, slug] of seen) if (!deleted.has(slug)) expect(snapshot.files.get(source), source).toBe(slug);
      for (const [source, slug] of snapshot.files) seen.set(source, slug);
      if (deleted.size < 3) {
        // An editor deletes an article whose item is recorded: it must never come back.
        const recorded = new Set(Object.values(snapshot.state.items).map((item) => item.slug));
        const slug = [...snapshot.files.values()].find(
          (candidate) => !deleted.has(candidate) && recorded.has(candidate),
        );
        if (slug) {
          await unlink(join(site.dir, 'data', 'articles', `${slug}.md`));
          deleted.add(slug);
        }
      }
      visible = Math.min(TOTAL_ITEMS, visible + 8);
      if (kills >= 40) break;
    }
    const final = await runCli(['run', '--config', site.configFile, '--quiet'], site.dir);
    expect(final.code, final.stderr).toBe(0);
    const snapshot = await checkStore(site.dir, deleted);
    expect(snapshot.problems).toEqual([]);
    expect(snapshot.files.size + deleted.size).toBe(visible);
    for (const slug of deleted) expect([...snapshot.files.values()]).not.toContain(slug);
    expect(await findTempFiles(site.dir)).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    console.log(`crash-safety: ${kills} kills, ${visible} items, ${deleted.size} deleted`);
  }, 90_000);
});
