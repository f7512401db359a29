import { expect, test } from 'vitest';
import { SHINGLE_WORDS, shingleText, tokenizeWords } from '../../../src/dedupe/shingle-text.js';

test.each([
  ['punctuation dropped, lowercase', 'Hello, World! (It’s 2026.)', ['hello', 'world', 'it', 's', '2026']],
  ['compatibility forms folded (NFKC)', 'ﬁne ｆｕｌｌ Ⅻ', ['fine', 'full', 'xii']],
  [
    'accents and other scripts kept as words',
    'Été naïve Привет мир مرحبا بالعالم',
    ['été', 'naïve', 'привет', 'мир', 'مرحبا', 'بالعالم'],
  ],
  ['Hangul words split at spaces', '서울 시장이 말했다', ['서울', '시장이', '말했다']],
  ['Han and kana one character a word', '東京に住む', ['東', '京', 'に', '住', 'む']],
  ['a Latin word next to Han characters stays whole', 'AI模型', ['ai', '模', '型']],
])('words: %s', (_name, text, words) => {
  expect(tokenizeWords(text)).toEqual(words);
});

test('shingles are distinct, ascending, one per run of words, the same for the same words', () => {
  const text = 'one two three four one two three four';
  const shingles = shingleText(text);
  // 6 windows of 3 words, of which "one two three" and "two three four" repeat.
  expect(shingles.length).toBe(8 - SHINGLE_WORDS + 1 - 2);
  expect([...shingles]).toEqual([...new Set(shingles)].sort((a, b) => a - b));
  expect(shingleText('ONE two, three... four; one two three four')).toEqual(shingles);
});

test('word order matters: the same words in another order share fewer shingles', () => {
  const a = shingleText('alpha beta gamma delta epsilon');
  const b = shingleText('epsilon delta gamma beta alpha');
  expect([...a].filter((hash) => b.includes(hash))).toEqual([]);
});

test('no words, no shingles; fewer words than a shingle, one', () => {
  expect(shingleText(' ,.;! ').length).toBe(0);
  expect(shingleText('two words').length).toBe(1);
});
