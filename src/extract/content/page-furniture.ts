// Page furniture that carries no telling class, known by its words alone, for every site
// (issue 12): "Continue reading...", "Read more", "Order Reprints | Today's Paper",
// "Print Article", "Share this article", "Get the ... newsletter in your inbox!",
// "Click here to subscribe", "Read more: <another story>" links, date lines standing
// alone ("Aktualisiert: 11.04.2020, 10:27"), credit or source lines ("Foto: ...", "© AFP")
// and calls to act ("Subscribe now to our ... edition"). A short block whose whole text
// is such phrases goes; a heading that is furniture takes its short section (up to the
// next heading of its level or above) with it, as a newsletter box under a "Get the
// newsletter" heading; a label opening a box (the author's under "Autoren:", a newsletter
// heading) takes the box.

import type { Element } from 'domhandler';
import { isElement } from './measure-tree.js';
import type { NodeStats } from './measure-tree.js';
import { AUTHOR_LABEL, CALL_TO_ACTION, CREDIT_LINE, DATE_LINE, PHRASE, RELATED_LABEL } from './furniture-words.js';

/** Longer than this, a block is prose that happens to mention reading on. */
const MAX_FURNITURE_CHARS = 160;
/** A furniture heading's section goes with it only while it is this short. */
const MAX_SECTION_CHARS = 800;
/** A "Read more: <link>" block longer than this is not just a pointer to another story. */
const MAX_RELATED_CHARS = 300;
/** A label is a few words. */
const MAX_HEADING_CHARS = 80;
/** A call to act longer than this is prose about subscribing, not a promo. */
const MAX_CALL_CHARS = 250;

/** A short block (not a link, not a heading: those are judged as labels) calling to act. */
function isCallToAction(element: Element, text: string, stat: NodeStats): boolean {
  return (
    stat.textLength <= MAX_CALL_CHARS &&
    element.name !== 'a' &&
    !HEADING.test(element.name) &&
    CALL_TO_ACTION.test(text)
  );
}

const HEADING = /^h([1-6])$/;
/** Blocks, and links (a "Read more" at the end of a teaser); never words inside a sentence. */
const FURNITURE_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'section',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'dd',
  'dt',
  'time',
]);

/**
 * A date line standing among blocks; a date inside running text is part of a sentence, and
 * a linked one ends an embedded post ("— Name (@handle) November 18, 2019").
 */
function isDateLine(element: Element, text: string): boolean {
  if (element.name === 'a' || !DATE_LINE.test(text)) return false;
  return !element.parent?.children.some((node) => node.type === 'text' && node.data.trim());
}

/** True when the text is nothing but furniture phrases (`Order Reprints | Today's Paper | Subscribe`). */
export function isFurnitureText(text: string): boolean {
  const parts = text
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\s*[|·•\n]\s*/)
    .map((part) =>
      part
        .replace(/^[\s«‹←<^↑\u00a0]+|[\s.…!?:»›→>\u00a0]+$/gu, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => PHRASE.test(part) || isRelatedLabel(part));
}

/** A "Read more" label standing alone (`Weiterlesen:` over a list of links). */
function isRelatedLabel(part: string): boolean {
  return RELATED_LABEL.exec(part)?.[0].length === part.length;
}

function headingLevel(element: Element): number | undefined {
  const match = HEADING.exec(element.name);
  return match ? Number(match[1]) : undefined;
}

/** The short section under a furniture heading: following siblings up to the next heading of its level or above. */
function sectionAfter(heading: Element, level: number, stats: Map<Element, NodeStats>): Element[] {
  const section: Element[] = [];
  let length = 0;
  for (let node = heading.next; node; node = node.next) {
    if (!isElement(node)) continue;
    const nextLevel = headingLevel(node);
    if (nextLevel !== undefined && nextLevel <= level) break;
    length += stats.get(node)?.textLength ?? 0;
    if (length > MAX_SECTION_CHARS) return [];
    section.push(node);
  }
  return section;
}

/** A label opening a box that is not the article: the author's, or a heading naming a newsletter. */
function isBoxLabel(element: Element, text: string): boolean {
  const label = text.replace(/[\s:：]+$/u, '');
  if (AUTHOR_LABEL.test(label)) return true;
  return headingLevel(element) !== undefined && label.length <= MAX_HEADING_CHARS && /newsletter/i.test(label);
}

/** True when nothing with text comes before `child` in `parent`. */
function opensWith(parent: Element, child: Element, stats: Map<Element, NodeStats>): boolean {
  for (const node of parent.children) {
    if (node === child) return true;
    if (node.type === 'text' ? node.data.trim() : isElement(node) && (stats.get(node)?.textLength ?? 0) > 0)
      return false;
  }
  return false;
}

/** The box a label opens: its outermost short ancestor (below `root`, under half its text) that it opens. */
function boxOf(label: Element, stats: Map<Element, NodeStats>, root: Element | undefined): Element {
  const limit = Math.min(MAX_SECTION_CHARS, (stats.get(root as Element)?.textLength ?? 0) / 2);
  let box = label;
  for (let parent = box.parent; parent && isElement(parent) && parent !== root; parent = parent.parent) {
    if ((stats.get(parent)?.textLength ?? Number.POSITIVE_INFINITY) > limit || !opensWith(parent, box, stats)) break;
    box = parent;
  }
  return box;
}

function isRelatedLink(text: string, stat: NodeStats): boolean {
  return stat.linkLength >= stat.textLength * 0.4 && RELATED_LABEL.test(text);
}

/** Whether `element` is furniture, and what goes with it; `textOf` is only asked of short blocks. */
export function findFurniture(
  element: Element,
  stat: NodeStats | undefined,
  stats: Map<Element, NodeStats>,
  textOf: (element: Element) => string,
  root?: Element,
): Element[] | undefined {
  if (
    !FURNITURE_TAGS.has(element.name) ||
    !stat ||
    stat.textLength === 0 ||
    stat.textLength > MAX_RELATED_CHARS ||
    stat.images > 0
  )
    return undefined;
  // The parent was asked first: holding the same text (a link alone in its paragraph),
  // this element gets the same answer, without reading its text again; a heading may not
  // (a newsletter heading alone in its box).
  const parent = element.parent;
  const parentStat = parent && isElement(parent) && FURNITURE_TAGS.has(parent.name) ? stats.get(parent) : undefined;
  const same = parentStat && parentStat.textLength === stat.textLength && parentStat.images === 0;
  if (same && headingLevel(element) === undefined) return undefined;
  const text = textOf(element);
  if (isRelatedLink(text, stat) || isDateLine(element, text)) return [element];
  if (isCallToAction(element, text, stat)) return [element];
  if (stat.textLength > MAX_FURNITURE_CHARS) return undefined;
  if (CREDIT_LINE.test(text)) return [element];
  const box = isBoxLabel(element, text) ? boxOf(element, stats, root) : undefined;
  if (box && box !== element) return [box];
  if (!box && !isFurnitureText(text)) return undefined;
  const level = headingLevel(element);
  return level === undefined ? [element] : [element, ...sectionAfter(element, level, stats)];
}
