// The test helper that starts a real redis-server: it answers PING through ioredis, an AOF
// server restarted on the same port keeps its data, stop() ends the process, and a
// missing binary is named with the package to install.
import { access } from 'node:fs/promises';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, test } from 'vitest';
import { findFreePort, startRedisServer } from '../../helpers/redis-server.js';

describe('startRedisServer', () => {
  test('answers PING on 127.0.0.1, and restart with AOF keeps the data on the same port', async () => {
    const server = await startRedisServer({ aof: true });
    const redis = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 50 });
    redis.on('error', () => {}); // refused connections while it restarts, retried
    try {
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      expect(await redis.ping()).toBe('PONG');
      await redis.set('kept', 'yes');
      await server.restart({ downMs: 100 });
      expect(await redis.get('kept')).toBe('yes');
    } finally {
      redis.disconnect();
      await server.stop();
    }
    await expect(access(server.dir)).rejects.toThrow();
  });

  test('without AOF, a restart starts empty; after stop() nothing answers on the port', async () => {
    const server = await startRedisServer();
    const redis = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 50 });
    redis.on('error', () => {}); // refused connections while it restarts, retried
    try {
      await redis.set('lost', 'yes');
      await server.restart();
      expect(await redis.get('lost')).toBeNull();
    } finally {
      redis.disconnect();
      await server.stop();
    }
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: server.port });
      socket.once('connect', () => {
        resolve('connected');
        socket.destroy();
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  test('a missing binary is named, with the package to install', async () => {
    await expect(startRedisServer({ binary: 'redis-server-not-installed' })).rejects.toThrow(
      /redis-server-not-installed \(ENOENT\).*apt-get install redis-server/,
    );
  });

  test('findFreePort gives a port that can be bound', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(1023);
    expect(port).toBeLessThan(65536);
  });
});
