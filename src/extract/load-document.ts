// Parses a page with cheerio's htmlparser2 path: 3-4x faster than parse5 on real pages,
// and lenient enough for the tag soup sites serve. Serializing writes non-ASCII text as
// itself ('utf8'), not as `&#x2019;` references the sanitizer would decode again.
//
// A node budget (issue 13): parsing stops at MAX_ELEMENTS elements or at an element
// MAX_DEPTH deep, keeping the tree built so far. Past that nothing is article text, and
// each later stage pays per node (600,000 <p> cost 12 s and 1.2 GB) or per level (100,000
// unclosed <b><i> made htmlparser2's open-element stack quadratic, then overflowed the
// recursive serializers and turndown).
// Entities are decoded by the tree builder, not the tokenizer (TOKENIZER_OPTIONS): the tree
// is the one htmlparser2 builds decoding them itself (tests/unit/extract/load-document-entities).

import { load } from 'cheerio/slim';
import type { CheerioAPI } from 'cheerio/slim';
import { DomHandler } from 'domhandler';
import type { Element, Text } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';

const PARSER_OPTIONS = {
  xmlMode: false,
  decodeEntities: true,
  encodeEntities: 'utf8',
  lowerCaseAttributeNames: true,
} as const;
/**
 * The tokenizer leaves entities as written, so it skips through text and attribute values
 * with a search for the next `<` or quote, instead of a step per character (attribute values
 * are a third of a page's bytes); BudgetedHandler decodes them as htmlparser2 would have.
 * About a tenth off a page's parse.
 */
const TOKENIZER_OPTIONS = { ...PARSER_OPTIONS, decodeEntities: false } as const;
/** Elements whose text htmlparser2 leaves as written: its raw-text tags but <title>. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp']);

/** Elements parsed from one document; a long real article has a few thousand. */
const MAX_ELEMENTS = 100_000;
/** Open elements at once; real pages nest a few dozen deep. */
export const MAX_DEPTH = 256;

/**
 * <title> text as the tokenizer decodes it, quirks included (a `&` right after `<` stays as
 * written): titles are short, so it reads them again with decoding on.
 */
function decodeTitle(raw: string): string {
  let text = '';
  const parser = new Parser({ ontext: (data) => (text += data) }, PARSER_OPTIONS);
  parser.write('<title>');
  parser.end(raw);
  return text;
}

/** Roots of documents whose parse stopped at the budget. */
const cutRoots = new WeakSet<object>();

/**
 * Builds the tree and stops the parser once the budget is spent. Entities are decoded here,
 * not by the tokenizer (see TOKENIZER_OPTIONS), as it would have: attribute values as each
 * tag opens; text a section at a time (text between two tags, even one the parser drops,
 * like a stray `</b>`), a section cut by the end of a piece of input joined to its rest
 * first; <title> text with the tokenizer's quirks (decodeTitle); text the tokenizer gives
 * past the end of the input (`<!x`, `<?x` left open) as written, as it does.
 */
class BudgetedHandler extends DomHandler {
  owner?: Parser;
  exceeded = false;
  private elements = 0;
  private depth = 0;
  /** Raw text of the section being read, and where it ends in the input. */
  private section = '';
  private sectionEnd = -1;
  private trailing = false;
  private readonly titles: Text[] = [];

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.endSection();
    if (this.exceeded) return;
    this.elements += 1;
    this.depth += 1;
    if (this.elements > MAX_ELEMENTS || this.depth > MAX_DEPTH) {
      this.exceeded = true;
      this.owner?.pause();
      return;
    }
    for (const key in attribs) {
      const value = attribs[key]!;
      if (value.includes('&')) attribs[key] = decodeHTMLAttribute(value);
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.endSection();
    if (this.exceeded) return;
    this.depth -= 1;
    super.onclosetag();
  }

  override ontext(data: string): void {
    if (this.exceeded) return;
    if (this.trailing) {
      this.append(data, false);
      return;
    }
    // Text right where the section ends goes on with it (the section was cut by the end of
    // a piece of input); anything between, even a tag the parser drops, starts a new one.
    const end = this.owner!.endIndex + 1;
    if (end - data.length !== this.sectionEnd) this.endSection();
    this.section += data;
    this.sectionEnd = end;
  }

  override oncomment(data: string): void {
    this.endSection();
    super.oncomment(data);
  }

  override oncdatastart(): void {
    this.endSection();
    super.oncdatastart();
  }

  override onprocessinginstruction(name: string, data: string): void {
    this.endSection();
    super.onprocessinginstruction(name, data);
  }

  /** Ends the parse (or, past the budget, the tree). */
  finish(parser: Parser): void {
    this.endSection();
    this.trailing = true;
    if (this.exceeded) this.onend();
    else parser.end();
    for (const node of this.titles) if (node.data.includes('&')) node.data = decodeTitle(node.data);
  }

  private endSection(): void {
    const raw = this.section;
    if (raw === '' || this.exceeded) return;
    this.section = '';
    this.append(raw, raw.includes('&'));
  }

  private append(raw: string, decode: boolean): void {
    const parent = (this.tagStack[this.tagStack.length - 1] as Partial<Element>).name ?? '';
    if (parent === 'title') {
      super.ontext(raw);
      if (this.titles[this.titles.length - 1] !== this.lastNode) this.titles.push(this.lastNode as Text);
    } else super.ontext(decode && !RAW_TEXT.has(parent) ? decodeHTML(raw) : raw);
  }
}

/**
 * The page's tree, from its text or from its text in pieces (decodeBodyPieces): htmlparser2
 * takes pieces as they come, with the options cheerio gives it for a whole string, so both
 * build the same tree. Within the node budget (see above; isDocumentCut tells).
 */
export function loadDocument(html: string | Iterable<string>): CheerioAPI {
  const handler = new BudgetedHandler(undefined, PARSER_OPTIONS);
  const parser = new Parser(handler, TOKENIZER_OPTIONS);
  handler.owner = parser;
  for (const piece of typeof html === 'string' ? [html] : html) {
    parser.write(piece);
    if (handler.exceeded) break;
  }
  handler.finish(parser);
  if (handler.exceeded) cutRoots.add(handler.root);
  return load(handler.root, { xml: PARSER_OPTIONS });
}

/** True when the document's parse stopped at the node budget. */
export function isDocumentCut($: CheerioAPI): boolean {
  const root = $.root()[0];
  return root !== undefined && cutRoots.has(root);
}
