// Where the shared test corpora live: ../shared beside the project folder.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const sharedDir = resolve(projectRoot, '..', 'shared');
export const corpusDir = resolve(sharedDir, 'corpus');
export const exampleArticle = resolve(sharedDir, 'examples', '000_9038b9f4f23aeffc.txt');
