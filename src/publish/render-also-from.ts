// "Also reported by ..." (issue 16): the sources whose near copy of a story was merged into
// the article (its `alsoFrom`), as one paragraph of links closing the item's HTML content.
// The names and URLs come from a file anyone may edit: a name is plain text (markup and
// controls stripped, then escaped), a URL must be absolute http(s) (an entry without one is
// left out) and is escaped as an attribute value. No entry, no paragraph: an article without
// `alsoFrom` publishes exactly as before.

import { escapeHtml, stripInvalidXmlChars } from '../lib/xml-text.js';
import { hostKey, resolveUrl } from '../lib/url.js';
import { toHeadText } from '../store/index.js';
import type { AlsoFromSource } from '../types.js';

export function renderAlsoFrom(alsoFrom: readonly AlsoFromSource[] | undefined): string {
  const links = (alsoFrom ?? []).flatMap(({ name, url }) => {
    const href = resolveUrl(stripInvalidXmlChars(url));
    if (!href) return [];
    const label = toHeadText(name) || hostKey(href);
    return [`<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`];
  });
  return links.length > 0 ? `<p>Also reported by ${links.join(', ')}.</p>` : '';
}
