import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { resolveItemId, uuidV5 } from '../../../src/publish/item-id.js';

describe('resolveItemId', () => {
  test('uuidV5 agrees with Python uuid.uuid5(NAMESPACE_URL, name)', () => {
    const names = ['https://techcrunch.com/2025/11/03/lambda/', 'slug:été', 'abc123'];
    const script = 'import sys, uuid\nfor n in sys.argv[1:]: print(uuid.uuid5(uuid.NAMESPACE_URL, n))';
    const python = execFileSync('/usr/bin/python3', ['-c', script, ...names], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(names.map(uuidV5)).toEqual(python);
  });

  test.each([
    [
      'an absolute extra.id is kept',
      { slug: 's', source: 'https://a.example/x', extra: { id: 'tag:aivibe.example,2025:s' } },
      'tag:aivibe.example,2025:s',
    ],
    [
      'a bare extra.id is hashed',
      { slug: 's', source: 'https://a.example/x', extra: { id: 'abc123' } },
      `urn:uuid:${uuidV5('abc123')}`,
    ],
    [
      'else the source',
      { slug: 's', source: 'https://a.example/x', extra: {} },
      `urn:uuid:${uuidV5('https://a.example/x')}`,
    ],
    ['else the slug', { slug: 's', source: '', extra: {} }, `urn:uuid:${uuidV5('slug:s')}`],
  ])('%s', (_name, article, id) => {
    expect(resolveItemId(article)).toBe(id);
  });

  test('the title plays no part, and ids of different sources differ', () => {
    const a = resolveItemId({ slug: 'a', source: 'https://a.example/1', extra: {} });
    const b = resolveItemId({ slug: 'a', source: 'https://a.example/2', extra: {} });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
