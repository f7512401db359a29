// The folder rules of src/ (issue 14, README "Layout"), checked on the import graph:
//
// - A folder is a room with one door: from another folder, only `<folder>/index.ts` may be
//   imported. `lib/` is not a stage but a shelf of stage-free helpers: its files are
//   imported directly, and it imports no stage (only other lib files and types.ts).
// - The entry points sit above everything: no folder but commands/ imports cli.ts,
//   cli-help.ts or commands/; only cli.ts, commands/ and pipeline.ts itself import
//   pipeline.ts. types.ts imports nothing.
// - No cycle between rooms (a folder, or a top-level file, is one room).
// - Queue mode (issue 15) sits above the stages: a pipeline stage (fetch, parse, extract,
//   classify, store, publish) never imports queue/; it is handed what it needs (a client, a
//   gate, a callback). metrics/ is a leaf like lib/: it imports only lib/ and types.ts, so
//   any room may report to it without a cycle.
//
// Imports are read as text (static `import`/`export ... from` and dynamic `import('...')`):
// no parser, no dependency. Only relative specifiers are rooms of ours.

import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export interface ImportEdge {
  /** The importing file, relative to src/ (posix separators). */
  from: string;
  /** The imported file, relative to src/, `.js` read as `.ts`. */
  to: string;
  /** The specifier as written. */
  specifier: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

const ENTRY_FILES = new Set(['cli.ts', 'cli-help.ts']);

/** The pipeline's stages: they know nothing of how their work is queued. */
const STAGES = new Set(['fetch', 'parse', 'extract', 'classify', 'store', 'publish']);

/** Leaf rooms: they import only lib/ and types.ts. */
const LEAVES = new Set(['lib', 'metrics']);

/** Every relative import in one file's text. */
export function readImports(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2];
    if (!specifier?.startsWith('.')) continue;
    const to = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
    edges.push({ from: file, to, specifier });
  }
  return edges;
}

/** The room of a file: its top folder under src/, or the file itself when at the top. */
export function roomOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? file : file.slice(0, slash);
}

function ruleBroken(edge: ImportEdge): string | undefined {
  const from = roomOf(edge.from);
  const to = roomOf(edge.to);
  if (from === to) return undefined;
  if (from === 'types.ts') return 'types.ts imports nothing';
  if (LEAVES.has(from) && to !== 'types.ts' && to !== 'lib')
    return `${from}/ imports no stage (only lib/ and types.ts)`;
  if (STAGES.has(from) && to === 'queue') return 'a stage does not import queue/ (queue mode sits above the stages)';
  if ((ENTRY_FILES.has(to) || to === 'commands') && from !== 'commands' && !ENTRY_FILES.has(from)) {
    return 'only the CLI imports cli.ts, cli-help.ts and commands/';
  }
  if (to === 'pipeline.ts' && from !== 'commands' && !ENTRY_FILES.has(from)) {
    return 'only the CLI and commands/ import pipeline.ts';
  }
  if (to !== 'lib' && edge.to.includes('/') && edge.to !== `${to}/index.ts`) {
    return `another folder's internals: import ${to}/index.ts`;
  }
  return undefined;
}

/** The cycles between rooms, each as the list of rooms on it (first repeated last). */
export function findRoomCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    const from = roomOf(edge.from);
    const to = roomOf(edge.to);
    if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to));
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (room: string) => {
    state.set(room, 'open');
    path.push(room);
    for (const to of next.get(room) ?? []) {
      if (state.get(to) === 'open') cycles.push([...path.slice(path.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    path.pop();
    state.set(room, 'done');
  };
  for (const room of [...next.keys()].sort()) if (!state.has(room)) visit(room);
  return cycles;
}

/** Every import that breaks a rule, and one entry per cycle (named by an import on it). */
export function findViolations(files: Map<string, string>): Violation[] {
  const edges = [...files].flatMap(([file, text]) => readImports(file, text));
  const violations: Violation[] = [];
  for (const edge of edges) {
    const rule = ruleBroken(edge);
    if (rule) violations.push({ file: edge.from, specifier: edge.specifier, rule });
  }
  for (const cycle of findRoomCycles(edges)) {
    const edge = edges.find((e) => roomOf(e.from) === cycle[0] && roomOf(e.to) === cycle[1])!;
    violations.push({ file: edge.from, specifier: edge.specifier, rule: `folder cycle: ${cycle.join(' -> ')}` });
  }
  return violations;
}

/** The .ts files under a folder, keyed by their path relative to it. */
export function readSourceTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    files.set(relative(dir, join(dir, entry)).split(sep).join('/'), readFileSync(join(dir, entry), 'utf8'));
  }
  return files;
}
