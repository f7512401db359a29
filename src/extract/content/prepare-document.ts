// Removes what is never article text (scripts, forms, hidden blocks, embeds) and turns
// video iframes into plain links, before any rule or scoring looks at the page.
// One walk over the tree; selectors would walk it once per query.

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { resolveUrl } from '../../lib/url.js';
import { walkElements } from './walk-elements.js';

const REMOVED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'object',
  'embed',
  'applet',
  'button',
  'input',
  'select',
  'textarea',
  'svg',
  'canvas',
  'link',
  'meta',
  'dialog',
  'frame',
  'frameset',
  'map',
  'audio',
  'iframe',
  'video',
  'head',
  'title',
]);
const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;
const DIALOG_ROLE = /^(dialog|alertdialog|alert)$/i;
const VIDEO_HOST =
  /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|twitch\.tv|ted\.com|wistia\.net)$/i;

function videoLink(element: Element, baseUrl: string): string | undefined {
  const src = resolveUrl(element.attribs['data-src'] ?? element.attribs.src, baseUrl);
  if (!src || !VIDEO_HOST.test(new URL(src).hostname)) return undefined;
  const embed = /\/embed\/([\w-]{6,})/.exec(src);
  return embed && /youtube/.test(src) ? `https://www.youtube.com/watch?v=${embed[1]}` : src;
}

function isHidden(element: Element): boolean {
  const attribs = element.attribs;
  return (
    attribs.hidden !== undefined ||
    attribs['aria-hidden'] === 'true' ||
    (attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style)) ||
    DIALOG_ROLE.test(attribs.role ?? '')
  );
}

/** <p>s under `root`, counting stops at `limit`. */
function countParagraphs(root: Element, limit: number): number {
  let count = 0;
  walkElements(root, (element) => {
    if (element.name === 'p') count += 1;
    return count < limit;
  });
  return count;
}

/** Mutates the document: junk out, video embeds replaced by links. */
export function prepareDocument($: CheerioAPI, baseUrl: string): void {
  const removed: Element[] = [];
  const videos: Array<{ element: Element; url: string }> = [];
  const forms: Element[] = [];
  walkElements($.root()[0]!, (element) => {
    if (element.name === 'iframe' || element.name === 'video') {
      const url = videoLink(element, baseUrl);
      if (url) videos.push({ element, url });
      else removed.push(element);
      return false;
    }
    if (REMOVED_TAGS.has(element.name) || isHidden(element)) {
      removed.push(element);
      return false;
    }
    if (element.name === 'form') forms.push(element);
    return true;
  });
  for (const { element, url } of videos)
    $(element).replaceWith(`<p><a href="${url.replace(/"/g, '&quot;')}">Video</a></p>`);
  $(removed).remove();
  // ASP.NET pages wrap the whole page in one <form>: drop only forms that are forms.
  $(forms.filter((form) => countParagraphs(form, 3) < 3)).remove();
}
