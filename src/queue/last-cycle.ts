// When the last cycle ended, kept in Redis by whoever ran it (`run` or a worker's scheduled
// cycle), so every worker's /metrics can tell it.

import type { Redis } from 'ioredis';

const key = (prefix: string) => `${prefix}:last-cycle`;

export async function recordLastCycle(
  redis: Redis,
  prefix: string,
  startedAt: Date,
  durationMs: number,
): Promise<void> {
  await redis.set(key(prefix), JSON.stringify({ startedAt: startedAt.toISOString(), durationMs }));
}

export async function readLastCycle(
  redis: Redis,
  prefix: string,
): Promise<{ startedAt: Date; durationMs: number } | undefined> {
  const text = await redis.get(key(prefix));
  if (!text) return undefined;
  const last = JSON.parse(text) as { startedAt: string; durationMs: number };
  return { startedAt: new Date(last.startedAt), durationMs: last.durationMs };
}
