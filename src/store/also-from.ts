// The `alsoFrom` front-matter field (issue 16): the other sources whose near copy of the
// story was merged into this article, each `{ name, url }` with an absolute http(s) URL,
// written after every other field. Read leniently (an entry without both strings is left
// out, as a hand-written file's odd fields are everywhere else); `validate` says what is wrong.

import matter from 'gray-matter';
import { resolveUrl } from '../lib/url.js';
import type { AlsoFromSource } from '../types.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ alsoFrom }` from a front matter's value, or nothing when it has no usable entry. */
export function readAlsoFrom(value: unknown): { alsoFrom?: AlsoFromSource[] } {
  if (!Array.isArray(value)) return {};
  const alsoFrom = value
    .filter(isRecord)
    .filter((entry) => typeof entry.name === 'string' && typeof entry.url === 'string')
    .map((entry) => ({ name: entry.name as string, url: entry.url as string }));
  return alsoFrom.length > 0 ? { alsoFrom } : {};
}

function findEntryProblem(entry: unknown): string | undefined {
  if (!isRecord(entry)) return 'is not a { name, url } pair';
  if (typeof entry.name !== 'string' || entry.name.trim() === '') return 'has no name';
  if (typeof entry.url !== 'string' || resolveUrl(entry.url) === undefined) return 'url is not an absolute http(s) URL';
  return undefined;
}

/** What is wrong with the `alsoFrom` of a file's front matter (text up to its end): [] when nothing. */
export function findAlsoFromProblems(head: string): string[] {
  const value = (matter(head, {}).data as Record<string, unknown>).alsoFrom;
  if (value === undefined) return [];
  if (!Array.isArray(value)) return ['alsoFrom is not a list of { name, url }'];
  return value.flatMap((entry, index) => {
    const problem = findEntryProblem(entry);
    return problem ? [`alsoFrom[${index}] ${problem}`] : [];
  });
}

/** The list with `source` added at its end; the same list when its URL is already there. */
export function addAlsoFrom(list: readonly AlsoFromSource[] | undefined, source: AlsoFromSource): AlsoFromSource[] {
  const current = list ?? [];
  return current.some((entry) => entry.url === source.url) ? [...current] : [...current, source];
}
