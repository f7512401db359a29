// Titles and excerpts are plain text, but templates and feed readers often print them as
// HTML (RSS titles especially). Text decoded from a twice-escaped field can read
// "<script>…</script>": whole tags and comments are dropped (as a single-escaped title's
// already are at parse time), and any `<` left that could still open markup gets a space
// after it, so no reader can see a tag in it.

const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z][^<>]*>/g;
const TAG_OPEN = /<(?=[A-Za-z/!?])/g;

export function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(TAG_OR_COMMENT, ' ')
    .replace(TAG_OPEN, '< ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
