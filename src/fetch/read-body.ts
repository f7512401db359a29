// Reads a response body with a byte cap enforced while streaming: the stream is destroyed
// as soon as the cap is passed, so an endless or oversized body costs at most `maxBytes`
// (plus one chunk) of memory. The cap applies to decompressed bytes, which also stops
// compression bombs.

import type { Readable } from 'node:stream';
import { fetchError, toFetchError } from './fetch-error.js';

export async function readBody(stream: Readable, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      total += buffer.length;
      if (total > maxBytes) {
        stream.destroy();
        throw fetchError('TOO_LARGE', `Response body exceeds ${maxBytes} bytes`, url);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    stream.destroy();
    throw toFetchError(error, url);
  }
  return Buffer.concat(chunks, total);
}

/** Throws TOO_LARGE up front when the declared Content-Length is already over the cap. */
export function assertContentLength(value: string | undefined, maxBytes: number, url: string): void {
  if (value === undefined || !/^\d+$/.test(value.trim())) return;
  const length = Number(value.trim());
  if (length > maxBytes) {
    throw fetchError('TOO_LARGE', `Content-Length ${length} exceeds ${maxBytes} bytes`, url);
  }
}
