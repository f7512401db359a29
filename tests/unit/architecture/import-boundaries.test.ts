import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findViolations, readImports, readSourceTree } from '../../helpers/import-boundaries.js';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe('the folder rules of src/', () => {
  test('every import under src/ keeps them', () => {
    const files = readSourceTree(SRC);
    expect(files.size).toBeGreaterThan(100);
    const report = findViolations(files).map((v) => `${v.file}: '${v.specifier}' (${v.rule})`);
    expect(report).toEqual([]);
  });

  test('reads static, type-only, re-export, multi-line and dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/index.js';",
      "export { c } from './c/c.js';",
      'import {\n  d,\n  type E,\n} from "../lib/d.js";',
      "const f = await import('../fetch/index.js');",
      "import pLimit from 'p-limit';",
    ].join('\n');
    expect(readImports('extract/x.ts', text).map((edge) => edge.to)).toEqual([
      'extract/a.ts',
      'b/index.ts',
      'extract/c/c.ts',
      'lib/d.ts',
      'fetch/index.ts',
    ]);
  });

  test.each([
    [
      "another folder's internals",
      { 'publish/a.ts': "import { x } from '../store/article-file.js';" },
      "another folder's internals",
    ],
    [
      'a subfolder of another folder',
      { 'pipeline.ts': "import { x } from './extract/pool/extractor-pool.js';" },
      "another folder's internals",
    ],
    [
      "the dedupe folder's internals",
      { 'store/a.ts': "import { bandKeys } from '../dedupe/min-hash.js';" },
      "another folder's internals",
    ],
    ['a stage importing commands/', { 'schedule/a.ts': "import { x } from '../commands/index.js';" }, 'only the CLI'],
    ['a stage importing cli.ts', { 'fetch/a.ts': "const m = await import('../cli.js');" }, 'only the CLI'],
    ['a stage importing pipeline.ts', { 'schedule/a.ts': "import { x } from '../pipeline.js';" }, 'pipeline.ts'],
    ['lib importing a stage', { 'lib/a.ts': "import type { X } from '../fetch/index.js';" }, 'lib/ imports no stage'],
    [
      'metrics importing a stage',
      { 'metrics/a.ts': "import { x } from '../state/index.js';" },
      'metrics/ imports no stage',
    ],
    ['a stage importing queue/', { 'fetch/a.ts': "import { x } from '../queue/index.js';" }, 'does not import queue/'],
    [
      "the queue's internals",
      { 'commands/w.ts': "import { x } from '../queue/host-lease.js';" },
      "another folder's internals",
    ],
  ])('reports %s, naming the file and the import', (_name, files, rule) => {
    const [violation] = findViolations(tree(files));
    const [file, text] = Object.entries(files)[0]!;
    expect(violation?.file).toBe(file);
    expect(text).toContain(`'${violation?.specifier}'`);
    expect(violation?.rule).toContain(rule);
  });

  test('allows a folder door, lib files, types.ts and imports inside a folder', () => {
    const files = tree({
      'publish/a.ts':
        "import { x } from '../store/index.js';\nimport { y } from '../lib/text.js';\nimport type { Z } from '../types.js';",
      'store/b.ts': "import { nearDuplicateKeys } from '../dedupe/index.js';",
      'extract/metadata/a.ts': "import { w } from '../content/b.js';\nimport { v } from '../load-document.js';",
      'commands/run.ts': "import { runOnce } from '../pipeline.js';",
      'metrics/m.ts': "import { x } from '../lib/text.js';\nimport type { Y } from '../types.js';",
      'serve/s.ts': "import { createServeMetrics } from '../metrics/index.js';",
      'commands/worker.ts': "import { createHostLeases } from '../queue/index.js';",
    });
    expect(findViolations(files)).toEqual([]);
  });

  test('reports a cycle between folders', () => {
    const files = tree({
      'state/index.ts': "export { x } from './x.js';",
      'state/x.ts': "import { y } from '../store/index.js';",
      'store/index.ts': "import { x } from '../state/index.js';",
    });
    expect(findViolations(files)).toEqual([
      { file: 'state/x.ts', specifier: '../store/index.js', rule: 'folder cycle: state -> store -> state' },
    ]);
  });
});
