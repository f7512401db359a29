// Bytes to text for feeds and pages. Precedence (the issue's order, not RFC 3023's):
//   1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//   2. the HTTP `charset` parameter;
//   3. the document's own declaration: `<?xml ... encoding=...?>` for feeds,
//      `<meta charset>` / `<meta http-equiv=content-type>` in the first 2 KB for pages;
//   4. UTF-16/32 sniffed from the byte pattern of `<?xml` (XML 1.0 Appendix F), else UTF-8.
// A label that claims UTF-16/32 while the bytes are ASCII-compatible is ignored (it is
// a lie, the bytes could not have been read otherwise). A body that claims UTF-8 but is
// not valid UTF-8 is decoded as windows-1252, the usual truth, rather than U+FFFD soup;
// unless its well-formed multibyte sequences outnumber the bad bytes (a stray bad byte in
// UTF-8 text becomes U+FFFD, as in a browser).
// Latin-1 and US-ASCII labels decode as windows-1252, as browsers do (WHATWG Encoding).

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface DecodedBody {
  text: string;
  /** The charset the text was decoded from, normalized (`utf-8`, `windows-1251`, ...). */
  charset: string;
}

type Family = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

const PAGE_PRESCAN_BYTES = 2048;
const FEED_PRESCAN_BYTES = 1024;

/** Labels that name the same (or a superset) encoding, mapped to what we report. */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'x-unicode20utf8': 'utf-8',
  latin1: 'iso-8859-1',
  l1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  ascii: 'us-ascii',
  'ansi_x3.4-1968': 'us-ascii',
  'x-user-defined': 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  csgb2312: 'gb18030',
  'euc-cn': 'gb18030',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  cp932: 'shift_jis',
  'ks_c_5601-1987': 'euc-kr',
  korean: 'euc-kr',
  'windows-949': 'euc-kr',
  cp949: 'euc-kr',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  'x-euc-jp': 'euc-jp',
  'tis-620': 'windows-874',
  'iso-8859-11': 'windows-874',
  'x-mac-roman': 'macintosh',
  mac: 'macintosh',
  unicode: 'utf-16',
  'ucs-2': 'utf-16',
  'iso-10646-ucs-2': 'utf-16',
  'ucs-4': 'utf-32',
  'iso-10646-ucs-4': 'utf-32',
};

/** What iconv-lite decodes a reported charset with, when it differs. */
const DECODE_AS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'us-ascii': 'windows-1252',
};

/** Decodes a response body; `contentType` is the raw Content-Type header, if any. */
export function decodeBody(bytes: Buffer, contentType: string | undefined, kind: 'feed' | 'page'): DecodedBody {
  const { charset, start } = chooseCharset(bytes, contentType, kind);
  // UTF-8 (nearly every page) natively: iconv-lite's StringDecoder path cost ~3 ms per
  // 140 KB page, more than the rest of the fetch (bench/).
  const body = bytes.subarray(start);
  let text = charset === 'utf-8' ? body.toString('utf8') : iconv.decode(body, DECODE_AS[charset] ?? charset);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, charset };
}

export interface DecodedPieces {
  /** The text in order, a slice of the body at a time; joined, decodeBody's text. */
  pieces: Iterable<string>;
  charset: string;
}

/** Bytes per piece: small enough that each string is an ordinary young V8 object. */
export const PIECE_BYTES = 16 * 1024;

/**
 * decodeBody a piece at a time, for a parser that takes text as it comes (the extractor's):
 * the body never exists as one string. A 140 KB page as one string is a large object V8
 * allocates in fresh pages, ~1 ms to decode; in 16 KB pieces ~0.1 ms (bench/).
 */
export function decodeBodyPieces(
  bytes: Buffer,
  contentType: string | undefined,
  kind: 'feed' | 'page',
  pieceBytes = PIECE_BYTES,
): DecodedPieces {
  const { charset, start } = chooseCharset(bytes, contentType, kind);
  return { pieces: decodePieces(bytes.subarray(start), charset, pieceBytes), charset };
}

function* decodePieces(bytes: Buffer, charset: string, pieceBytes: number): Generator<string> {
  // Both decoders keep a character cut between two pieces for the next one.
  const decoder = charset === 'utf-8' ? utf8StreamDecoder() : iconv.getDecoder(DECODE_AS[charset] ?? charset);
  let first = true;
  const emit = (text: string | undefined): string => {
    if (!text) return '';
    // As decodeBody: one U+FEFF opening the text is dropped.
    const out = first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    first = false;
    return out;
  };
  for (let offset = 0; offset < bytes.length; offset += pieceBytes) {
    const text = emit(decoder.write(bytes.subarray(offset, Math.min(bytes.length, offset + pieceBytes))));
    if (text) yield text;
  }
  const rest = emit(decoder.end());
  if (rest) yield rest;
}

