// Turndown writes text as Markdown but leaves `<` as it is, so a page whose text reads
// "&lt;script&gt;" would put a raw <script> tag into the article file, and a site
// generator that renders raw HTML in Markdown would run it. Every `<` that could open a
// tag, comment or declaration, outside code spans and fenced code, becomes `&lt;`, which
// CommonMark renders back as the same visible text.

const FENCE = /^\s*(```|~~~)/;
/** A code span (left as it is) or a `<` that could start markup. */
const CODE_SPAN_OR_TAG_OPEN = /(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)|<(?=[A-Za-z/!?])/g;

export function escapeMarkdownHtml(markdown: string): string {
  if (!markdown.includes('<')) return markdown;
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) {
        inFence = !inFence;
        return line;
      }
      return inFence ? line : line.replace(CODE_SPAN_OR_TAG_OPEN, (match) => (match === '<' ? '&lt;' : match));
    })
    .join('\n');
}
