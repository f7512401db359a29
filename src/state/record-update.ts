// The changes of a SeenItem when its file is written or its entry changed (issue 16), as
// plain data every StateStore applies the same way: the fields to set, and whether the
// item's conflict is set, cleared or left as it is.

import type { SeenItem } from './run-state.js';
import type { ItemUpdate, StoredFile } from './state-store.js';

export interface SeenItemPatch {
  set: Partial<SeenItem>;
  conflict: 'set' | 'clear' | 'keep';
}

/** The fields of an item whose file was just written from its entry. */
export function storedFileFields(file: StoredFile | undefined, at: Date): Partial<SeenItem> {
  return file ? { fingerprint: file.fingerprint, fileHash: file.fileHash, storedAt: at.toISOString() } : {};
}

export function patchForUpdate(update: ItemUpdate): SeenItemPatch {
  if (update.kind === 'rewritten') return { set: storedFileFields(update, update.at), conflict: 'clear' };
  if (update.kind === 'conflict')
    return { set: { fingerprint: update.fingerprint, conflict: update.conflict }, conflict: 'set' };
  // The article read the same (its file is ours) or the file is gone: no conflict stands.
  return { set: { fingerprint: update.fingerprint }, conflict: 'clear' };
}

/** `seen` with the patch applied (a new object). */
export function applyPatch(seen: SeenItem, patch: SeenItemPatch): SeenItem {
  const next: SeenItem = { ...seen, ...patch.set };
  if (patch.conflict === 'clear') delete next.conflict;
  return next;
}
