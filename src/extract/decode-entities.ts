import { load } from 'cheerio/slim';
import { collapseWhitespaceAndZeroWidth } from '../lib/text.js';

/** Plain text out of a value that may hold entities or tags (JSON-LD often does). */
export function decodeText(value: string): string {
  if (!/[&<]/.test(value)) return collapseWhitespaceAndZeroWidth(value);
  return collapseWhitespaceAndZeroWidth(load(value, { xml: { xmlMode: false, decodeEntities: true } }, false).text());
}
