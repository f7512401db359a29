// Media types of fetched resources: the parameter-free, lowercased type FetchResult
// reports, whether an article page is HTML, and a sniff for pages sent without a
// Content-Type (WHATWG MIME Sniffing §7.1, the HTML patterns only).

/** `text/html; charset=utf-8` → `text/html`; undefined when absent or blank. */
export function parseMediaType(value: string | undefined): string | undefined {
  const type = value?.split(';', 1)[0].trim().toLowerCase();
  return type ? type : undefined;
}

export function isHtmlMediaType(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

const HTML_SNIFF_TAGS = [
  '<!doctype html',
  '<html',
  '<head',
  '<body',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<br',
  '<p',
  '<!--',
];

/** True when the first bytes (after whitespace and a BOM) open like an HTML document. */
export function bytesOpenLikeHtml(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '')
    .trimStart()
    .toLowerCase();
  return HTML_SNIFF_TAGS.some((tag) => {
    if (!head.startsWith(tag)) return false;
    const next = head.charAt(tag.length);
    // The tag name must end here (`<b>`, `<b `), not run on (`<bogus`).
    return tag === '<!--' || next === '>' || next === ' ' || next === '\t' || next === '\n' || next === '\r';
  });
}
