import { createHash } from 'node:crypto';

/** A short, stable hex digest for ids and file names. */
export function hashId(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}
