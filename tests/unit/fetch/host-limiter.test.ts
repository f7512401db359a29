import { describe, expect, test } from 'vitest';
import { createHostLimiter } from '../../../src/fetch/host-limiter.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('createHostLimiter', () => {
  test('holds a host to perHostConcurrency and forgets idle hosts', async () => {
    const limiter = createHostLimiter({ concurrency: 10, perHostConcurrency: 2 });
    let running = 0;
    let max = 0;
    const gates = Array.from({ length: 5 }, deferred);
    const tasks = gates.map((gate) =>
      limiter.run('Example.com', async () => {
        running += 1;
        max = Math.max(max, running);
        await gate.promise;
        running -= 1;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(running).toBe(2);
    expect(limiter.hostCount).toBe(1);
    for (const gate of gates) gate.resolve();
    await Promise.all(tasks);
    expect(max).toBe(2);
    expect(limiter.hostCount).toBe(0);
  });

  test('a task waiting for a busy host does not take a global slot', async () => {
    const limiter = createHostLimiter({ concurrency: 2, perHostConcurrency: 1 });
    const busy = deferred();
    const order: string[] = [];
    const first = limiter.run('a.example', async () => {
      order.push('a1');
      await busy.promise;
    });
    const queued = limiter.run('a.example', async () => void order.push('a2'));
    const other = limiter.run('b.example', async () => void order.push('b1'));
    await other;
    expect(order).toEqual(['a1', 'b1']);
    busy.resolve();
    await Promise.all([first, queued]);
    expect(order).toEqual(['a1', 'b1', 'a2']);
  });

  test('a failing task releases its slot', async () => {
    const limiter = createHostLimiter({ concurrency: 1, perHostConcurrency: 1 });
    await expect(limiter.run('h', async () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    await expect(limiter.run('h', async () => 'ok')).resolves.toBe('ok');
    expect(limiter.hostCount).toBe(0);
  });
});
