// Keyword matching for classification: whole words (Unicode letters and digits as word
// characters), case-insensitive, so "AI" matches "AI-powered" but not "said".

const cache = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function keywordPattern(keyword: string): RegExp {
  let pattern = cache.get(keyword);
  if (!pattern) {
    const words = keyword.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`, 'giu');
    cache.set(keyword, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** How many times `keyword` occurs in `text` as a whole word, counting at most `cap`. */
export function countKeyword(text: string, keyword: string, cap = 10): number {
  const pattern = keywordPattern(keyword);
  let count = 0;
  while (count < cap && pattern.exec(text)) count += 1;
  pattern.lastIndex = 0;
  return count;
}

function hasKeyword(text: string, keyword: string): boolean {
  return countKeyword(text, keyword, 1) > 0;
}

/** The first keyword of `keywords` that occurs in `text`, if any. */
export function findKeyword(text: string, keywords: readonly string[]): string | undefined {
  return keywords.find((keyword) => hasKeyword(text, keyword));
}
