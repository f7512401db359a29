import type { AnyNode, Element } from 'domhandler';
import { isElement } from './measure-tree.js';

/**
 * Visits every element under `root` in document order, without recursion (deep tag
 * soup cannot overflow the stack). `visit` returning false skips the element's children.
 */
export function walkElements(root: AnyNode, visit: (element: Element) => boolean | undefined): void {
  const stack: AnyNode[] = [];
  const pushChildren = (node: AnyNode) => {
    if (!('children' in node)) return;
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (visit(node) !== false) pushChildren(node);
  }
}
