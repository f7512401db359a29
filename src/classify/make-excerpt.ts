// DESIGN.md's excerpt rule: the body's plain text, whitespace collapsed, the first 150
// characters + "..." (the whole text, without "...", when it is 150 characters or fewer).
// Characters are code points, so an emoji or CJK surrogate pair is never cut in half.

export const EXCERPT_LENGTH = 150;

export function makeExcerpt(text: string, length = EXCERPT_LENGTH): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  if (chars.length <= length) return collapsed;
  return `${chars.slice(0, length).join('')}...`;
}
