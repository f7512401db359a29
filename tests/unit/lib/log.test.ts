import { describe, expect, test } from 'vitest';
import { createLogger, formatLine } from '../../../src/lib/log.js';

function capture(level: 'debug' | 'info' | 'warn' | 'silent') {
  const lines: string[] = [];
  const logger = createLogger({ level, sink: { write: (line) => lines.push(line) }, fields: { stage: 'fetch' } });
  return { logger, lines };
}

describe('logger', () => {
  test('key=value fields, constant message, quoting only where needed', () => {
    const line = formatLine(
      'warn',
      'Unable to fetch feed',
      { source: 'Tech Crunch', url: 'https://a.example/feed', status: 503, err: new Error('boom') },
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(line).toBe(
      'time=2026-01-01T00:00:00.000Z level=WARN msg="Unable to fetch feed" source="Tech Crunch" url=https://a.example/feed status=503 err=boom',
    );
  });

  test('children carry their fields; levels filter', () => {
    const { logger, lines } = capture('info');
    logger.child({ source: 'A' }).debug('hidden');
    logger.child({ source: 'A' }).info('shown', { count: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/level=INFO msg="shown" stage=fetch source=A count=2$/);
  });

  test('the summary line is written under --quiet (warn), not when silent', () => {
    const quiet = capture('warn');
    quiet.logger.info('Feed processed');
    quiet.logger.summary('Run finished', { written: 3 });
    expect(quiet.lines).toHaveLength(1);
    expect(quiet.lines[0]).toMatch(/level=INFO msg="Run finished" stage=fetch written=3$/);
    const silent = capture('silent');
    silent.logger.summary('Run finished');
    expect(silent.lines).toEqual([]);
  });
});
