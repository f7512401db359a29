import { expect, test } from 'vitest';
import { createMemoryNearDuplicateIndex, findNearDuplicate, nearDuplicateKeys } from '../../../src/dedupe/index.js';
import { articleText, firstPart } from './corpus-texts.js';

const since = new Date(Date.UTC(2026, 0, 1));
const at = new Date(Date.UTC(2026, 0, 2));

const STORED: Record<string, string> = {
  'duvet-lung': articleText('feather-duvet-lung'),
  'universe-simulation': articleText('most-detailed-universe-simulation'),
  'south-dakota-meth': articleText('471033-south-dakota'),
};

async function storedIndex() {
  const index = createMemoryNearDuplicateIndex();
  for (const [slug, text] of Object.entries(STORED)) await index.add(slug, nearDuplicateKeys(text), at);
  return index;
}

const readText = async (slug: string) => STORED[slug];

test('a truncated copy under other furniture is matched to the stored story, with its keys returned', async () => {
  const copy = `Science | Health\n${firstPart(STORED['universe-simulation']!, 0.75)}\nRead more`;
  const check = await findNearDuplicate(copy, await storedIndex(), { threshold: 0.75, since, readText });
  expect(check.match?.slug).toBe('universe-simulation');
  expect(check.match?.score).toBeGreaterThanOrEqual(0.75);
  expect(check.keys).toEqual(nearDuplicateKeys(copy));
});

test('a different story of a stored site matches nothing', async () => {
  const check = await findNearDuplicate(articleText('471031-new-york-man'), await storedIndex(), {
    threshold: 0.75,
    since,
    readText,
  });
  expect(check.match).toBeUndefined();
  expect(check.keys.length).toBeGreaterThan(0);
});

test('a stored story outside the window, or whose text is gone, is not matched', async () => {
  const index = await storedIndex();
  const copy = STORED['duvet-lung']!;
  const later = { threshold: 0.75, since: new Date(Date.UTC(2026, 0, 3)), readText };
  expect((await findNearDuplicate(copy, index, later)).match).toBeUndefined();
  const gone = { threshold: 0.75, since, readText: async () => undefined };
  expect((await findNearDuplicate(copy, index, gone)).match).toBeUndefined();
});

test('a short body is not looked up at all', async () => {
  let reads = 0;
  const check = await findNearDuplicate('Short item.', await storedIndex(), {
    threshold: 0,
    since,
    readText: async (slug) => {
      reads += 1;
      return STORED[slug];
    },
  });
  expect(check).toEqual({ keys: [] });
  expect(reads).toBe(0);
});

test('a stored body too short to judge is never matched, even at threshold 0', async () => {
  const index = createMemoryNearDuplicateIndex();
  const copy = STORED['duvet-lung']!;
  await index.add('stub', nearDuplicateKeys(copy), at);
  const check = await findNearDuplicate(copy, index, { threshold: 0, since, readText: async () => 'Stub.' });
  expect(check.match).toBeUndefined();
});
