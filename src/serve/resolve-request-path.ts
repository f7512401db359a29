// Maps a request target to a file path inside the served folder, or says why not.
// Contract: only origin-form targets (`/path?query`) are accepted; the path is
// percent-decoded once; a NUL, a backslash, a `..` or `.` segment (also when it was
// written `%2e%2e`), or bad percent-encoding is refused as 'bad' (400), never
// normalized away, so nothing can climb out of the folder. A path with a hidden segment
// (a dotfile such as .htpasswd, or our own `.name.tmp` temp files) or a `.tmp` name is
// 'hidden' (404): it was never published. Pure: no I/O.

import { join, resolve } from 'node:path';
import { isInsideFolder } from '../lib/confine-path.js';

export type RequestPath =
  | {
      kind: 'ok';
      path: string /** The URL path ends with `/`. */;
      isFolder: boolean;
      urlPath: string /** `?...` or ''. */;
      query: string;
    }
  | { kind: 'bad'; reason: string }
  | { kind: 'hidden' };

function decodePath(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export function resolveRequestPath(root: string, target: string | undefined): RequestPath {
  if (!target?.startsWith('/') || target.startsWith('//')) return { kind: 'bad', reason: 'not an origin-form path' };
  const urlPath = target.split(/[?#]/, 1)[0];
  const query = /\?[^#]*/.exec(target)?.[0] ?? '';
  const decoded = decodePath(urlPath);
  if (decoded === undefined) return { kind: 'bad', reason: 'bad percent-encoding' };
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad', reason: 'forbidden character' };
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return { kind: 'bad', reason: 'dot segment' };
  if (segments.some((segment) => segment.startsWith('.') || segment.endsWith('.tmp'))) return { kind: 'hidden' };
  const base = resolve(root);
  const path = join(base, ...segments);
  if (!isInsideFolder(base, path)) return { kind: 'bad', reason: 'outside the folder' };
  return { kind: 'ok', path, isFolder: decoded.endsWith('/'), urlPath, query };
}
