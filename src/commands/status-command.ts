// `feedwright status`: per source, from the state file: last fetch, result, items,
// next fetch, consecutive failures, and the articles whose update at the source was not
// written because an editor changed the file (issue 16). A table for people, --json for programs.

import type { ResolvedConfig } from '../config/index.js';
import { redactUrl } from '../lib/url.js';
import { openJsonStateStore, type ConflictEntry, type StateStore } from '../state/index.js';

/** An article edited by hand whose source changed it since: the file kept, the update not written. */
export interface ConflictStatus {
  file: string;
  /** When the update was skipped (ISO). */
  at: string;
}

export interface SourceStatus {
  name: string;
  url: string;
  enabled: boolean;
  disabled: boolean;
  lastFetchAt: string | null;
  result: string;
  status: number | null;
  items: number | null;
  newItems: number | null;
  nextFetchAt: string | null;
  failures: number;
  error: string | null;
  conflicts: ConflictStatus[];
}

function conflictsOf(entries: ConflictEntry[], url: string): ConflictStatus[] {
  return entries
    .filter((entry) => entry.conflict.source === url)
    .map((entry) => ({ file: `${entry.slug}.md`, at: entry.conflict.at }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export async function collectStatus(config: ResolvedConfig, store?: StateStore): Promise<SourceStatus[]> {
  const state = store ?? (await openJsonStateStore(config.paths.state));
  const known = await Promise.all(config.sources.map((source) => state.findSource(source.url)));
  const conflicts = await state.findConflicts();
  return config.sources.map((source, i) => {
    const st = known[i];
    return {
      name: source.name,
      url: redactUrl(source.url),
      enabled: source.enabled,
      disabled: st?.disabled ?? false,
      lastFetchAt: st?.lastFetchAt ?? null,
      result: !source.enabled ? 'off' : (st?.lastOutcome ?? 'never'),
      status: st?.lastStatus ?? null,
      items: st?.itemCount ?? null,
      newItems: st?.newItems ?? null,
      nextFetchAt: st?.disabled ? null : (st?.nextFetchAt ?? null),
      failures: st?.failures ?? 0,
      error: st?.lastError ?? null,
      conflicts: conflictsOf(conflicts, redactUrl(source.url)),
    };
  });
}

function shortTime(iso: string | null): string {
  return iso ? iso.replace('T', ' ').slice(0, 16) : '-';
}

export function formatStatusTable(rows: SourceStatus[]): string {
  const header = ['SOURCE', 'LAST FETCH', 'RESULT', 'ITEMS', 'NEW', 'NEXT FETCH', 'FAILURES'];
  const body = rows.map((row) => [
    row.name,
    shortTime(row.lastFetchAt),
    row.disabled ? 'gone (disabled)' : row.result + (row.status && row.result === 'error' ? ` ${row.status}` : ''),
    row.items === null ? '-' : String(row.items),
    row.newItems === null ? '-' : String(row.newItems),
    row.disabled ? '-' : shortTime(row.nextFetchAt) === '-' ? 'now' : shortTime(row.nextFetchAt),
    String(row.failures),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const errors = rows.filter((row) => row.error && row.result === 'error').map((row) => `  ${row.name}: ${row.error}`);
  const conflicts = rows.flatMap((row) =>
    row.conflicts.map((conflict) => `  ${row.name}: ${conflict.file} (since ${shortTime(conflict.at)})`),
  );
  return [
    line(header),
    ...body.map(line),
    ...(errors.length ? ['', 'Last errors:', ...errors] : []),
    ...(conflicts.length
      ? ['', 'Conflicts (edited by hand; the update at the source was not written):', ...conflicts]
      : []),
  ].join('\n');
}
