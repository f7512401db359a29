// `feedwright serve`'s /metrics over real HTTP: 200 in Prometheus's text format 0.0.4, the
// requests it answered by status, and when each main feed last changed (its mtime; no
// sample before it is published).
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/lib/log.js';
import { serveFeeds } from '../../src/serve/index.js';
import { findSample, parsePrometheusText } from '../helpers/prometheus-text.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const makeDir = tempDirs('serve-metrics');

async function scrape(url: string) {
  const response = await fetch(new URL('/metrics', url));
  return { response, samples: parsePrometheusText(await response.text()) };
}

describe('serve /metrics', () => {
  test('answers text/plain 0.0.4 with requests by status and the feeds last change', async () => {
    const dir = await makeDir();
    const times = {
      'rss.xml': '2025-04-01T10:00:00Z',
      'atom.xml': '2025-04-02T11:30:00Z',
      'feed.json': '2025-03-30T09:00:00Z',
    };
    for (const [name, time] of Object.entries(times)) {
      await writeFile(join(dir, name), name);
      await utimes(join(dir, name), new Date(time), new Date(time));
    }
    const served = await serveFeeds({ dir, port: 0, logger: silentLogger });
    try {
      expect((await fetch(new URL('/rss.xml', served.url))).status).toBe(200);
      expect((await fetch(new URL('/missing.xml', served.url))).status).toBe(404);
      expect((await fetch(new URL('/missing.xml', served.url))).status).toBe(404);
      const { response, samples } = await scrape(served.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(findSample(samples, 'feedwright_serve_requests_total', { status: '200' })).toBe(1);
      expect(findSample(samples, 'feedwright_serve_requests_total', { status: '404' })).toBe(2);
      for (const [feed, time] of Object.entries(times))
        expect(findSample(samples, 'feedwright_feeds_updated_timestamp_seconds', { feed })).toBe(
          Date.parse(time) / 1000,
        );
      const again = await scrape(served.url);
      expect(findSample(again.samples, 'feedwright_serve_requests_total', { status: '200' })).toBe(2);
      const head = await fetch(new URL('/metrics', served.url), { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    } finally {
      await served.close();
    }
  });

  test('before anything is published, the feeds gauge has no sample (not a zero)', async () => {
    const dir = await makeDir();
    await mkdir(join(dir, 'category'));
    const served = await serveFeeds({ dir, port: 0, logger: silentLogger });
    try {
      const { response, samples } = await scrape(served.url);
      expect(response.status).toBe(200);
      expect(samples.some((s) => s.name === 'feedwright_feeds_updated_timestamp_seconds')).toBe(false);
      expect(samples.some((s) => s.name === 'feedwright_serve_requests_total')).toBe(false);
    } finally {
      await served.close();
    }
  });
});
