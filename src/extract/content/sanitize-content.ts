// The allowlist every body passes through before Markdown (Miniflux's sanitizer idea):
// no script/style/iframe/object/embed/form, no on* or style attributes, http(s) and
// mailto links only (no javascript:, vbscript:, data:).
// A body in the page's tree first loses, in place, the attributes the allowlist would drop
// (classes, ids, styles, data-*, rel...: a third of a body's markup): fewer bytes to
// serialize and for the sanitizer to parse and check again. The sanitizer still decides.

import type { Element } from 'domhandler';
import sanitizeHtml from 'sanitize-html';
import { walkElements } from './walk-elements.js';

/** Attributes kept per tag; every other attribute is dropped. */
const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  code: ['class'],
  pre: ['class'],
};

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'q',
    'cite',
    'pre',
    'code',
    'kbd',
    'samp',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'img',
    'figure',
    'figcaption',
    'picture',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'em',
    'i',
    'strong',
    'b',
    'u',
    's',
    'strike',
    'del',
    'ins',
    'sub',
    'sup',
    'mark',
    'small',
    'abbr',
    'time',
    'div',
    'span',
    'section',
    'article',
    'main',
    'header',
  ],
  allowedAttributes: ALLOWED_ATTRIBUTES as Record<string, string[]>,
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'button',
    'select',
  ],
  disallowedTagsMode: 'discard',
};

export function sanitizeContent(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Removes from the elements under `root` the attributes sanitizeContent would drop. */
export function dropDisallowedAttributes(root: Element): void {
  walkElements(root, (element) => {
    const allowed = ALLOWED_ATTRIBUTES[element.name];
    let kept: Record<string, string> | undefined;
    for (const name in element.attribs) {
      if (allowed?.includes(name)) continue;
      kept ??= {};
      for (const other in element.attribs) if (allowed?.includes(other)) kept[other] = element.attribs[other]!;
      element.attribs = kept;
      break;
    }
    return true;
  });
}
