import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic, writeFileIfChanged } from '../../../src/lib/fs.js';
import { deadPid } from '../../helpers/dead-pid.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('fs');

describe('atomic files', () => {
  test('writeFileIfChanged leaves identical bytes (and the mtime) alone', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a', 'rss.xml');
    expect(await writeFileIfChanged(path, 'one')).toBe(true);
    const before = (await stat(path)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await writeFileIfChanged(path, 'one')).toBe(false);
    expect((await stat(path)).mtimeMs).toBe(before);
    expect(await writeFileIfChanged(path, 'two')).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'a'))).toEqual(['rss.xml']);
  });

  test('temp files of dead writers are removed, those of live ones and other files kept', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'category', 'work'), { recursive: true });
    const dead = await deadPid();
    const stale = [`.rss.xml.${dead}.0a1b2c3d.tmp`, join('category', 'work', `.atom.xml.${dead}.deadbeef.tmp`)];
    const live = `.feed.json.${process.pid}.12345678.tmp`;
    for (const name of [...stale, live, 'rss.xml', 'notes.tmp']) await writeFile(join(dir, name), 'x');
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(await removeStaleTempFiles(dir, { recursive: true })).toBe(1);
    const left = (await readdir(dir, { recursive: true })).sort();
    expect(left).toEqual([live, 'category', join('category', 'work'), 'notes.tmp', 'rss.xml'].sort());
    await writeFileAtomic(join(dir, 'rss.xml'), 'new');
    expect(await readFile(join(dir, 'rss.xml'), 'utf8')).toBe('new');
  });
});
