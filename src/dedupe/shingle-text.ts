// A text as a set of word shingles (issue 16): normalized once here, so every caller compares
// the same thing. NFKC, lowercase, punctuation and symbols dropped; a word is a run of
// letters, digits and marks of any script, and each Han, kana, Thai, Lao, Khmer or Myanmar
// character is a word by itself (those scripts write no spaces between words; one
// character per word needs no dictionary and gives the same shingles on every Node).
// A shingle is SHINGLE_WORDS consecutive words, kept as a 32-bit hash: the set is a sorted
// array of distinct hashes, so two sets intersect in one merge pass.

/** Words per shingle: three tolerates a changed word (it spoils three shingles) and still tells stories apart. */
export const SHINGLE_WORDS = 3;

const UNSPACED =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const HAS_UNSPACED = new RegExp(`[${UNSPACED}]`, 'u');
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_OR_CHARACTER = new RegExp(`[${UNSPACED}]|(?:(?![${UNSPACED}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

/** The normalized words of a text, in order (the slower pattern only for text with an unspaced script). */
export function tokenizeWords(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  return normalized.match(HAS_UNSPACED.test(normalized) ? WORD_OR_CHARACTER : WORD) ?? [];
}

/** FNV-1a over a word's UTF-16 units: a fast 32-bit hash. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finalizer: spreads every input bit over the 32 output bits. */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The distinct shingle hashes of a text, ascending. A text shorter than a shingle is one shingle. */
export function shingleText(text: string): Uint32Array {
  const words = tokenizeWords(text).map(hashWord);
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const hashes = new Uint32Array(count);
  for (let start = 0; start < count; start += 1) {
    let hash = 0;
    for (let offset = start; offset < Math.min(words.length, start + SHINGLE_WORDS); offset += 1) {
      hash = mix32(hash ^ words[offset]!) + 0x9e3779b9;
    }
    hashes[start] = hash >>> 0;
  }
  hashes.sort();
  return distinct(hashes);
}

function distinct(sorted: Uint32Array): Uint32Array {
  let kept = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    if (index === 0 || sorted[index] !== sorted[kept - 1]) sorted[kept++] = sorted[index]!;
  }
  return sorted.subarray(0, kept);
}
