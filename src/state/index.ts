// The state folder's door: what feedwright remembers between runs (state.json today), the
// one interface that changes it (StateStore), and the polling policy that reads it.

export type {
  ConflictEntry,
  FailedFetch,
  ItemUpdate,
  NotModifiedFetch,
  ParsedFetch,
  StateStore,
  StoredFile,
} from './state-store.js';
export type { NearDuplicateStore } from './near-duplicate-store.js';
export { nearDuplicatesPath } from './near-duplicate-index-json.js';
export { createJsonStateStore, openJsonStateStore } from './json-state-store.js';
export { CLAIM_TTL_MS, createRedisStateStore, stateKeys } from './redis-state-store.js';
export { exportRedisState, importRedisState, isRedisStateEmpty } from './redis-state-transfer.js';
export type { FetchOutcome, ItemFingerprint, RunState, SeenItem, SourceState, UpdateConflict } from './run-state.js';
export { findChangedParts, fingerprintItem } from './item-fingerprint.js';
export { emptyState, loadState, sourceKey } from './run-state.js';
export { isDue, type ScheduleSettings } from './source-schedule.js';
export { scopeItemId, type GuidOwners, type NewItems } from './seen-items.js';
