// Where the test corpora live: tests/corpus in the repository (see its README).
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const corpusDir = resolve(projectRoot, 'tests', 'corpus');
export const exampleArticle = resolve(corpusDir, 'examples', '000_9038b9f4f23aeffc.txt');
