import { expect, test } from 'vitest';
import { MIN_SHINGLES, nearDuplicateKeys } from '../../../src/dedupe/index.js';
import { BANDS } from '../../../src/dedupe/min-hash.js';
import { articleText, firstPart } from './corpus-texts.js';

const STABLE_KEYS = ['0-1r26htg', '1-ew49dt', '2-a0xyiv'];

const story = articleText('feather-duvet-lung');

test('one key per band, the same on every call, blind to case, punctuation and spacing', () => {
  const keys = nearDuplicateKeys(story);
  expect(keys).toHaveLength(BANDS);
  expect(new Set(keys).size).toBe(BANDS);
  expect(nearDuplicateKeys(story)).toEqual(keys);
  expect(nearDuplicateKeys(story.toUpperCase().replace(/[.,]/g, ' ; ').replace(/ /g, '\n  '))).toEqual(keys);
});

test('keys are stable across versions: a change here orphans every stored index entry', () => {
  // Stores keep these keys for dedupe.windowDays; if the hashing changes on purpose, update
  // these values and say in the release notes that the first window finds fewer copies.
  const text = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
  expect(nearDuplicateKeys(text).slice(0, 3)).toEqual(STABLE_KEYS);
});

test('a truncated copy shares band keys with the whole; another story of the site shares none', () => {
  const keys = new Set(nearDuplicateKeys(story));
  expect(nearDuplicateKeys(firstPart(story, 0.7)).some((key) => keys.has(key))).toBe(true);
  expect(nearDuplicateKeys(articleText('most-detailed-universe-simulation')).some((key) => keys.has(key))).toBe(false);
});

test(`a body under ${MIN_SHINGLES} shingles gets no keys: it is never looked up or merged`, () => {
  const short = 'word '.repeat(MIN_SHINGLES + 1).trim();
  expect(nearDuplicateKeys('')).toEqual([]);
  expect(nearDuplicateKeys('Breaking news: more soon.')).toEqual([]);
  expect(nearDuplicateKeys(firstPart(story, 0.02))).toEqual([]);
  // Many words but one distinct shingle: still too little text.
  expect(nearDuplicateKeys(short)).toEqual([]);
});
