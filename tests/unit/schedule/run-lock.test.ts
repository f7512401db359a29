import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireRunLock } from '../../../src/schedule/run-lock.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function lockPath(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'feedwright-lock-'));
  dirs.push(dir);
  return join(dir, 'state.json.lock');
}

/** The PID of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid as number;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}

describe('run lock', () => {
  test('holds our PID, refuses a second holder while alive, frees on release', async () => {
    const path = await lockPath();
    const lock = await acquireRunLock(path);
    expect((await readFile(path, 'utf8')).trim()).toBe(String(process.pid));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await writeFile(path, `${sleeper.pid}\n`);
      await expect(acquireRunLock(path)).rejects.toMatchObject({ code: 'LOCKED', message: new RegExp(`pid ${sleeper.pid}`) });
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
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
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
