// The tree turndown converts (build-turndown-tree.ts) keeps each element's text, as turndown
// asks for it several times; the kept text follows every change turndown makes (whitespace
// collapsed in a text node, a node removed, a node added), and the tree is its own copy.

import { expect, test } from 'vitest';
import { loadDocument } from '../../../src/extract/load-document.js';
import { buildTurndownTree, TreeText } from '../../../src/extract/markdown/build-turndown-tree.js';
import type { TreeElement } from '../../../src/extract/markdown/build-turndown-tree.js';

function treeOf(html: string): TreeElement {
  return buildTurndownTree(loadDocument(html).root()[0]!.children);
}

test('an element’s text follows changes to the text below it', () => {
  const root = treeOf('<p>one <b>two  </b><i>three</i></p>');
  const paragraph = root.firstChild as TreeElement;
  const bold = paragraph.childNodes[1] as TreeElement;
  expect(root.textContent).toBe('one two  three');
  (bold.firstChild as TreeText).data = 'two ';
  expect(paragraph.textContent).toBe('one two three');
  expect(root.textContent).toBe('one two three');
  paragraph.removeChild(paragraph.childNodes[2]!);
  expect(root.textContent).toBe('one two ');
  bold.appendChild(new TreeText('and four'));
  expect(root.textContent).toBe('one two and four');
});

test('the tree is its own copy', () => {
  const root = treeOf('<p>text</p>');
  expect(root.cloneNode()).toBe(root);
});
