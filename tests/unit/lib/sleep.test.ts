import { describe, expect, test } from 'vitest';
import { sleep } from '../../../src/lib/sleep.js';

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
