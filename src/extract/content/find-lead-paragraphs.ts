// A lead paragraph (standfirst, teaser, intro) often sits outside the block the scoring
// chose: in the article's header, beside the body's wrapper. Walking up from the chosen
// block while the ancestor is still the article (not much more text than the body), the
// prose paragraphs that come before the body are the lead. Only <p>s (or <div>s holding
// nothing but a few sentences) with enough text and few links count: headlines, bylines,
// dates and captions stay out. Issue 12.

import type { Element } from 'domhandler';
import { isElement, linkDensity } from './measure-tree.js';
import type { NodeStats } from './measure-tree.js';
import { walkElements } from './walk-elements.js';

const LEVELS = 6;
/** An ancestor holding more than this times the body's text is the page, not the article. */
const MAX_GROWTH = 1.5;
const MIN_LEAD_CHARS = 50;
/** A <div> is a paragraph by its text alone: it needs more of it than a <p>. */
const MIN_LEAD_DIV_CHARS = 150;
const MAX_LEAD_LINK_DENSITY = 0.2;
const NOT_LEAD = new Set(['figure', 'figcaption', 'blockquote', 'li', 'table', 'form', 'a']);

/** A <div> holding only text, enough for a sentence or two: a lead written without a <p> (a summary box). */
function isProseDiv(element: Element, stat: NodeStats | undefined): boolean {
  return element.name === 'div' && !!stat && !stat.hasBlock && stat.textLength >= MIN_LEAD_DIV_CHARS;
}

/** Adds `root` or the lead-like <p>s (and prose <div>s) under it to `into`. */
function collectProse(root: Element, stats: Map<Element, NodeStats>, into: Element[]): void {
  const visit = (element: Element): boolean => {
    if (NOT_LEAD.has(element.name)) return false;
    const stat = stats.get(element);
    if (element.name !== 'p' && !isProseDiv(element, stat)) return true;
    if (stat && stat.textLength >= MIN_LEAD_CHARS && linkDensity(stat) < MAX_LEAD_LINK_DENSITY) into.push(element);
    return false;
  };
  if (visit(root)) walkElements(root, visit);
}

/**
 * The lead paragraphs before `top` within its article, in document order (often none);
 * `members` are the blocks already chosen (`top` and its merged siblings).
 */
export function findLeadParagraphs(
  top: Element,
  members: Element[],
  body: Element,
  stats: Map<Element, NodeStats>,
): Element[] {
  const topText = members.reduce((sum, member) => sum + (stats.get(member)?.textLength ?? 0), 0);
  const leads: Element[] = [];
  let child: Element = top;
  for (let level = 0; level < LEVELS; level += 1) {
    const ancestor = child.parent;
    if (!ancestor || !isElement(ancestor) || ancestor === body) break;
    if ((stats.get(ancestor)?.textLength ?? 0) > topText * MAX_GROWTH) break;
    const found: Element[] = [];
    for (const sibling of ancestor.children) {
      if (sibling === child) break;
      if (isElement(sibling) && !members.includes(sibling)) collectProse(sibling, stats, found);
    }
    leads.unshift(...found);
    child = ancestor;
  }
  return leads;
}
