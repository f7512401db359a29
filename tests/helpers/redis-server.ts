// A real, private redis-server for a test (Debian's package, never a mock): started on a
// free port on 127.0.0.1 with its own --dir in a temp folder, ready once it answers PING.
// By default nothing is persisted (--save "" --appendonly no); with `aof: true` every write
// goes to an append-only file in that folder, so restart() brings the same data back on the
// same port (a test of "Redis restarted mid-cycle"). stop() ends it, waits for its exit and
// removes the folder it made.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_BINARY = 'redis-server';
const HINT = ' (Debian\'s redis-server 7: "apt-get install redis-server")';

export interface RedisServerOptions {
  /** Keep every write in an append-only file (appendfsync always), so restart() keeps the data. */
  aof?: boolean;
  /** The folder for redis's files; default a fresh temp folder, removed by stop(). */
  dir?: string;
  /** The executable; default `redis-server` on the PATH. */
  binary?: string;
  /** How long to wait for the first PONG; default 10 s. */
  startTimeoutMs?: number;
}

export interface RedisServer {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  dir: string;
  /** Stops it (SIGTERM, then SIGKILL after 5 s), waits for the exit, removes a temp dir. */
  stop(): Promise<void>;
  /** Stops it and starts it again on the same port and dir; `downMs`: time left down between. */
  restart(options?: { downMs?: number }): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port nobody listens on now: bind port 0, read it, close. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function redisArgs(port: number, dir: string, aof: boolean): string[] {
  const persistence = aof ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  return ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir];
}

/** True when a PING on a fresh socket is answered with +PONG within a second. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

interface Started {
  child: ChildProcess;
  exited: Promise<void>;
}

async function launch(port: number, dir: string, options: RedisServerOptions): Promise<Started> {
  const binary = options.binary ?? REDIS_BINARY;
  const child = spawn(binary, redisArgs(port, dir, options.aof ?? false), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let failure: Error | undefined;
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = new Error(`Cannot start ${binary} (${error.code ?? error.message})${HINT}`, { cause: error });
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  running.add(child);
  void exited.then(() => running.delete(child));
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  while (!(await answersPing(port))) {
    if (!failure && child.exitCode !== null) failure = new Error(`${binary} exited at start${HINT}:\n${output}`);
    if (!failure && Date.now() > deadline) failure = new Error(`${binary} did not answer PING${HINT}:\n${output}`);
    if (failure) {
      child.kill('SIGKILL');
      await exited;
      throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { child, exited };
}

async function terminate(started: Started): Promise<void> {
  if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGTERM');
  const killer = setTimeout(() => started.child.kill('SIGKILL'), 5000);
  await started.exited;
  clearTimeout(killer);
}

/** Starts a private redis-server; throws, naming the binary, when it is missing or fails. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'feedwright-redis-')));
  let port = 0;
  let current: Started | undefined;
  // Another process may take the probed port before redis binds it: try a new one.
  for (let attempt = 0; !current; attempt += 1) {
    port = await findFreePort();
    try {
      current = await launch(port, dir, options);
    } catch (error) {
      if (attempt >= 2 || !String(error).includes('Address already in use')) {
        if (ownDir) await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  let live: Started = current;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      await terminate(live);
      if (ownDir) await rm(dir, { recursive: true, force: true });
    },
    async restart(restartOptions = {}) {
      await terminate(live);
      if (restartOptions.downMs) await new Promise((resolve) => setTimeout(resolve, restartOptions.downMs));
      live = await launch(port, dir, options);
    },
  };
}
