// HTTP decisions for the feeds server, as pure functions: the Content-Type of a
// published file, whether the client takes gzip (RFC 9110 §12.5.3, q-values), and
// whether a conditional GET is answered 304 (RFC 9110 §13.1.2/§13.1.3: If-None-Match
// wins over If-Modified-Since; weak comparison for If-None-Match).

import { basename, extname } from 'node:path';

const BY_NAME: Record<string, string> = {
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
};

const BY_EXTENSION: Record<string, string> = {
  '.opml': 'text/x-opml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

export function findContentType(path: string): string {
  const name = basename(path).toLowerCase();
  return BY_NAME[name] ?? BY_EXTENSION[extname(name)] ?? 'application/octet-stream';
}

/** Text formats gain from gzip; images are already compressed. */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/[\w.+-]*(xml|json)|image\/svg\+xml|text\/javascript)/.test(contentType);
}

/** True when Accept-Encoding allows gzip (explicitly or by `*`) with a non-zero q. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let star: number | undefined;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const weight = Number.isFinite(q) ? q : 0;
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') gzip = weight;
    else if (coding.trim() === '*') star = weight;
  }
  return (gzip ?? star ?? 0) > 0;
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** If-None-Match against every ETag the resource has (identity and gzip variants). */
export function matchesIfNoneMatch(header: string, etags: string[]): boolean {
  const wanted = header.split(',').map((tag) => stripWeak(tag.trim()));
  if (wanted.includes('*')) return true;
  return wanted.some((tag) => etags.includes(tag));
}

/** `nowMs`: an If-Modified-Since later than now is not a valid date (RFC 9110 §13.1.3) and is ignored. */
export function isNotModified(
  headers: { ifNoneMatch?: string; ifModifiedSince?: string },
  validators: { etags: string[]; mtimeMs: number },
  nowMs: number = Date.now(),
): boolean {
  if (headers.ifNoneMatch !== undefined) return matchesIfNoneMatch(headers.ifNoneMatch, validators.etags);
  if (headers.ifModifiedSince === undefined) return false;
  const since = Date.parse(headers.ifModifiedSince);
  if (Number.isNaN(since) || since > nowMs) return false;
  // HTTP dates have whole seconds; compare at that precision.
  return Math.floor(validators.mtimeMs / 1000) * 1000 <= since;
}
