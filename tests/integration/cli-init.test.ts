// `feedwright init [DIR]`: a starter configuration for a fresh folder (a global install
// has nothing else to start from); it loads and validates as is, and never overwrites.

import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { runCli } from '../helpers/cli.js';
import { projectRoot } from '../helpers/paths.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('init');

describe('feedwright init', () => {
  test('writes the shipped starter files into DIR/config, which load as a valid configuration', async () => {
    const dir = await tempDir();
    const result = await runCli(['init', 'site'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(dir, 'site', 'config', 'feedwright.yaml')}`);
    for (const name of ['feedwright.yaml', 'site-rules.yaml']) {
      expect(await readFile(join(dir, 'site', 'config', name), 'utf8')).toBe(
        await readFile(join(projectRoot, 'config', name), 'utf8'),
      );
    }
    const config = await loadConfig('config/feedwright.yaml', { cwd: join(dir, 'site'), overrides: {} });
    expect(config.sources.length).toBeGreaterThan(0);
    expect(Object.keys(config.siteRules)).toContain('techcrunch.com');
  });

  test('without DIR it writes into the current folder', async () => {
    const dir = await tempDir();
    expect((await runCli(['init'], dir)).code).toBe(0);
    expect(await readFile(join(dir, 'config', 'site-rules.yaml'), 'utf8')).toContain('techcrunch.com');
  });

  test('refuses to overwrite: one existing file means nothing is written, exit 1, the file named', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'config'));
    await writeFile(join(dir, 'config', 'site-rules.yaml'), 'mine: {}\n');
    const result = await runCli(['init', '.'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'config', 'site-rules.yaml')} already exists`);
    expect(await readFile(join(dir, 'config', 'site-rules.yaml'), 'utf8')).toBe('mine: {}\n');
    await expect(readFile(join(dir, 'config', 'feedwright.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
