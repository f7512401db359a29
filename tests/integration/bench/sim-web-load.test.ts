// The bench's measurements of queue mode (bench/run-queue-scenario.ts) read two things this
// checks on real servers and processes: the simulated web's count of requests in flight,
// per host and over the whole web, and another process's peak RSS and CPU from /proc.

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readProcStats } from '../../../bench/proc-stats.js';
import { startSimWeb, type SimWeb } from '../../../bench/sim-web.js';
import { deadPid } from '../../helpers/dead-pid.js';

let web: SimWeb;

beforeAll(async () => {
  const options = { seed: 7, sources: 2, itemsPerSource: 1, minLatencyMs: 150, maxLatencyMs: 150 };
  web = await startSimWeb({ ...options, errorRate: 0, hangRate: 0, hangMs: 0 }, []);
});

afterAll(() => web?.close());

/** A GET with a fresh connection each time; resolves with the status once the body is read. */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bench simulated web: requests in flight', () => {
  test('counts the most in flight on one host and on the whole web, then starts again', async () => {
    const [first, second] = web.sources;
    const statuses = await Promise.all([
      get(first!.url),
      get(`${first!.url}?again`),
      get(`${first!.url}?third`),
      get(second!.url),
    ]);
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(web.takePeakInFlight()).toEqual({ perHost: 3, total: 4 });
    await get(second!.url);
    expect(web.takePeakInFlight()).toEqual({ perHost: 1, total: 1 });
    expect(web.takePeakInFlight()).toEqual({ perHost: 0, total: 0 });
  });
});

describe('bench /proc reading', () => {
  test("reads a live process's peak RSS and CPU, and nothing of an exited one", async () => {
    // 256 MB written now: the peak is at least what is resident with it (getrusage's maxRSS
    // is no yardstick here, as Linux keeps it across exec from the process that forked us).
    const held = Buffer.alloc(256 * 1024 * 1024, 1);
    const residentBytes = process.memoryUsage().rss;
    const own = readProcStats(process.pid);
    expect(own).toBeDefined();
    expect(own!.peakRssBytes).toBeGreaterThanOrEqual(residentBytes * 0.95);
    expect(own!.peakRssBytes).toBeGreaterThan(held.length);
    const cpu = process.cpuUsage();
    expect(own!.cpuMs).toBeGreaterThan(((cpu.user + cpu.system) / 1000) * 0.5);
    expect(readProcStats(await deadPid())).toBeUndefined();
  });
});
