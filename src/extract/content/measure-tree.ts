// One bottom-up pass computing text and link lengths for every element, so scoring
// and cleaning read link density in O(1) instead of re-walking subtrees (no O(n²)).

import type { AnyNode, Element } from 'domhandler';

export interface NodeStats {
  /** Characters of text, whitespace runs counted as one. */
  textLength: number;
  /** Characters of text inside links. */
  linkLength: number;
  commas: number;
  /** True when some descendant is a block element. */
  hasBlock: boolean;
  /** Text not inside a block child: phrasing content sitting directly in the element. */
  inlineLength: number;
  inlineCommas: number;
  /** Paragraph-like blocks: <p>s, plus text runs of 100+ characters loose in a container (`<br>` prose). */
  proseBlocks: number;
  /** Descendant <p>, <img> and <li> counts. */
  paragraphs: number;
  images: number;
  listItems: number;
}

const COUNTED: Record<string, 'paragraphs' | 'images' | 'listItems'> = {
  p: 'paragraphs',
  img: 'images',
  li: 'listItems',
};

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Length with whitespace runs counted as one, and comma count, without allocating. */
function textStats(data: string): { length: number; commas: number } {
  let length = 0;
  let commas = 0;
  let inSpace = false;
  for (let index = 0; index < data.length; index += 1) {
    const code = data.charCodeAt(index);
    if (code === 32 || (code >= 9 && code <= 13) || code === 160) {
      if (!inSpace) length += 1;
      inSpace = true;
      continue;
    }
    inSpace = false;
    length += 1;
    if (code === 44 || code === 0xff0c || code === 0x3001 || code === 0x060c) commas += 1;
  }
  return { length: length === 1 && inSpace ? 0 : length, commas };
}

/** Stats for `root` and every element under it. */
export function measureTree(root: Element): Map<Element, NodeStats> {
  const stats = new Map<Element, NodeStats>();
  const stack: Array<{ element: Element; visited: boolean }> = [{ element: root, visited: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (!frame.visited) {
      frame.visited = true;
      for (const child of frame.element.children) if (isElement(child)) stack.push({ element: child, visited: false });
      continue;
    }
    stack.pop();
    const own: NodeStats = {
      textLength: 0,
      linkLength: 0,
      commas: 0,
      hasBlock: false,
      inlineLength: 0,
      inlineCommas: 0,
      proseBlocks: 0,
      paragraphs: 0,
      images: 0,
      listItems: 0,
    };
    for (const child of frame.element.children) {
      if (child.type === 'text') {
        const text = textStats(child.data);
        own.textLength += text.length;
        own.commas += text.commas;
        own.inlineLength += text.length;
        own.inlineCommas += text.commas;
      } else if (isElement(child)) {
        const sub = stats.get(child);
        if (!sub) continue;
        own.textLength += sub.textLength;
        own.linkLength += sub.linkLength;
        own.commas += sub.commas;
        const block = BLOCK_TAGS.has(child.name);
        own.hasBlock ||= sub.hasBlock || block;
        if (!block) {
          own.inlineLength += sub.inlineLength;
          own.inlineCommas += sub.inlineCommas;
        }
        own.paragraphs += sub.paragraphs;
        own.proseBlocks += sub.proseBlocks + (child.name === 'p' ? 1 : 0);
        own.images += sub.images;
        own.listItems += sub.listItems;
        const counted = COUNTED[child.name];
        if (counted) own[counted] += 1;
      }
    }
    if (frame.element.name === 'a') own.linkLength = own.textLength;
    if (frame.element.name !== 'p' && own.inlineLength >= 100 && own.hasBlock)
      own.proseBlocks += looseParagraphs(own.inlineLength);
    stats.set(frame.element, own);
  }
  return stats;
}

/** Paragraphs that `length` characters of loose text (`<br>` prose) stand for: one per 300, at least one. */
export function looseParagraphs(length: number): number {
  return Math.max(1, Math.round(length / 300));
}

export function linkDensity(stats: NodeStats | undefined): number {
  if (!stats || stats.textLength === 0) return 0;
  return Math.min(1, stats.linkLength / stats.textLength);
}

/** Characters of text under `root` (whitespace runs counted as one): the page's visible text once prepared. */
export function measureText(root: AnyNode): number {
  let length = 0;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') length += textStats(node.data).length;
    else if ('children' in node && (node.type === 'root' || isElement(node)))
      for (const child of node.children) stack.push(child);
  }
  return length;
}