function utf8StreamDecoder(): { write(piece: Buffer): string; end(): string } {
  // ignoreBOM: keep a U+FEFF in the text, as Buffer#toString does; emit() drops the first.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return { write: (piece) => decoder.decode(piece, { stream: true }), end: () => decoder.decode() };
}

/** The charset a body is decoded with, and where its text starts (after a byte order mark). */
function chooseCharset(
  bytes: Buffer,
  contentType: string | undefined,
  kind: 'feed' | 'page',
): { charset: string; start: number } {
  const bom = findBom(bytes);
  if (bom) return { charset: bom.charset, start: bom.length };
  const sniffed = sniffUnicodeFamily(bytes);
  const declared =
    normalizeCharset(findHttpCharset(contentType), sniffed) ??
    (sniffed ? undefined : normalizeCharset(findDocumentCharset(bytes, kind), sniffed));
  const charset = declared ?? sniffed ?? 'utf-8';
  // isUtf8 validates without decoding (a fatal TextDecoder built a string only to drop it).
  if (charset === 'utf-8' && !isUtf8(bytes) && !isMostlyUtf8(bytes)) return { charset: 'windows-1252', start: 0 };
  return { charset, start: 0 };
}

/**
 * True when `bytes`, not valid UTF-8, still hold more well-formed multibyte sequences than
 * malformed ones: UTF-8 with a stray bad byte (read as U+FFFD, as a browser does), not
 * windows-1252 text, whose accented letters never pair up into UTF-8 sequences.
 */
function isMostlyUtf8(bytes: Buffer): boolean {
  const text = bytes.toString('utf8');
  let wellFormed = 0;
  let malformed = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd) malformed += 1;
    else if (code > 0x7f) wellFormed += 1;
  }
  return wellFormed > malformed;
}

function findBom(bytes: Buffer): { charset: string; length: number } | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { charset: 'utf-8', length: 3 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { charset: 'utf-32le', length: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { charset: 'utf-32be', length: 4 };
  if (b0 === 0xff && b1 === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16/32 without a BOM, from the NUL pattern of the first (ASCII) character. */
function sniffUnicodeFamily(bytes: Buffer): Family | undefined {
  if (bytes.length < 4) return undefined;
  const z = [bytes[0] === 0, bytes[1] === 0, bytes[2] === 0, bytes[3] === 0];
  if (!z[0] && z[1] && z[2] && z[3]) return 'utf-32le';
  if (z[0] && z[1] && z[2] && !z[3]) return 'utf-32be';
  if (!z[0] && z[1] && !z[2] && z[3]) return 'utf-16le';
  if (z[0] && !z[1] && z[2] && !z[3]) return 'utf-16be';
  return undefined;
}

/** The `charset` parameter of a Content-Type header, quotes and spaces removed. */
export function findHttpCharset(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]*)/i.exec(contentType);
  return match ? match[1].replace(/^["']|["']$/g, '').trim() || undefined : undefined;
}

function findDocumentCharset(bytes: Buffer, kind: 'feed' | 'page'): string | undefined {
  const head = bytes.subarray(0, kind === 'page' ? PAGE_PRESCAN_BYTES : FEED_PRESCAN_BYTES).toString('latin1');
  const xml = /^[\s\S]{0,64}?<\?xml[^>]*?\bencoding\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  if (kind === 'feed') return xml;
  return findMetaCharset(head) ?? xml;
}

function findMetaCharset(head: string): string | undefined {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(tag)?.[1];
      const charset = findHttpCharset(content?.replace(/^["']|["']$/g, ''));
      if (charset) return charset;
    }
  }
  return undefined;
}

/**
 * A label as we report it, or undefined when iconv-lite cannot decode it or it contradicts
 * the bytes (a UTF-16/32 label on ASCII-compatible bytes and vice versa).
 */
export function normalizeCharset(label: string | undefined, sniffed?: Family): string | undefined {
  if (!label) return undefined;
  let name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  name = ALIASES[name] ?? name;
  if (/^(cp|windows)[-_]?125\d$/.test(name)) name = `windows-${name.slice(-4)}`;
  if (/^iso[-_ ]?8859[-_ ]?\d+$/.test(name)) name = `iso-8859-${/\d+$/.exec(name)![0]}`;
  if (/^utf-?(16|32)/.test(name)) {
    if (!sniffed) return undefined;
    const bits = name.includes('16') ? '16' : '32';
    return sniffed.startsWith(`utf-${bits}`) ? sniffed : undefined;
  }
  if (sniffed) return undefined;
  return iconv.encodingExists(DECODE_AS[name] ?? name) ? name : undefined;
}
