// Bidirectional formatting characters do not belong in a one-line plain-text field: a
// right-to-left override (U+202E) in a title makes "txt.exe" read as "exe.txt" and can
// hide or reorder words in a feed reader's list (the "Trojan Source" characters,
// CVE-2021-42574). Titles, names, tags and excerpts drop them where they are normalized.

/** LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; LRM, RLM, ALM. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
