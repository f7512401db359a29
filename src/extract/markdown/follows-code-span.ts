// Where a code span may touch another (issue 13). Two code spans written side by side
// make one backtick run of both delimiters ("`a`" then "`` ` ``" reads "`a``` ` ``"),
// which pairs differently than written, and what was code can come out as markup. Any
// character between them keeps them apart, but turndown trims the whitespace at the
// edges of an inline element's content (newlines of a block in it included), so what
// separates two nodes is worked out from the tree: walking back from a code span, past
// output that is blank, to the nearest visible output before it.

/** turndown's block elements (and the converter's root): each writes blank lines around itself. */
export const BLOCKS = new Set([
  'X-TURNDOWN',
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CENTER',
  'DD',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HTML',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
/** Elements that write a mark of their own around their content (when it is not blank). */
const EMPHASIS = new Set(['EM', 'I', 'STRONG', 'B', 'S', 'DEL', 'STRIKE']);
const PREFIXED = new Set(['LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', ...EMPHASIS]);

export const isCodeBlock = (node: Node) => node.nodeName === 'PRE' && node.firstChild?.nodeName === 'CODE';

/** True when every ancestor is a block: inside `<em>` or `<a>`, a fence would follow `_` or `[` and not be one. */
export function startsLine(node: Node): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (!BLOCKS.has(parent.nodeName)) return false;
  return true;
}

/** Written as a code span: inline code, or a code block where no line can start. */
const isCodeSpan = (node: Node) => node.nodeName === 'CODE' || (isCodeBlock(node) && !startsLine(node));

const isBlock = (node: Node) =>
  (BLOCKS.has(node.nodeName) || node.nodeName === 'PRE' || node.nodeName === 'HR') && !isCodeSpan(node);

/** True when the node writes nothing but whitespace (an empty code span, an image without a source, a blank element). */
function isBlank(node: Node): boolean {
  if (node.nodeType !== 1) return !node.textContent?.trim();
  const element = node as HTMLElement;
  if (element.nodeName === 'IMG') return !element.getAttribute('src');
  if (element.nodeName === 'HR') return false;
  return (
    !element.textContent?.trim() &&
    !Array.from(element.getElementsByTagName('img')).some((image) => image.getAttribute('src'))
  );
}

/**
 * How a visible node's output ends: with a code span's backticks, a line break, or
 * something else. `trimmed`: the node ends an inline element's content, whose trailing
 * whitespace (a block's blank lines included) turndown trims.
 */
function endingOf(node: Node, trimmed: boolean): 'code' | 'newline' | 'other' {
  if (node.nodeType !== 1) return 'other';
  if (isCodeSpan(node)) return 'code';
  if (isBlock(node) && !trimmed) return 'newline';
  const linked = node.nodeName === 'A' && !!(node as HTMLElement).getAttribute('href');
  if (linked || node.nodeName === 'IMG' || node.nodeName === 'HR' || EMPHASIS.has(node.nodeName)) return 'other';
  // Otherwise the node ends as its last visible child does.
  const children = Array.from(node.childNodes).filter((child) => !isBlank(child));
  return children.length > 0 ? endingOf(children[children.length - 1]!, trimmed || !isBlock(node)) : 'other';
}

/** True when the Markdown written just before `node` may end with another code span's backticks. */
export function followsCodeSpan(node: Node): boolean {
  let current = node;
  // Blank lines between the two survive only between siblings, not at an inline element's edge.
  let separated = false;
  for (;;) {
    let previous = current.previousSibling;
    while (previous && isBlank(previous)) {
      separated ||= isBlock(previous) || previous.nodeName === 'BR';
      previous = previous.previousSibling;
    }
    if (previous) {
      return !separated && endingOf(previous, false) === 'code';
    }
    const parent = current.parentNode;
    if (
      !parent ||
      PREFIXED.has(parent.nodeName) ||
      (parent.nodeName === 'A' && (parent as HTMLElement).getAttribute('href'))
    )
      return false;
    separated = isBlock(parent);
    current = parent;
  }
}
