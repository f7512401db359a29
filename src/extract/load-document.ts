// Parses a page with cheerio's htmlparser2 path: 3-4x faster than parse5 on real pages,
// and lenient enough for the tag soup sites serve. Serializing writes non-ASCII text as
// itself ('utf8'), not as `&#x2019;` references the sanitizer would decode again.
//
// A node budget (issue 13): parsing stops at MAX_ELEMENTS elements or at an element
// MAX_DEPTH deep, keeping the tree built so far. Past that nothing is article text, and
// each later stage pays per node (600,000 <p> cost 12 s and 1.2 GB) or per level (100,000
// unclosed <b><i> made htmlparser2's open-element stack quadratic, then overflowed the
// recursive serializers and turndown).

import { load } from 'cheerio/slim';
import type { CheerioAPI } from 'cheerio/slim';
import { DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';

const PARSER_OPTIONS = {
  xmlMode: false,
  decodeEntities: true,
  encodeEntities: 'utf8',
  lowerCaseAttributeNames: true,
} as const;

/** Elements parsed from one document; a long real article has a few thousand. */
const MAX_ELEMENTS = 100_000;
/** Open elements at once; real pages nest a few dozen deep. */
export const MAX_DEPTH = 256;

/** Roots of documents whose parse stopped at the budget. */
const cutRoots = new WeakSet<object>();

/** Builds the tree and stops the parser once the budget is spent. */
class BudgetedHandler extends DomHandler {
  owner?: Parser;
  exceeded = false;
  private elements = 0;
  private depth = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.exceeded) return;
    this.elements += 1;
    this.depth += 1;
    if (this.elements > MAX_ELEMENTS || this.depth > MAX_DEPTH) {
      this.exceeded = true;
      this.owner?.pause();
      return;
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    if (this.exceeded) return;
    this.depth -= 1;
    super.onclosetag();
  }

  override ontext(data: string): void {
    if (!this.exceeded) super.ontext(data);
  }
}

/**
 * The page's tree, from its text or from its text in pieces (decodeBodyPieces): htmlparser2
 * takes pieces as they come, with the options cheerio gives it for a whole string, so both
 * build the same tree. Within the node budget (see above; isDocumentCut tells).
 */
export function loadDocument(html: string | Iterable<string>): CheerioAPI {
  const handler = new BudgetedHandler(undefined, PARSER_OPTIONS);
  const parser = new Parser(handler, PARSER_OPTIONS);
  handler.owner = parser;
  for (const piece of typeof html === 'string' ? [html] : html) {
    parser.write(piece);
    if (handler.exceeded) break;
  }
  if (handler.exceeded) {
    handler.onend();
    cutRoots.add(handler.root);
  } else {
    parser.end();
  }
  return load(handler.root, { xml: PARSER_OPTIONS });
}

/** True when the document's parse stopped at the node budget. */
export function isDocumentCut($: CheerioAPI): boolean {
  const root = $.root()[0];
  return root !== undefined && cutRoots.has(root);
}
