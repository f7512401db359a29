// Edits at the source (issue 16): what counts as a new version of a feed entry, and which
// stored items are compared at all.

import { describe, expect, test } from 'vitest';
import { findChangedParts, fingerprintItem, isChangedItem } from '../../../src/state/item-fingerprint.js';
import type { SeenItem } from '../../../src/state/index.js';
import type { FeedItem } from '../../../src/types.js';

const entry = (fields: Partial<FeedItem> = {}): FeedItem => ({
  id: 'x',
  title: 'A title',
  summary: 'A summary',
  contentHtml: '<p>Body</p>',
  updated: '2026-01-05T10:00:00.000Z',
  categories: [],
  authors: [],
  media: [],
  enclosures: [],
  ...fields,
});

const SINCE = new Date('2026-01-03T00:00:00Z');
const stored = (fields: Partial<SeenItem> = {}): SeenItem => ({
  seenAt: '2026-01-04T00:00:00.000Z',
  slug: 'a-title',
  fingerprint: fingerprintItem(entry()),
  fileHash: 'h',
  ...fields,
});

describe('fingerprintItem and findChangedParts', () => {
  test.each([
    ['nothing', {}, []],
    ['the updated date', { updated: '2026-01-06T00:00:00.000Z' }, ['updated']],
    ['the updated date dropped', { updated: undefined }, ['updated']],
    ['the title', { title: 'A title, corrected' }, ['title']],
    ['the summary', { summary: 'A longer summary' }, ['content']],
    ['the full content', { contentHtml: '<p>Body, edited</p>' }, ['content']],
    ['the title and content', { title: 'New', contentHtml: '<p>New</p>' }, ['title', 'content']],
    // The id, link, categories and media are not the story's text.
    ['only the categories and link', { categories: ['AI'], url: 'https://a.example/x?ref=1' }, []],
  ])('%s changed → %j', (_name, fields, parts) => {
    expect(findChangedParts(fingerprintItem(entry()), fingerprintItem(entry(fields)))).toEqual(parts);
  });

  test('the fingerprint is small: hashes, not the text', () => {
    const print = fingerprintItem(entry({ title: 'T'.repeat(5000), contentHtml: 'B'.repeat(100_000) }));
    expect(JSON.stringify(print).length).toBeLessThan(120);
  });
});

describe('isChangedItem', () => {
  const edited = entry({ title: 'A title, corrected' });
  test.each<[string, SeenItem | undefined, FeedItem, Date | undefined, boolean]>([
    ['an edited entry of an item stored within the window', stored(), edited, SINCE, true],
    ['the same entry', stored(), entry(), SINCE, false],
    ['updates off (no window)', stored(), edited, undefined, false],
    ['an item first seen before the window', stored({ seenAt: '2026-01-02T23:59:59.000Z' }), edited, SINCE, false],
    ['an item first seen as the window begins', stored({ seenAt: SINCE.toISOString() }), edited, SINCE, true],
    ['an item stored before fingerprints were kept', stored({ fingerprint: undefined }), edited, SINCE, false],
    [
      'a duplicate of another story (no file of its own)',
      { seenAt: '2026-01-04T00:00:00.000Z', slug: 'other' },
      edited,
      SINCE,
      false,
    ],
    ['an item never seen', undefined, edited, SINCE, false],
  ])('%s → %s', (_name, seen, item, since, changed) => {
    expect(isChangedItem(seen, item, since)).toBe(changed);
  });
});
