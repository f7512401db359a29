// Article bodies from tests/corpus/articles (people marked them), by the page's URL, for the
// dedupe tests: two pages of one site are two different stories.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpusDir } from '../../helpers/paths.js';

const truth = JSON.parse(readFileSync(resolve(corpusDir, 'articles', 'ground-truth.json'), 'utf8')) as Record<
  string,
  { url: string; articleBody: string }
>;

/** The body of the one corpus article whose URL contains `part`. */
export function articleText(part: string): string {
  const found = Object.values(truth).filter((entry) => entry.url.includes(part));
  if (found.length !== 1) throw new Error(`${found.length} corpus articles match ${part}`);
  return found[0]!.articleBody;
}

/** The first `fraction` of a text's words. */
export function firstPart(text: string, fraction: number): string {
  const words = text.split(/\s+/);
  return words.slice(0, Math.round(words.length * fraction)).join(' ');
}
