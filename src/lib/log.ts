// The one logger: readable lines with key=value fields (Miniflux's text format), e.g.
//   time=2026-11-28T01:00:00.000Z level=INFO msg="Feed fetched" stage=fetch source="TechCrunch" status=200
// Messages are constant; variable data goes in fields. Children carry stage/source.
// Every line is written without URL credentials, whatever a caller passed (issue 13).

import { redactCredentials } from './url.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LogSink {
  write(line: string): void;
}

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** An INFO line written at every level but silent: the summary at the end of a cycle. */
  summary(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function formatValue(value: unknown): string {
  if (value instanceof Error) value = value.message;
  if (value instanceof Date) value = value.toISOString();
  if (value !== null && typeof value === 'object') value = JSON.stringify(value);
  const text = redactCredentials(String(value));
  return /^[\w.:/@+-]+$/.test(text) ? text : JSON.stringify(text);
}

export function formatLine(level: LogLevel, msg: string, fields: LogFields, now = new Date()): string {
  const parts = [
    `time=${now.toISOString()}`,
    `level=${level.toUpperCase()}`,
    `msg=${JSON.stringify(redactCredentials(msg))}`,
  ];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${key}=${formatValue(value)}`);
  }
  return parts.join(' ');
}

export function createLogger(options: { level?: LogLevel; sink?: LogSink; fields?: LogFields } = {}): Logger {
  const level = options.level ?? 'info';
  const sink = options.sink ?? { write: (line: string) => process.stderr.write(`${line}\n`) };
  const base = options.fields ?? {};
  const emit = (at: LogLevel, msg: string, fields?: LogFields, always = false) => {
    if (RANK[at] < RANK[level] && !(always && level !== 'silent')) return;
    sink.write(formatLine(at, msg, { ...base, ...fields }));
  };
  return {
    level,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    summary: (msg, fields) => emit('info', msg, fields, true),
    child: (fields) => createLogger({ level, sink, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
