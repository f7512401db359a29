// Class/id hints, after Mozilla Readability's regexps, extended with the promo and
// newsletter blocks news sites put inside articles.

import type { Element } from 'domhandler';

const POSITIVE_HINT = /article|body|content|entry|hentry|h-entry|main|page|post|story|text|blog/i;
const NEGATIVE_HINT =
  /-ad-|^ad-|\bads?\b|banner|byline|combx|comment|contact|cookie|consent|cta|disqus|foot|footer|gdpr|masthead|media-credit|meta|modal|more-|nav|newsletter|outbrain|pagination|popup|promo|related|recirc|recommend|remark|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|signup|taboola|tags?\b|toolbar|tool|(?:^|\s)widget|waitlist|event-|breadcrumb/i;
/** Blocks never part of an article, removed before scoring (unless they look like content). */
export const UNLIKELY_CANDIDATE =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|cookie|consent|promo|share|taboola|outbrain|recirc/i;
/** Class/id tokens that mark boilerplate wherever they appear (token-wise, so `elementor-widget` is not `widget`). */
const JUNK_TOKEN =
  /(^|[-_])(share|sharing|sharebar|social|related|newsletter|promo|promotion|subscribe|subscription|comments?|advert|advertisement|ads?|sponsored|sponsor|cookie|cookies|consent|breadcrumbs?|recirc|outbrain|taboola|signup|cta|waitlist|paywall|popup|modal|toolbar|byline|author-bio|more-articles|recommended|trending|most-popular|tags|tag-list|ratings?)([-_]|$)/i;

/** A token naming the content itself (`entry-content-read-more`) is never junk. */
const CONTENT_TOKEN = /content|entry|body|text|story/i;

export function isJunkBlock(element: Element): boolean {
  const value = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`.trim();
  if (!value) return false;
  return value.split(/\s+/).some((token) => JUNK_TOKEN.test(token) && !CONTENT_TOKEN.test(token));
}

export const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;

export function hintsOf(element: Element): string {
  const attribs = element.attribs;
  return `${attribs.class ?? ''} ${attribs.id ?? ''}`;
}

/**
 * Readability's class weight: -25 per negative hint, +25 per positive one (class and id).
 * `positiveShare` scales the positive part (the scoring gives a short block only part of it).
 */
export function classWeight(element: Element, positiveShare = 1): number {
  let weight = 0;
  for (const value of [element.attribs.class, element.attribs.id]) {
    if (!value) continue;
    if (NEGATIVE_HINT.test(value)) weight -= 25;
    if (POSITIVE_HINT.test(value)) weight += 25 * positiveShare;
  }
  return weight;
}
