// Text helpers for everything that ends up in XML or HTML output. XML 1.0 forbids most C0
// controls, lone surrogates and U+FFFE/U+FFFF (https://www.w3.org/TR/xml/#charsets); one
// such character makes a whole feed unreadable, so every string is cleaned on its way in.

const ILLEGAL_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters XML 1.0 cannot carry (tab, newline and CR stay). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Escapes `&`, `<` and `>` only: for element content (a feed's text turned into HTML), quotes left as written. */
export function escapeHtmlKeepingQuotes(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text from outside for our own XML/HTML (OPML, index page): characters XML forbids dropped, then escaped. */
export function escapeXmlText(text: string): string {
  return escapeHtml(stripInvalidXmlChars(text));
}

/**
 * feed 6 writes attribute values as given (it escapes only quotes), so an `&` in a URL
 * would break the XML. Values handed to it as attributes go through this first.
 */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
