// Cleans chosen content: a rule's strip selectors, blocks whose class says promo /
// share / related / newsletter, furniture known by its words (page-furniture.ts), and
// Readability's conditional cleaning of link lists, image galleries and widgets that
// merely sit between paragraphs.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseWhitespaceAndZeroWidth } from '../../lib/text.js';
import { classWeight, isJunkBlock } from './class-hints.js';
import { isElement, linkDensity, measureTree } from './measure-tree.js';
import type { NodeStats } from './measure-tree.js';
import { findFurniture } from './page-furniture.js';
import { findTrailingTeasers } from './trailing-teasers.js';
import { walkElements } from './walk-elements.js';

// Tree walks with plain tests rather than selectors: css-select compiles each selector
// on every call, which made cleaning cost more than the scoring before it.
const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'figure', 'header', 'dl']);
const LIST_TAGS = new Set(['ul', 'ol', 'dl']);
const NEVER_CONTENT = new Set(['nav', 'aside', 'footer', 'figcaption']);
const VIDEO_LINK = /youtu|vimeo/;

/** True when some element under `root` passes `test`. */
function hasDescendant(root: Element, test: (element: Element) => boolean): boolean {
  let found = false;
  walkElements(root, (element) => {
    found ||= test(element);
    return !found;
  });
  return found;
}

const isFigure = (element: Element) => element.name === 'figure' || element.name === 'figcaption';
const isVideoLink = (element: Element) => element.name === 'a' && VIDEO_LINK.test(element.attribs.href ?? '');

function shouldDrop(element: Element, stat: NodeStats): boolean {
  const weight = classWeight(element);
  // Readability drops on weight + content score < 0; the score is approximated from text.
  if (weight + stat.proseBlocks * 2 + stat.commas + stat.textLength / 100 < 0) return true;
  if (stat.commas >= 10) return false;
  const isList = LIST_TAGS.has(element.name);
  const density = linkDensity(stat);
  // Link lists go; so do galleries (an image per item, captions only).
  if (isList)
    return (density > 0.5 && stat.textLength < 2000) || (stat.listItems >= 2 && stat.images >= stat.listItems);
  if (element.name === 'table' || element.name === 'figure') return density > 0.5;
  if (stat.images > 1 && stat.proseBlocks / stat.images < 0.5 && !hasDescendant(element, isFigure)) return true;
  if (stat.listItems - 100 > stat.proseBlocks) return true;
  if (stat.textLength < 25 && (stat.images === 0 || stat.images > 2) && !hasDescendant(element, isVideoLink))
    return true;
  if (weight < 25 && density > 0.2 && stat.proseBlocks < 2) return true;
  return weight >= 25 && density > 0.5;
}

/** Drops every element matching one of the selectors (bad selectors are ignored). */
export function stripSelectors(root: Cheerio<Element>, selectors: string[]): void {
  for (const selector of selectors) {
    try {
      root.find(selector).remove();
    } catch {
      // An invalid selector in the rules file must not break extraction.
    }
  }
}

export interface CleanOptions {
  /** The headline: a heading repeating it is dropped. */
  title?: string;
  /** Readability's conditional cleaning (generic choice only; a rule is trusted). */
  conditional: boolean;
  /** Measures of the elements under the root, when the caller has them (the scoring's). */
  stats?: Map<Element, NodeStats>;
}

const isImage = (element: Element) => element.name === 'img' || element.name === 'picture';

/**
 * Never article text: navigation, asides, footers, captions, and promo / share / related
 * blocks. A caption-classed wrapper holding an image (WordPress's `wp-caption`) is a
 * figure: it stays, its caption text goes (that has the class too, without the image).
 */
function isBoilerplate(element: Element): boolean {
  if (NEVER_CONTENT.has(element.name)) return true;
  if (/caption/i.test(element.attribs.class ?? '')) return !hasDescendant(element, isImage);
  return element.name !== 'a' && isJunkBlock(element);
}

/**
 * A block holding most of the chosen text is the article whatever its class says
 * (`article-ad-marker`, `has-sidebar`): the scoring chose it, class hints only judge
 * what sits beside the text (a list of links is never spared).
 */
function holdsMostText(stat: NodeStats | undefined, total: number): boolean {
  return !!stat && total > 0 && stat.textLength >= total * 0.5 && linkDensity(stat) < 0.5;
}

/** Cleaning after a rule's own strip list or the generic choice. */
export function cleanContent($: CheerioAPI, root: Cheerio<Element>, options: CleanOptions): void {
  const top = root[0];
  if (!top) return;
  const normalizedTitle = options.title ? collapseWhitespaceAndZeroWidth(options.title).toLowerCase() : undefined;
  const before = options.stats ?? measureTree(top);
  const total = options.stats
    ? top.children.reduce((sum, child) => sum + (isElement(child) ? (before.get(child)?.textLength ?? 0) : 0), 0)
    : (before.get(top)?.textLength ?? 0);
  const removed = new Set<Element>();
  // Cheerio's static text(): no wrapper object built per element asked.
  const textOf = (element: Element) => collapseWhitespaceAndZeroWidth($.text([element]));
  const isRepeatedTitle = (element: Element) =>
    element.name === 'h2' && !!normalizedTitle && textOf(element).toLowerCase() === normalizedTitle;
  walkElements(top, (element) => {
    if (removed.has(element)) return false;
    if (element.name === 'h1' || isRepeatedTitle(element)) removed.add(element);
    else if (isBoilerplate(element) && !holdsMostText(before.get(element), total)) removed.add(element);
    else {
      const furniture = findFurniture(element, before.get(element), before, textOf, top);
      if (!furniture) return true;
      for (const block of furniture) removed.add(block);
    }
    return false;
  });
  $([...removed]).remove();
  if (!options.conditional) return;
  const stats = measureTree(top);
  const kept = stats.get(top)?.textLength ?? 0;
  const dropped: Element[] = [];
  walkElements(top, (element) => {
    const stat = CONDITIONAL.has(element.name) ? stats.get(element) : undefined;
    if (!stat || holdsMostText(stat, kept) || !shouldDrop(element, stat)) return true;
    dropped.push(element);
    return false;
  });
  $(dropped).remove();
  $(findTrailingTeasers(top, stats, textOf)).remove();
}
