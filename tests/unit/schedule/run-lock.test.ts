import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { acquireRunLock } from '../../../src/schedule/run-lock.js';
import { deadPid } from '../../helpers/dead-pid.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tempDir = tempDirs('lock');

async function lockPath(): Promise<string> {
  return join(await tempDir(), 'state.json.lock');
}

describe('run lock', () => {
  test('holds our PID, refuses a second holder while alive, frees on release', async () => {
    const path = await lockPath();
    const lock = await acquireRunLock(path);
    expect((await readFile(path, 'utf8')).trim()).toBe(String(process.pid));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await writeFile(path, `${sleeper.pid}\n`);
      await expect(acquireRunLock(path)).rejects.toMatchObject({
        code: 'LOCKED',
        message: new RegExp(`pid ${sleeper.pid}`),
      });
      // A lock that another process holds by now is not ours to remove.
      await lock.release();
      expect((await readFile(path, 'utf8')).trim()).toBe(String(sleeper.pid));
    } finally {
      sleeper.kill();
    }
    await writeFile(path, `${process.pid}\n`);
    await lock.release();
    await expect(readFile(path, 'utf8')).rejects.toThrow();
  });

  test('many contenders for one stale lock: exactly one wins', async () => {
    const path = await lockPath();
    await writeFile(path, `${await deadPid()}\n`);
    const script = `import('${new URL('../../../src/schedule/run-lock.ts', import.meta.url).href}').then(m => m.acquireRunLock(process.argv[1])).then(() => { console.log('won'); setTimeout(() => {}, 1500); }, (e) => console.log(e.code))`;
    const runs = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, path], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      return new Promise<string>((resolve) => child.on('exit', () => resolve(out.trim())));
    });
    const results = await Promise.all(runs);
    expect(results.filter((result) => result === 'won')).toHaveLength(1);
    expect(results.filter((result) => result === 'LOCKED')).toHaveLength(3);
  }, 30_000);

  test('a stale lock left by a dead process is taken over', async () => {
    const path = await lockPath();
    await writeFile(path, `${await deadPid()}\n`);
    const lock = await acquireRunLock(path);
    expect((await readFile(path, 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
  });

  test('a garbage lock file is taken over', async () => {
    const path = await lockPath();
    await writeFile(path, 'not a pid');
    const lock = await acquireRunLock(path);
    await lock.release();
  });
});
