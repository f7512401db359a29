import { load } from 'cheerio/slim';
import { collapseWhitespace } from './load-document.js';

/** Plain text out of a value that may hold entities or tags (JSON-LD often does). */
export function decodeText(value: string): string {
  if (!/[&<]/.test(value)) return collapseWhitespace(value);
  return collapseWhitespace(load(value, { xml: { xmlMode: false, decodeEntities: true } }, false).text());
}
