import { describe, expect, test } from 'vitest';
import { parseCacheControlMaxAgeSec, parseMaxAgeSec, parseRetryAfterMs } from '../../../src/fetch/cache-policy.js';

const NOW = Date.parse('2025-04-01T10:00:00Z');

describe('parseCacheControlMaxAgeSec', () => {
  test.each([
    ['max-age=600', 600],
    ['public, max-age=3600, must-revalidate', 3600],
    ['MAX-AGE="120"', 120],
    ['s-maxage=100', undefined],
    ['no-cache', 0],
    ['private, no-store, max-age=600', 0],
    ['max-age=abc', undefined],
    ['', undefined],
  ])('%j → %s', (value, expected) => {
    expect(parseCacheControlMaxAgeSec(value)).toBe(expected);
  });
});

describe('parseMaxAgeSec', () => {
  test('Cache-Control wins over Expires', () => {
    expect(parseMaxAgeSec({ 'cache-control': 'max-age=60', expires: 'Tue, 01 Apr 2025 11:00:00 GMT' }, NOW)).toBe(60);
  });

  test('Expires is measured against the server Date header', () => {
    const headers = { expires: 'Tue, 01 Apr 2025 11:00:00 GMT', date: 'Tue, 01 Apr 2025 10:30:00 GMT' };
    expect(parseMaxAgeSec(headers, NOW)).toBe(1800);
  });

  test('Expires without Date is measured against now', () => {
    expect(parseMaxAgeSec({ expires: 'Tue, 01 Apr 2025 11:00:00 GMT' }, NOW)).toBe(3600);
  });

  test('an invalid or past Expires means already stale', () => {
    expect(parseMaxAgeSec({ expires: '0' }, NOW)).toBe(0);
    expect(parseMaxAgeSec({ expires: 'Mon, 31 Mar 2025 10:00:00 GMT' }, NOW)).toBe(0);
  });

  test('no freshness headers gives undefined', () => {
    expect(parseMaxAgeSec({}, NOW)).toBeUndefined();
  });
});

describe('parseRetryAfterMs', () => {
  test.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 01 Apr 2025 10:02:00 GMT', 120_000],
    ['Mon, 31 Mar 2025 10:00:00 GMT', 0],
    ['-5', undefined],
    ['soon', undefined],
    ['1.5', undefined],
    [undefined, undefined],
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfterMs(value, NOW)).toBe(expected);
  });
});
