// DESIGN.md's excerpt rule: the body's plain text, whitespace collapsed, the first 150
// characters + "..." (the whole text, without "...", when it is 150 characters or fewer).
// Characters are code points, so an emoji or CJK surrogate pair is never cut in half.

import { collapseWhitespace } from './text.js';

const EXCERPT_LENGTH = 150;

/** Used for the front matter's excerpt (classify) and a feed item's summary when it has none (publish). */
export function makeExcerpt(text: string, length = EXCERPT_LENGTH): string {
  const collapsed = collapseWhitespace(text);
  // UTF-16 units are never fewer than code points: a short text needs no counting.
  if (collapsed.length <= length) return collapsed;
  let taken = 0;
  let end = 0;
  for (const char of collapsed) {
    if (taken === length) return `${collapsed.slice(0, end)}...`;
    taken += 1;
    end += char.length;
  }
  return collapsed;
}
