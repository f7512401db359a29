// The generic extractor: Readability-like scoring on the cheerio tree. Paragraph-like
// elements score their ancestors by text length and commas; candidates are weighted by
// class/id hints and discounted by link density; the best one is merged with its
// content-looking siblings. https://github.com/mozilla/readability (Readability.js)

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element, ParentNode } from 'domhandler';
import { classWeight, hintsOf, MAYBE_CANDIDATE, UNLIKELY_CANDIDATE } from './class-hints.js';
import { findLeadParagraphs } from './find-lead-paragraphs.js';
import { isElement, linkDensity, looseParagraphs, measureText, measureTree } from './measure-tree.js';
import type { NodeStats } from './measure-tree.js';
import { walkElements } from './walk-elements.js';

const KEEP_TAGS = new Set([
  'html',
  'body',
  'article',
  'main',
  'a',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'code',
  'pre',
]);
/** Text a candidate needs for the whole bonus of a positive class hint. */
const FULL_HINT_CHARS = 500;
/** Text a near-best ancestor must hold, in times the top's, to be taken instead. */
const MIN_ANCESTOR_GROWTH = 1.2;
const UNLIKELY_TAGS = new Set(['nav', 'aside', 'footer']);
const UNLIKELY_ROLES = /^(menu|menubar|complementary|navigation|banner|contentinfo|search|alert|alertdialog|dialog)$/i;
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LEAF_BLOCK_TAGS = new Set(['div', 'section', 'article', 'span', 'font', 'center']);
const TAG_SCORE: Record<string, number> = {
  div: 5,
  article: 8,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  ol: -3,
  ul: -3,
  dl: -3,
  li: -3,
  form: -3,
  address: -3,
  th: -5,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
};

/**
 * A header class naming the article (`entry-header`, `article-header`, `intro-header`) is the
 * article's own header, holding its standfirst: not the unlikely `header` of the site.
 */
const ARTICLE_HEADER = /(?:entry|article|post|story|intro|page|content|news|single|detail)[-_]{0,2}header/gi;

function isUnlikely(element: Element): boolean {
  if (KEEP_TAGS.has(element.name)) return false;
  if (UNLIKELY_TAGS.has(element.name) || UNLIKELY_ROLES.test(element.attribs.role ?? '')) return true;
  if (!element.attribs.class && !element.attribs.id) return false;
  const hints = hintsOf(element).replace(ARTICLE_HEADER, ' ');
  return UNLIKELY_CANDIDATE.test(hints) && !MAYBE_CANDIDATE.test(hints);
}

function removeUnlikely($: CheerioAPI, body: Element): Element[] {
  const removed: Element[] = [];
  walkElements(body, (element) => {
    if (!isUnlikely(element)) return true;
    removed.push(element);
    return false;
  });
  $(removed).remove();
  return removed;
}

function scoreParagraphs(body: Element, stats: Map<Element, NodeStats>): Map<Element, number> {
  const scores = new Map<Element, number>();
  for (const [element, stat] of stats) {
    const paragraph = SCORED_TAGS.has(element.name) || (LEAF_BLOCK_TAGS.has(element.name) && !stat.hasBlock);
    // Text sitting directly in a container with block children scores the container
    // itself, as Readability's wrapping of phrasing content in <p> would.
    const looseText = !paragraph && LEAF_BLOCK_TAGS.has(element.name) && stat.inlineLength >= 25;
    const length = paragraph ? stat.textLength : looseText ? stat.inlineLength : 0;
    if (length < 25) continue;
    // Loose text counts as the paragraphs its `<br>` runs would make, each scored as one.
    const runs = paragraph ? 1 : looseParagraphs(length);
    const score = runs + (paragraph ? stat.commas : stat.inlineCommas) + Math.min(Math.floor(length / 100), 3 * runs);
    let ancestor: ParentNode | null = looseText ? element : element.parent;
    for (let level = 0; level < 5 && ancestor && isElement(ancestor) && ancestor !== body.parent; level += 1) {
      if (!scores.has(ancestor)) scores.set(ancestor, (TAG_SCORE[ancestor.name] ?? 0) + classWeight(ancestor));
      const share = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + score / share);
      ancestor = ancestor.parent;
    }
  }
  for (const [element, score] of scores) scores.set(element, score * (1 - linkDensity(stats.get(element))));
  return scores;
}

/**
 * A candidate's score for the choice of the top: a positive class hint counts in
 * proportion to the candidate's text, up to FULL_HINT_CHARS, so a `content` or
 * `post-ratings` class cannot lift a box of a few words (an author blurb, a rating widget)
 * over the article's text. Siblings are still judged by the full score.
 */
function rankScore(element: Element, score: number, stats: Map<Element, NodeStats>): number {
  const stat = stats.get(element);
  const share = Math.min(1, (stat?.textLength ?? 0) / FULL_HINT_CHARS);
  if (share === 1) return score;
  return score - (classWeight(element) - classWeight(element, share)) * (1 - linkDensity(stat));
}

