// Freshness and back-off hints from response headers: Cache-Control max-age / Expires
// (RFC 9111 §4.2.1) for FetchResult.maxAgeSec, and Retry-After (RFC 9110 §10.2.3), either
// delay-seconds or an HTTP-date, for 429 / 503 replies.

export type HeaderValue = string | string[] | undefined;

function firstValue(value: HeaderValue): string | undefined {
  if (Array.isArray(value)) return value.join(', ');
  return value;
}

function parseHttpDateMs(value: string): number | undefined {
  const trimmed = value.trim();
  // Date.parse accepts far more than HTTP-dates; require at least a day and a time.
  if (!/\d{1,2}:\d{2}/.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The `max-age` directive of a Cache-Control header, in seconds; 0 for no-store/no-cache. */
export function parseCacheControlMaxAgeSec(value: HeaderValue): number | undefined {
  const text = firstValue(value);
  if (!text) return undefined;
  let maxAge: number | undefined;
  for (const part of text.split(',')) {
    const [rawName, rawValue] = part.split('=', 2);
    const name = rawName.trim().toLowerCase();
    if (name === 'no-store' || name === 'no-cache') return 0;
    if (name !== 'max-age' || rawValue === undefined) continue;
    const digits = rawValue.trim().replace(/^"|"$/g, '');
    if (/^\d+$/.test(digits)) maxAge = Number(digits);
  }
  return maxAge;
}

/**
 * Seconds the response stays fresh: Cache-Control max-age first, else Expires measured
 * against the server's own Date header (clock skew cancels out), else against `nowMs`.
 */
export function parseMaxAgeSec(headers: Record<string, HeaderValue>, nowMs: number = Date.now()): number | undefined {
  const fromCacheControl = parseCacheControlMaxAgeSec(headers['cache-control']);
  if (fromCacheControl !== undefined) return fromCacheControl;
  const expires = firstValue(headers['expires']);
  if (!expires) return undefined;
  const expiresMs = parseHttpDateMs(expires);
  // An invalid Expires (often "0" or "-1") means already expired.
  if (expiresMs === undefined) return 0;
  const date = firstValue(headers['date']);
  const baseMs = (date && parseHttpDateMs(date)) || nowMs;
  return Math.max(0, Math.floor((expiresMs - baseMs) / 1000));
}

/** The wait a Retry-After header asks for, in milliseconds; undefined when absent or invalid. */
export function parseRetryAfterMs(value: HeaderValue, nowMs: number = Date.now()): number | undefined {
  const text = firstValue(value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const dateMs = parseHttpDateMs(text);
  if (dateMs === undefined) return undefined;
  return Math.max(0, dateMs - nowMs);
}
