// The dedupe folder's door (issue 16): near-duplicate detection of article bodies. A text
// becomes word shingles (shingle-text.ts), a MinHash signature cut into LSH band keys
// (min-hash.ts, near-duplicate-keys.ts) to index and look up; candidates are verified by
// exact shingle containment (similarity.ts). Pure functions plus the index contract
// (near-duplicate-index.ts); storing the index is the store's job.

export { nearDuplicateKeys } from './near-duplicate-keys.js';
export { DEFAULT_THRESHOLD, MIN_SHINGLES, compareShingles, isNearDuplicate, similarity } from './similarity.js';
export type { ShingleOverlap } from './similarity.js';
export { shingleText, tokenizeWords } from './shingle-text.js';
export {
  createMemoryNearDuplicateIndex,
  hashIndexKey,
  type MemoryNearDuplicateIndex,
  type NearDuplicateEntry,
  type NearDuplicateIndex,
  rankCandidates,
} from './near-duplicate-index.js';
export {
  findNearDuplicate,
  type FindNearDuplicateOptions,
  type NearDuplicateCheck,
} from './find-near-duplicate.js';