function bestOf(scores: Map<Element, number>, stats: Map<Element, NodeStats>): Array<[Element, number]> {
  return [...scores]
    .map(([element, score]): [Element, number] => [element, rankScore(element, score, stats)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
}

/**
 * An ancestor of the top among the near-best candidates, holding MIN_ANCESTOR_GROWTH times
 * its text or more: the article, the top one of its parts (an interview in an accordion).
 */
function findNearBestAncestor(
  top: Element,
  alternatives: Element[],
  body: Element,
  stats: Map<Element, NodeStats>,
): Element | undefined {
  const minText = (stats.get(top)?.textLength ?? 0) * MIN_ANCESTOR_GROWTH;
  for (let parent = top.parent; parent && isElement(parent) && parent !== body; parent = parent.parent)
    if (alternatives.includes(parent) && (stats.get(parent)?.textLength ?? 0) >= minText) return parent;
  return undefined;
}

/** Readability's step: when 3+ near-best candidates share an ancestor, the ancestor is the article. */
function findSharedAncestor(
  top: Element,
  ranked: Array<[Element, number]>,
  body: Element,
  stats: Map<Element, NodeStats>,
): Element {
  const topScore = ranked[0]?.[1] ?? 0;
  const alternatives = ranked
    .slice(1)
    .filter(([, score]) => score >= topScore * 0.75)
    .map(([element]) => element);
  const ancestor = findNearBestAncestor(top, alternatives, body, stats);
  if (ancestor) return ancestor;
  if (alternatives.length < 2) return top;
  for (let parent = top.parent; parent && isElement(parent) && parent !== body; parent = parent.parent) {
    const contained = alternatives.filter((element) => {
      for (let node = element.parent; node; node = node.parent) if (node === parent) return true;
      return false;
    });
    if (contained.length >= 2) return parent;
  }
  return top;
}

function pickTop(scores: Map<Element, number>, stats: Map<Element, NodeStats>, body: Element): Element {
  const ranked = bestOf(scores, stats);
  let top = ranked[0]?.[0] ?? body;
  top = findSharedAncestor(top, ranked, body, stats);
  // Climb while the parent holds nothing else worth reading (Readability's "only child" step).
  while (top !== body && top.parent && isElement(top.parent) && top.parent !== body) {
    const siblings = top.parent.children.filter(isElement);
    if (siblings.length !== 1) break;
    top = top.parent;
  }
  return top;
}

/** Characters a block of the same kind as the top needs to join it whatever its score. */
const MIN_PART_CHARS = 50;

/**
 * Tag and class of an element and of its only children down to the first one with a
 * class, a few levels at most (`section > div.wysiwyg`); empty when no class names the kind.
 */
function kindOf(element: Element): string {
  let kind = '';
  let node: Element | undefined = element;
  for (let level = 0; node && level < 3; level += 1) {
    kind += `>${node.name}`;
    if (node.attribs.class) return `${kind}.${node.attribs.class}`;
    const children: Element[] = node.children.filter(isElement);
    node = children.length === 1 ? children[0] : undefined;
  }
  return '';
}

function sameKind(sibling: Element, top: Element): boolean {
  const kind = kindOf(top);
  return kind !== '' && kindOf(sibling) === kind;
}

function isContentSibling(
  sibling: Element,
  top: Element,
  scores: Map<Element, number>,
  stats: Map<Element, NodeStats>,
): boolean {
  if (sibling === top) return true;
  // Each <article> is a self-contained composition: a sibling article is another post.
  if (sibling.name === 'article' && top.name === 'article') return false;
  const topScore = scores.get(top) ?? 0;
  const bonus = top.attribs.class && sibling.attribs.class === top.attribs.class ? topScore * 0.2 : 0;
  if ((scores.get(sibling) ?? -Infinity) + bonus >= Math.max(10, topScore * 0.2)) return true;
  const stat = stats.get(sibling);
  if (!stat) return false;
  const density = linkDensity(stat);
  // One more part of an article cut into like blocks (a text block between galleries).
  if (stat.paragraphs > 0 && stat.textLength >= MIN_PART_CHARS && density < 0.25 && sameKind(sibling, top)) return true;
  if (sibling.name !== 'p') return false;
  if (stat.textLength > 80) return density < 0.25;
  return stat.textLength > 0 && density === 0;
}

/** The first <body>, by a walk that stops there (a `body` selector would match over the whole page). */
function findBody(root: ParentNode): Element | undefined {
  let body: Element | undefined;
  walkElements(root, (element) => {
    if (element.name === 'body') body ??= element;
    return body === undefined;
  });
  return body;
}

export interface MainContentOptions {
  /**
   * Readability's retry: keep blocks whose class looks unlikely (a page wrapped in
   * `has-sidebar` or `cookie-consent-wrapper` still has its article inside).
   */
  keepUnlikely?: boolean;
}

export interface MainContent {
  /** The article's main content, moved into a fresh <div>; undefined when the page has no body. */
  content?: Cheerio<Element>;
  /**
   * Characters of text in the page's body before any block was dropped, measured when asked
   * (the judge asks only of short bodies): the body's text now plus the dropped blocks'.
   */
  measurePageText: () => number;
  /** The scoring's measures of every element now in `content` (cleaning reads them instead of measuring again). */
  stats?: Map<Element, NodeStats>;
}

export function findMainContent($: CheerioAPI, options: MainContentOptions = {}): MainContent {
  const root = $.root()[0]!;
  const body =
    findBody(root) ??
    $.root()
      .children()
      .filter((_, node) => isElement(node))[0];
  if (!body || !isElement(body)) return { measurePageText: () => measureText(root) };
  const removed = options.keepUnlikely ? [] : removeUnlikely($, body);
  const stats = measureTree(body);
  const bodyText = stats.get(body)?.textLength ?? 0;
  const measurePageText = () => removed.reduce((sum, element) => sum + measureText(element), bodyText);
  const scores = scoreParagraphs(body, stats);
  const top = pickTop(scores, stats, body);
  const wrapper = $('<div></div>');
  const parent = top.parent;
  const members =
    parent && isElement(parent) && top !== body
      ? parent.children.filter(isElement).filter((sibling) => isContentSibling(sibling, top, scores, stats))
      : [top];
  wrapper.append(top === body ? members : [...findLeadParagraphs(top, members, body, stats), ...members]);
  return { content: wrapper as Cheerio<Element>, measurePageText, stats };
}
