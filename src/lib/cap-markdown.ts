// Caps a Markdown text at a block boundary (issue 13): the body of an article and the
// content of a published item are bounded, whatever the page or the file holds. The cut
// falls on a blank line outside any fenced code block, so no block is left half open; when
// the last one is far back (a huge table or list is one block), on a line end, which ends
// a table after a row or a list after an item. A visible note says that the text was cut.

export interface CappedMarkdown {
  /** The kept blocks, then the note when cut. */
  markdown: string;
  /** The kept blocks alone. */
  kept: string;
  cut: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The last blank line (else line end, when that is under half of `limit`) at or before `limit` outside fenced code; 0 if none. */
function findBlockBoundary(markdown: string, limit: number): number {
  let best = 0;
  let lastLine = 0;
  let fence: string | undefined;
  let fenceStart = 0;
  let lineStart = 0;
  while (lineStart <= limit && lineStart < markdown.length) {
    const end = markdown.indexOf('\n', lineStart);
    const lineEnd = end < 0 ? markdown.length : end;
    const line = markdown.slice(lineStart, lineEnd);
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      fenceStart = lineStart;
    } else if (
      fence !== undefined &&
      marker &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      line.trim() === marker
    ) {
      fence = undefined;
    } else if (fence === undefined && line.trim() === '') {
      best = lineStart;
    }
    if (fence === undefined && lineEnd <= limit) lastLine = lineEnd;
    lineStart = lineEnd + 1;
  }
  const boundary = best < limit / 2 ? Math.max(best, lastLine) : best;
  // Cut inside an open fence: before the fence instead.
  return fence !== undefined ? Math.min(boundary, fenceStart) : boundary;
}

/** `markdown` when it is at most `maxChars`; else its blocks up to that length, then `note` as a paragraph. */
export function capMarkdown(markdown: string, maxChars: number, note: string): CappedMarkdown {
  if (markdown.length <= maxChars) return { markdown, kept: markdown, cut: false };
  const kept = markdown.slice(0, findBlockBoundary(markdown, maxChars)).trimEnd();
  return { markdown: withNote(kept, note), kept, cut: true };
}

/** `note` added after `markdown` as its own paragraph. */
export function withNote(markdown: string, note: string): string {
  const kept = markdown.trimEnd();
  return kept ? `${kept}\n\n${note}` : note;
}
