// htmlparser2's Tokenizer with its three hottest loops scanning by `indexOf` and a tight
// char loop instead of one state-machine step per character: plain text up to the next
// `<` or `&`, quoted attribute values up to the closing quote or `&`, and the bodies of
// <script>/<style>/comments up to their end marker. Same tokens, same positions, same
// entity decoding: every skip stops on exactly the character the original state would
// act on, and hands that character to the original state. Pass it as the parser's
// `Tokenizer` option.

import { Tokenizer } from 'htmlparser2';

const LT = 0x3c;
const AMP = 0x26;

/** The Tokenizer internals the overrides read; private in htmlparser2's typings. */
interface TokenizerState {
  buffer: string;
  index: number;
  offset: number;
  decodeEntities: boolean;
}

interface TokenizerPrototype {
  stateText(this: TokenizerState, c: number): void;
  handleInAttributeValue(this: TokenizerState, c: number, quote: number): void;
  fastForwardTo(this: TokenizerState, c: number): boolean;
}

/** Index of the first `a` or `b` at or after `from`, or the buffer's length. */
function scanTo(buffer: string, from: number, a: number, b: number): number {
  let at = from;
  const end = buffer.length;
  while (at < end) {
    const code = buffer.charCodeAt(at);
    if (code === a || code === b) return at;
    at += 1;
  }
  return end;
}

export class FastTokenizer extends Tokenizer {}

const base = Tokenizer.prototype as unknown as TokenizerPrototype;
const fast = FastTokenizer.prototype as unknown as TokenizerPrototype;

fast.stateText = function stateText(c) {
  if (c === LT || c === AMP || !this.decodeEntities) {
    base.stateText.call(this, c);
    return;
  }
  // The parse loop steps past the index set here, onto the next `<` or `&`.
  this.index = scanTo(this.buffer, this.index - this.offset + 1, LT, AMP) + this.offset - 1;
};

fast.handleInAttributeValue = function handleInAttributeValue(c, quote) {
  if (c === quote || c === AMP || !this.decodeEntities) {
    base.handleInAttributeValue.call(this, c, quote);
    return;
  }
  this.index = scanTo(this.buffer, this.index - this.offset + 1, quote, AMP) + this.offset - 1;
};

fast.fastForwardTo = function fastForwardTo(c) {
  const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
  if (at >= 0) {
    this.index = at + this.offset;
    return true;
  }
  this.index = this.buffer.length + this.offset - 1;
  return false;
};
