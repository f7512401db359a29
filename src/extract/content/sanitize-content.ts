// The allowlist every body passes through before Markdown (Miniflux's sanitizer idea):
// no script/style/iframe/object/embed/form, no on* or style attributes, http(s) and
// mailto links only (no javascript:, vbscript:, data:).

import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'figure', 'figcaption', 'picture', 'table', 'thead', 'tbody',
    'tfoot', 'tr', 'th', 'td', 'caption', 'em', 'i', 'strong', 'b', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup',
    'mark', 'small', 'abbr', 'time', 'div', 'span', 'section', 'article', 'main', 'header',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    code: ['class'],
    pre: ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'select'],
  disallowedTagsMode: 'discard',
};

export function sanitizeContent(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
