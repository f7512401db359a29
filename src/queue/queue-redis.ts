// Connections to the Redis of queue mode. Every part (the state store, each BullMQ queue,
// worker and event reader, the host leases) gets its own connection from one factory, so
// a blocking read never stalls a claim; all reconnect on their own after Redis restarts
// (a cycle goes on where it was), and every log line and error names the server without
// its password.

import { Redis } from 'ioredis';
import type { ResolvedConfig } from '../config/index.js';
import { describeError, FeedwrightError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { redactUrl } from '../lib/url.js';

export type QueueConfig = NonNullable<ResolvedConfig['queue']>;

export interface RedisFactory {
  /** A new connection (BullMQ's blocking reads need one each); closed by closeAll. */
  connect(role: string): Redis;
  closeAll(): Promise<void>;
}

/** How long to wait between reconnection attempts: quick at first, then every 2 s. */
const reconnectDelayMs = (attempt: number) => Math.min(100 * 2 ** attempt, 2000);

/** The queue's Redis, checked: a clear error naming the server when it cannot be reached. */
export async function openRedis(queue: QueueConfig, logger: Logger): Promise<RedisFactory> {
  await checkRedis(queue.url);
  const clients = new Set<Redis>();
  let reported = false;
  return {
    connect(role) {
      const client = new Redis(queue.url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelayMs });
      client.on('error', (error: unknown) => {
        // One line per outage, not one per reconnection attempt and connection.
        if (reported) return;
        reported = true;
        logger.warn('Redis connection lost, reconnecting', {
          url: redactUrl(queue.url),
          role,
          err: describeError(error),
        });
      });
      client.on('ready', () => {
        if (reported) logger.info('Redis connection back', { url: redactUrl(queue.url) });
        reported = false;
      });
      clients.add(client);
      return client;
    },
    async closeAll() {
      await Promise.all([...clients].map((client) => client.quit().catch(() => client.disconnect())));
      clients.clear();
    },
  };
}

async function checkRedis(url: string): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 5000,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new FeedwrightError(
      'QUEUE',
      `Unable to reach Redis at ${redactUrl(url)} (queue.url): ${describeError(error)}`,
      {
        stage: 'queue',
        cause: error,
      },
    );
  } finally {
    probe.disconnect();
  }
}
