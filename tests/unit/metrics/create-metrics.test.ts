// The worker's recorder: each call lands in the right series on its own registry, the
// queue and lease gauges are read at each scrape (a failed read leaves them empty and is
// counted), and two recorders in one process do not share anything.
import { describe, expect, test } from 'vitest';
import { createMetrics } from '../../../src/metrics/index.js';
import { findSample, parsePrometheusText, samplesNamed } from '../../helpers/prometheus-text.js';

const scrape = async (metrics: ReturnType<typeof createMetrics>) =>
  parsePrometheusText(await metrics.registry.metrics());

describe('createMetrics', () => {
  test('fetches by kind, outcome and status, with their durations in seconds', async () => {
    const metrics = createMetrics();
    metrics.recordFetch({ kind: 'feed', outcome: 'ok', status: 200, durationMs: 40 });
    metrics.recordFetch({ kind: 'feed', outcome: 'ok', status: 200, durationMs: 700 });
    metrics.recordFetch({ kind: 'page', outcome: 'timeout', durationMs: 15_000 });
    const samples = await scrape(metrics);
    expect(findSample(samples, 'feedwright_fetches_total', { kind: 'feed', outcome: 'ok', status: '200' })).toBe(2);
    expect(findSample(samples, 'feedwright_fetches_total', { kind: 'page', outcome: 'timeout', status: '' })).toBe(1);
    const bucket = (le: string, kind = 'feed') =>
      findSample(samples, 'feedwright_fetch_duration_seconds_bucket', { kind, le });
    expect([bucket('0.05'), bucket('0.5'), bucket('1'), bucket('+Inf')]).toEqual([1, 1, 2, 2]);
    expect(findSample(samples, 'feedwright_fetch_duration_seconds_sum', { kind: 'feed' })).toBeCloseTo(0.74);
    expect(bucket('10', 'page')).toBe(0);
    expect(bucket('30', 'page')).toBe(1);
  });

  test('extractions by method, their durations, articles written and the last cycle', async () => {
    const metrics = createMetrics();
    metrics.recordExtraction('readability', 120);
    metrics.recordExtraction('site-rule', 8);
    metrics.recordExtraction('feed');
    metrics.recordArticleWritten();
    metrics.recordArticleWritten();
    metrics.recordCycle(new Date('2025-04-01T10:00:00Z'), 12_500);
    const samples = await scrape(metrics);
    expect(findSample(samples, 'feedwright_extractions_total', { method: 'readability' })).toBe(1);
    expect(findSample(samples, 'feedwright_extractions_total', { method: 'feed' })).toBe(1);
    expect(findSample(samples, 'feedwright_extraction_duration_seconds_count', { method: 'site-rule' })).toBe(1);
    expect(
      findSample(samples, 'feedwright_extraction_duration_seconds_bucket', { method: 'site-rule', le: '0.01' }),
    ).toBe(1);
    expect(findSample(samples, 'feedwright_extraction_duration_seconds_count', { method: 'feed' })).toBeUndefined();
    expect(findSample(samples, 'feedwright_articles_written_total')).toBe(2);
    expect(findSample(samples, 'feedwright_last_cycle_timestamp_seconds')).toBe(
      Date.parse('2025-04-01T10:00:12.500Z') / 1000,
    );
    expect(findSample(samples, 'feedwright_last_cycle_duration_seconds')).toBe(12.5);
  });

  test('queue depths and leases are read at each scrape; hosts gone from the source are gone', async () => {
    const metrics = createMetrics();
    let leases: Record<string, number> = { 'techcrunch.com': 2, 'example.org': 1 };
    metrics.setLeaseSource(async () => leases);
    metrics.setQueueDepthSource(() => [
      { queue: 'feed', state: 'waiting', count: 3 },
      { queue: 'page', state: 'active', count: 16 },
    ]);
    let samples = await scrape(metrics);
    expect(findSample(samples, 'feedwright_host_leases_in_use', { host: 'techcrunch.com' })).toBe(2);
    expect(findSample(samples, 'feedwright_queue_jobs', { queue: 'page', state: 'active' })).toBe(16);
    leases = { 'example.org': 1 };
    samples = await scrape(metrics);
    expect(samplesNamed(samples, 'feedwright_host_leases_in_use').map((s) => s.labels.host)).toEqual(['example.org']);
  });

  test('a source that fails leaves its gauge empty and is counted; the scrape still answers', async () => {
    const metrics = createMetrics();
    metrics.setLeaseSource(async () => {
      throw new Error('Connection is closed.');
    });
    metrics.recordArticleWritten();
    const samples = await scrape(metrics);
    expect(samplesNamed(samples, 'feedwright_host_leases_in_use')).toEqual([]);
    expect(findSample(samples, 'feedwright_metrics_source_errors_total', { source: 'leases' })).toBe(1);
    expect(findSample(samples, 'feedwright_articles_written_total')).toBe(1);
  });

  test('two recorders keep their own counts (no global registry)', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.recordArticleWritten();
    expect(findSample(await scrape(first), 'feedwright_articles_written_total')).toBe(1);
    expect(findSample(await scrape(second), 'feedwright_articles_written_total')).toBe(0);
  });
});

describe('a source that never answers (Redis down)', () => {
  test('is given up after sourceTimeoutMs: the scrape answers, the gauge is empty, the miss counted', async () => {
    const metrics = createMetrics({ sourceTimeoutMs: 50 });
    metrics.setQueueDepthSource(() => new Promise(() => {}));
    metrics.setLeaseSource(() => ({ 'example.org': 1 }));
    const samples = await scrape(metrics);
    expect(samplesNamed(samples, 'feedwright_queue_jobs')).toEqual([]);
    expect(findSample(samples, 'feedwright_metrics_source_errors_total', { source: 'queue' })).toBe(1);
    expect(findSample(samples, 'feedwright_host_leases_in_use', { host: 'example.org' })).toBe(1);
  });
});
