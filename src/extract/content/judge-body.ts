// Judges an extracted body against the page it came from, so the extractor knows when to
// try another method (trafilatura's idea: its own rules first, other algorithms when the
// result looks wrong). A body is suspect when it is empty or tiny beside the page's
// visible text, when it is mostly links, or when it is short and reads like a consent,
// cookie or newsletter box rather than an article. Issue 12.

/** Text a rendered body offers the judge: its plain text and its Markdown (for links). */
export interface JudgedBody {
  text: string;
  markdown: string;
}

const MIN_CHARS = 50;
/** Below this a body must also be a fair share of the page's text. */
const SHORT_CHARS = 500;
const MIN_PAGE_SHARE = 0.1;
const MAX_LINK_SHARE = 0.5;
/** Consent, cookie and newsletter boxes are short: an article may well mention cookies. */
const BOX_CHARS = 1000;
const BOX_WORDING =
  /cookie|consent|privacy (settings|preferences)|newsletter|subscribe|sign up|enable javascript|javascript (is )?(disabled|required)|datenschutz|einwillig|abonnier|zustimm|accepter|suscr[ií]b/i;

/** Characters of link text in Markdown links, `[text](target)`. */
function linkTextLength(markdown: string): number {
  let length = 0;
  for (const match of markdown.matchAll(/\[([^\]]*)\]\([^)]*\)/g)) length += match[1]!.length;
  return length;
}

/**
 * Why `body` looks wrong for a page with `pageText` characters of visible text (or a
 * function measuring them), or undefined when it looks like an article.
 */
export function findBodyProblem(body: JudgedBody, pageText: number | (() => number)): string | undefined {
  const length = body.text.length;
  if (length < MIN_CHARS) return length === 0 ? 'no text' : `${length} characters`;
  if (length < SHORT_CHARS) {
    // Measured only now: most bodies are longer, and never compared with the page.
    const pageTextLength = typeof pageText === 'number' ? pageText : pageText();
    if (length < pageTextLength * MIN_PAGE_SHARE) return `${length} of ${pageTextLength} characters of the page`;
  }
  if (linkTextLength(body.markdown) > length * MAX_LINK_SHARE) return 'mostly links';
  if (length < BOX_CHARS && BOX_WORDING.test(body.text)) return 'consent, cookie or newsletter wording';
  return undefined;
}
