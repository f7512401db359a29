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
    const own = readProcStats(process.pid);
    expect(own).toBeDefined();
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    expect(own!.peakRssBytes).toBeGreaterThan(maxRssBytes * 0.8);
    expect(own!.peakRssBytes).toBeLessThan(maxRssBytes * 1.2);
    const cpu = process.cpuUsage();
    expect(own!.cpuMs).toBeGreaterThan(((cpu.user + cpu.system) / 1000) * 0.5);
    expect(readProcStats(await deadPid())).toBeUndefined();
  });
});
