// The PID of a process that has already exited: what a lock or temp file left by a killed
// run carries.
import { spawn } from 'node:child_process';

export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid as number;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}
