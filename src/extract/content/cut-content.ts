// The text budget of an article body (issue 13): the chosen content is cut in the tree,
// before it is sanitized and converted, once its text passes the budget, so sanitize-html
// and turndown never see more than that (a 4.9 MB page used to give a 5 MB article, and
// 50 of them 245 MB feeds). The cut drops the text node that passes the budget and all
// that follows it in document order; the Markdown cap then ends the body at a block.

import type { AnyNode, Element, ParentNode } from 'domhandler';

/** Removes `node` and everything after it in document order, up to `root`. */
function dropFrom(node: AnyNode, root: Element): void {
  let current: AnyNode = node;
  let first = true;
  while (current !== root && current.parent) {
    const parent: ParentNode = current.parent;
    const index = parent.children.indexOf(current);
    for (const removed of parent.children.splice(first ? index : index + 1)) {
      removed.parent = null;
      removed.prev = null;
      removed.next = null;
    }
    const last = parent.children[parent.children.length - 1];
    if (last) last.next = null;
    first = false;
    current = parent;
  }
}

/** Cuts `root`'s content once its text passes `maxChars`; true when it did. No recursion. */
export function cutContent(root: Element, maxChars: number): boolean {
  let total = 0;
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      total += node.data.length;
      if (total > maxChars) {
        dropFrom(node, root);
        return true;
      }
    } else if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
    }
  }
  return false;
}
