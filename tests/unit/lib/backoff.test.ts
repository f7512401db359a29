import { describe, expect, test } from 'vitest';
import { backoffDelayMs, sleep } from '../../../src/lib/backoff.js';

describe('sleep', () => {
  test('rejects with the abort reason', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });

  test('resolves after the wait when not aborted', async () => {
    const startedAt = performance.now();
    await sleep(30, new AbortController().signal);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(25);
  });
});

describe('backoffDelayMs', () => {
  test('doubles per attempt, jitter within [half, full]', () => {
    expect(backoffDelayMs(0, 1000, () => 0)).toBe(500);
    expect(backoffDelayMs(0, 1000, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, 1000, () => 0)).toBe(4000);
    expect(backoffDelayMs(3, 1000, () => 1)).toBe(8000);
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelayMs(2, 100);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });
});
