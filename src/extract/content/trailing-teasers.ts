// Teaser lists after the article (issue 12): many sites end the story's own block with
// links to other stories ("Mehr lesen:", "Auch auf …", a related-posts list), as
// paragraphs or list items that are nothing but a link, often under a short heading.
// Read from the end of the chosen content: a run of link-only blocks closing it goes,
// with the short heading that introduces the run. Prose never goes (a block with text
// outside its links stops the run), nor more than a third of the body.

import type { Element } from 'domhandler';
import { isElement, linkDensity } from './measure-tree.js';
import type { NodeStats } from './measure-tree.js';

/** A teaser is a link (or a few) with a headline's length, nothing else. */
const MAX_TEASER_CHARS = 300;
const MIN_TEASER_LINK_DENSITY = 0.9;
/** An introducing heading, or a bold line standing in for one, is this short. */
const MAX_HEADING_CHARS = 80;
const HEADING = /^h[1-6]$/;
/** Never more of the body than this goes as teasers. */
const MAX_SHARE = 1 / 3;
const LEVELS = 4;

/** The element children of `parent`, with text, in order (a text run directly in `parent` stops the walk: undefined). */
function blocksOf(parent: Element, textLength: (element: Element) => number): Element[] | undefined {
  const blocks: Element[] = [];
  for (const child of parent.children) {
    if (child.type === 'text' && child.data.trim()) return undefined;
    if (isElement(child) && textLength(child) > 0) blocks.push(child);
  }
  return blocks;
}

/**
 * The teasers closing `root`'s content (and the heading over them), in its last blocks
 * down a few levels; `stats` measure the content, `textOf` reads a heading's text.
 */
export function findTrailingTeasers(
  root: Element,
  stats: Map<Element, NodeStats>,
  textOf: (element: Element) => string,
): Element[] {
  const total = stats.get(root)?.textLength ?? 0;
  const textLength = (element: Element) => stats.get(element)?.textLength ?? 0;
  const isTeaser = (element: Element) => {
    const stat = stats.get(element);
    return (
      !!stat &&
      stat.textLength <= MAX_TEASER_CHARS * Math.max(1, stat.listItems) &&
      linkDensity(stat) >= MIN_TEASER_LINK_DENSITY
    );
  };
  const dropped: Element[] = [];
  let droppedLength = 0;
  let parent: Element | undefined = root;
  for (let level = 0; parent && level < LEVELS; level += 1) {
    const blocks = blocksOf(parent, textLength);
    if (!blocks || blocks.length === 0) break;
    let start = blocks.length;
    while (start > 1 && isTeaser(blocks[start - 1]!)) start -= 1;
    if (start < blocks.length) {
      const heading = blocks[start - 1]!;
      const introduced =
        start > 1 &&
        linkDensity(stats.get(heading)) === 0 &&
        textLength(heading) <= MAX_HEADING_CHARS &&
        (HEADING.test(heading.name) || !/[.!?]["”»]?$/.test(textOf(heading)));
      const run = blocks.slice(introduced ? start - 1 : start);
      const length = run.reduce((sum, block) => sum + textLength(block), 0);
      if (droppedLength + length > total * MAX_SHARE) break;
      dropped.push(...run);
      droppedLength += length;
      parent = blocks[(introduced ? start - 1 : start) - 1];
    } else parent = blocks.at(-1);
  }
  return dropped;
}
