// Repairs the usual ways real feeds break XML, before a second strict attempt:
// HTML named entities XML does not declare (`&nbsp;`, `&eacute;`) become numeric
// references, bare `&` becomes `&amp;`, and control characters XML forbids are dropped.
// CDATA sections and comments are left untouched.

import { isXmlEntity, lookupEntity } from '../lib/text.js';

const PROTECTED = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function repairXml(xml: string): string {
  let out = '';
  let last = 0;
  for (const match of xml.matchAll(PROTECTED)) {
    out += repairSegment(xml.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += repairSegment(xml.slice(last));
  return out.replace(FORBIDDEN_CONTROLS, '');
}

function repairSegment(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#x[0-9a-f]+;|#\d+;|([a-z][a-z0-9]{0,31});)?/gi,
    (whole, ref: string | undefined, name: string | undefined) => {
      if (!ref) return '&amp;';
      if (!name || isXmlEntity(name)) return whole;
      const decoded = lookupEntity(name);
      if (decoded === undefined) return `&amp;${name};`;
      return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
    },
  );
}
