// The item's HTML content: the Markdown body rendered by markdown-it with raw HTML off (an
// article body is data from other sites, never markup we trust), then sanitized with an
// allowlist and every URL made absolute, last (STYLE.md: "Sanitize and make URLs absolute
// last, every time"). Feed readers resolve relative URLs inconsistently, so none are left.

import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { resolveUrl } from '../lib/url.js';
import { stripInvalidXmlChars } from '../lib/xml-text.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const ALLOWED_TAGS = [
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
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'em',
  'strong',
  'del',
  's',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sup',
  'sub',
];

function absolute(value: string | undefined, base: string | undefined, schemes: string[]): string | undefined {
  if (!value) return undefined;
  if (schemes.includes('mailto') && /^mailto:/i.test(value.trim())) return value.trim();
  return resolveUrl(value, base);
}

function sanitizeOptions(base: string | undefined): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title'],
      ol: ['start'],
      th: ['align'],
      td: ['align'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => {
        const href = absolute(attribs.href, base, ['mailto']);
        const { href: _dropped, ...rest } = attribs;
        return { tagName, attribs: href ? { ...rest, href } : rest };
      },
      img: (tagName, attribs) => {
        const src = absolute(attribs.src, base, []);
        const { src: _dropped, ...rest } = attribs;
        return { tagName, attribs: src ? { ...rest, src } : rest };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

/** Body Markdown → sanitized HTML with absolute URLs (resolved against `baseUrl`). */
export function renderContent(body: string, baseUrl: string | undefined): string {
  const html = markdown.render(stripInvalidXmlChars(body));
  return sanitizeHtml(html, sanitizeOptions(baseUrl)).trim();
}
