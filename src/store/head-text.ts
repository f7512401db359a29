// A front-matter field as one line of plain text. Hand-written article files are published
// too, and readers print titles and categories as HTML: markup and bidirectional controls
// are stripped where the article files are read (issue 13), by the head scan and publish.

import { stripBidiControls } from '../lib/strip-bidi-controls.js';
import { stripMarkup } from '../lib/strip-markup.js';
import { collapseWhitespace } from '../lib/text.js';
import { stripInvalidXmlChars } from '../lib/xml-text.js';

export function toHeadText(text: string): string {
  return collapseWhitespace(stripBidiControls(stripMarkup(stripInvalidXmlChars(text))));
}
