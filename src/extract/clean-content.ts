// Cleans chosen content: a rule's strip selectors, blocks whose class says promo /
// share / related / newsletter, and Readability's conditional cleaning of link lists,
// image galleries and widgets that merely sit between paragraphs.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseWhitespace } from './load-document.js';
import { classWeight, isJunkBlock } from './class-hints.js';
import { linkDensity, measureTree } from './measure-tree.js';
import type { NodeStats } from './measure-tree.js';

const CONDITIONAL = 'div, section, ul, ol, table, figure, header, dl';
const LIST_TAGS = new Set(['ul', 'ol', 'dl']);

function shouldDrop(element: Element, stat: NodeStats, $: CheerioAPI): boolean {
  const weight = classWeight(element);
  // Readability drops on weight + content score < 0; the score is approximated from text.
  if (weight + stat.proseBlocks * 2 + stat.commas + stat.textLength / 100 < 0) return true;
  if (stat.commas >= 10) return false;
  const isList = LIST_TAGS.has(element.name);
  const density = linkDensity(stat);
  // Link lists go; so do galleries (an image per item, captions only).
  if (isList) return (density > 0.5 && stat.textLength < 2000) || (stat.listItems >= 2 && stat.images >= stat.listItems);
  if (element.name === 'table' || element.name === 'figure') return density > 0.5;
  if (stat.images > 1 && stat.proseBlocks / stat.images < 0.5 && !$(element).find('figure, figcaption').length) return true;
  if (stat.listItems - 100 > stat.proseBlocks) return true;
  if (stat.textLength < 25 && (stat.images === 0 || stat.images > 2) && !$(element).find('a[href*="youtu"], a[href*="vimeo"]').length) return true;
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
}

/** Cleaning after a rule's own strip list or the generic choice. */
export function cleanContent($: CheerioAPI, root: Cheerio<Element>, options: CleanOptions): void {
  const title = options.title;
  root.find('nav, aside, footer, figcaption, [class*="caption" i]').remove();
  root
    .find('[class], [id]')
    .filter((_, element) => element.name !== 'a' && element !== root[0] && isJunkBlock(element))
    .remove();
  const normalizedTitle = title ? collapseWhitespace(title).toLowerCase() : undefined;
  root.find('h1, h2').each((_, element) => {
    const text = collapseWhitespace($(element).text()).toLowerCase();
    if (element.name === 'h1' || (normalizedTitle && text === normalizedTitle)) $(element).remove();
  });
  if (!options.conditional || !root[0]) return;
  const stats = measureTree(root[0]);
  root.find(CONDITIONAL).each((_, element) => {
    const stat = stats.get(element);
    if (stat && element !== root[0] && shouldDrop(element, stat, $)) $(element).remove();
  });
}
