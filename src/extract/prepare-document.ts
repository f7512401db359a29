// Removes what is never article text (scripts, forms, hidden blocks, embeds) and turns
// video iframes into plain links, before any rule or scoring looks at the page.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { resolveUrl } from '../lib/url.js';

const ALWAYS_REMOVED = [
  'script', 'style', 'noscript', 'template', 'object', 'embed', 'applet', 'button', 'input', 'select',
  'textarea', 'svg', 'canvas', 'link', 'meta', 'dialog', 'frame', 'frameset', 'map', 'audio',
  '[hidden]', '[aria-hidden="true"]', '[style*="display:none" i]', '[style*="display: none" i]',
  '[style*="visibility:hidden" i]', '[role="dialog"]', '[role="alertdialog"]', '[role="alert"]',
].join(',');

const VIDEO_HOST = /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|twitch\.tv|ted\.com|wistia\.net)$/i;

function videoLink(element: Element, baseUrl: string): string | undefined {
  const src = resolveUrl(element.attribs['data-src'] ?? element.attribs.src, baseUrl);
  if (!src || !VIDEO_HOST.test(new URL(src).hostname)) return undefined;
  const embed = /\/embed\/([\w-]{6,})/.exec(src);
  return embed && /youtube/.test(src) ? `https://www.youtube.com/watch?v=${embed[1]}` : src;
}

/** Mutates the document: junk out, video embeds replaced by links. */
export function prepareDocument($: CheerioAPI, baseUrl: string): void {
  $('iframe, video').each((_, element) => {
    const url = videoLink(element, baseUrl);
    if (url) $(element).replaceWith(`<p><a href="${url.replace(/"/g, '&quot;')}">Video</a></p>`);
    else $(element).remove();
  });
  $(ALWAYS_REMOVED).remove();
  // ASP.NET pages wrap the whole page in one <form>: drop only forms that are forms.
  $('form').each((_, element) => {
    if ($(element).find('p').length < 3) $(element).remove();
  });
}
