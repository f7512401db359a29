// Promo blocks that carry no telling class, found by the words they open with (a site
// rule's `stripText`, e.g. TechCrunch's "Techcrunch event" / "Join the Disrupt ..."
// boxes, which change markup every year but not wording). The innermost element whose
// text opens with the phrase is found, then widened to the outermost ancestor whose text
// still opens the same way: the whole box goes, the article around it stays.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** A promo box is short; an ancestor with more text than this is the article itself. */
const MAX_BLOCK_CHARS = 2_000;
/** A promo opens with a label or a heading; a longer element opening with the phrase is prose. */
const MAX_OPENING_CHARS = 300;

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  const children = (node as Element).children ?? [];
  let out = '';
  for (const child of children) out += textOf(child);
  return out;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function widen(element: Element, root: Element): Element {
  const opening = normalize(textOf(element));
  let block = element;
  for (let parent = element.parent; parent && parent !== root && parent.type === 'tag'; parent = parent.parent) {
    const text = normalize(textOf(parent));
    if (text.length > MAX_BLOCK_CHARS || !text.startsWith(opening)) break;
    block = parent as Element;
  }
  return block;
}

export function stripByText($: CheerioAPI, root: Cheerio<Element>, phrases: readonly string[]): void {
  const rootNode = root.get(0);
  if (!rootNode || phrases.length === 0) return;
  const wanted = phrases.map(normalize);
  const opens = (element: Element) => {
    const text = normalize(textOf(element));
    return wanted.some((phrase) => text.startsWith(phrase));
  };
  const hits = root
    .find('*')
    .toArray()
    .filter((element): element is Element => element.type === 'tag' && opens(element))
    // Innermost matches only: an element none of whose children also matches.
    .filter((element) => !element.children.some((child) => child.type === 'tag' && opens(child as Element)))
    .filter((element) => normalize(textOf(element)).length <= MAX_OPENING_CHARS);
  for (const hit of hits) $(widen(hit, rootNode)).remove();
}
