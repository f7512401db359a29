import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeBody, decodeBodyPieces, PIECE_BYTES } from '../../../src/lib/decode-body.js';

const xml = (encoding: string | undefined, body: string) =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><rss><channel><title>${body}</title></channel></rss>`;

describe('decodeBody', () => {
  test.each([
    ['utf-8', Buffer.from([0xef, 0xbb, 0xbf])],
    ['utf-16le', Buffer.from([0xff, 0xfe])],
    ['utf-16be', Buffer.from([0xfe, 0xff])],
    ['utf-32le', Buffer.from([0xff, 0xfe, 0, 0])],
    ['utf-32be', Buffer.from([0, 0, 0xfe, 0xff])],
  ])('a %s BOM wins over the header and is stripped', (charset, bom) => {
    const text = xml(undefined, 'Zürich 日本');
    const body = Buffer.concat([bom, iconv.encode(text, charset)]);
    const decoded = decodeBody(body, 'application/xml; charset=iso-8859-1', 'feed');
    expect(decoded).toEqual({ text, charset });
  });

  test.each([['utf-16le'], ['utf-16be'], ['utf-32le'], ['utf-32be']])(
    '%s without a BOM is sniffed from <?xml',
    (charset) => {
      const text = xml(charset, 'Zürich');
      expect(decodeBody(iconv.encode(text, charset), undefined, 'feed')).toEqual({ text, charset });
    },
  );

  test('the HTTP charset wins over the XML declaration', () => {
    const text = xml('iso-8859-1', 'Привет');
    const decoded = decodeBody(iconv.encode(text, 'windows-1251'), 'text/xml; charset="windows-1251"', 'feed');
    expect(decoded).toEqual({ text, charset: 'windows-1251' });
  });

  test('the XML declaration is used when the header has no charset', () => {
    const text = xml('KOI8-R', 'Привет');
    expect(decodeBody(iconv.encode(text, 'koi8-r'), 'application/rss+xml', 'feed')).toEqual({
      text,
      charset: 'koi8-r',
    });
  });

  test.each([
    ['windows-1251', 'Привет, мир'],
    ['koi8-r', 'Привет, мир'],
    ['shift_jis', '日本語のフィード'],
    ['euc-jp', '日本語のフィード'],
    ['gb2312', '中文新闻'],
    ['big5', '中文新聞'],
    ['euc-kr', '한국어 뉴스'],
    ['iso-8859-2', 'Zażółć gęślą'],
  ])('decodes %s from the declaration', (charset, sample) => {
    const text = xml(charset, sample);
    expect(decodeBody(iconv.encode(text, charset), undefined, 'feed').text).toBe(text);
  });

  test('GB2312 is reported (and decoded) as its superset GB18030', () => {
    expect(decodeBody(iconv.encode(xml(undefined, '中文'), 'gb2312'), 'text/xml; charset=gb2312', 'feed').charset).toBe(
      'gb18030',
    );
  });

  test('a page takes <meta charset> from its head', () => {
    const html = '<!doctype html><html><head><meta charset="windows-1252"><title>Café – news</title></head></html>';
    expect(decodeBody(iconv.encode(html, 'windows-1252'), 'text/html', 'page')).toEqual({
      text: html,
      charset: 'windows-1252',
    });
  });

  test('a page takes <meta http-equiv=content-type>', () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>日本</title></head></html>';
    expect(decodeBody(iconv.encode(html, 'shift_jis'), undefined, 'page')).toEqual({
      text: html,
      charset: 'shift_jis',
    });
  });

  test('a feed ignores <meta> and a page ignores nothing the header says', () => {
    const html = '<html><head><meta charset="koi8-r"></head><body>Привет</body></html>';
    expect(decodeBody(iconv.encode(html, 'windows-1251'), 'text/html; charset=windows-1251', 'page').text).toBe(html);
  });

  test('invalid UTF-8 claimed as UTF-8 falls back to windows-1252', () => {
    const text = xml('utf-8', 'café “quoted”');
    const decoded = decodeBody(iconv.encode(text, 'windows-1252'), 'application/xml; charset=utf-8', 'feed');
    expect(decoded).toEqual({ text, charset: 'windows-1252' });
    expect(decoded.text).not.toContain('\ufffd');
  });

  test('UTF-8 with a stray bad byte stays UTF-8 (the byte becomes U+FFFD), not windows-1252 mojibake', () => {
    const [before, after] = xml('utf-8', 'Mäscot, Standardausführung, weiß #').split('#');
    const decoded = decodeBody(
      Buffer.concat([Buffer.from(before!), Buffer.from([0xa0]), Buffer.from(after!)]),
      'text/html; charset=utf-8',
      'page',
    );
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('Mäscot, Standardausführung, weiß \ufffd');
  });

  test('no declaration at all is UTF-8', () => {
    const text = '<rss><channel><title>naïve</title></channel></rss>';
    expect(decodeBody(Buffer.from(text), undefined, 'feed')).toEqual({ text, charset: 'utf-8' });
  });

  test('an unknown label falls through to the next source', () => {
    const text = xml('windows-1251', 'Привет');
    expect(decodeBody(iconv.encode(text, 'windows-1251'), 'text/xml; charset=x-bogus', 'feed').charset).toBe(
      'windows-1251',
    );
  });

  test('a UTF-16 label on ASCII-compatible bytes is ignored', () => {
    const text = xml('utf-16', 'plain');
    expect(decodeBody(Buffer.from(text), undefined, 'feed')).toEqual({ text, charset: 'utf-8' });
  });

  test('ISO-8859-1 decodes C1 bytes as windows-1252 punctuation', () => {
    const [before, after] = xml('iso-8859-1', 'don#t').split('#');
    const body = Buffer.concat([Buffer.from(before), Buffer.from([0x92]), Buffer.from(after)]);
    expect(decodeBody(body, undefined, 'feed').text).toContain('don\u2019t');
  });
});

describe('decodeBodyPieces', () => {
  const page = (charsetMeta: string, body: string) =>
    `<html><head>${charsetMeta}</head><body><p>${body}</p></body></html>`;
  // Each case through piece sizes that cut multi-byte characters at every offset.
  test.each([
    ['utf-8 with 2-, 3- and 4-byte characters', Buffer.from(page('', 'Zürich — 日本語 😀 '.repeat(20))), 'text/html'],
    [
      'utf-8 behind a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('', 'Ça va ✓'.repeat(9)))]),
      'text/html',
    ],
    [
      'windows-1251 from the header',
      iconv.encode(page('', 'Привет, мир. '.repeat(15)), 'windows-1251'),
      'text/html; charset=windows-1251',
    ],
    [
      'shift_jis from <meta>',
      iconv.encode(page('<meta charset="shift_jis">', '日本語のテキスト。'.repeat(15)), 'shift_jis'),
      'text/html',
    ],
    ['gb18030 from the header', iconv.encode(page('', '中文文本，'.repeat(15)), 'gb18030'), 'text/html; charset=gbk'],
    [
      'utf-16le behind a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('', 'Zürich 日本 '.repeat(15)), 'utf-16le')]),
      'text/html',
    ],
    [
      'invalid utf-8 read as windows-1252',
      Buffer.concat([
        Buffer.from('<p>caf'),
        Buffer.from([0xe9, 0x20, 0x93, 0x71, 0x94]),
        Buffer.from('</p>'.repeat(30)),
      ]),
      'text/html',
    ],
  ])("%s: the pieces join to decodeBody's text, whatever their size", (_name, bytes, contentType) => {
    const whole = decodeBody(bytes, contentType, 'page');
    for (const size of [1, 2, 3, 5, 7, 64, PIECE_BYTES]) {
      const decoded = decodeBodyPieces(bytes, contentType, 'page', size);
      const pieces = [...decoded.pieces];
      expect(decoded.charset).toBe(whole.charset);
      expect(pieces.join('')).toBe(whole.text);
      expect(pieces.every((piece) => piece.length > 0)).toBe(true);
      if (size < 64) expect(pieces.length).toBeGreaterThan(1);
    }
  });

  test('a page is cut into pieces of at most PIECE_BYTES bytes', () => {
    const bytes = Buffer.from(page('', 'x'.repeat(3 * PIECE_BYTES)));
    const pieces = [...decodeBodyPieces(bytes, 'text/html', 'page').pieces];
    expect(pieces).toHaveLength(Math.ceil(bytes.length / PIECE_BYTES));
    expect(Math.max(...pieces.map((piece) => piece.length))).toBe(PIECE_BYTES);
  });
});
