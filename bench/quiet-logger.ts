// The scenarios' logger: warnings are counted by message, not printed, and come back as
// notes under the bench's table.

import { createLogger, type Logger } from '../src/lib/log.js';

export function quietLogger(warnings: Map<string, number>): Logger {
  const write = (line: string) => {
    const msg = /msg="([^"]*)"/.exec(line)?.[1] ?? line;
    warnings.set(msg, (warnings.get(msg) ?? 0) + 1);
  };
  return createLogger({ level: 'warn', sink: { write } });
}

export function warningNotes(warnings: Map<string, number>): string[] {
  return [...warnings].map(([msg, count]) => `${count}x warn "${msg}"`);
}
