// Edits at the source (issue 16): a feed entry's fingerprint, and which stored items of a
// fetched feed changed since they were stored. An item is followed for updates.windowDays
// after it was first seen (not after each update, so an entry its feed keeps touching is
// not followed for ever); only an item that wrote its own file has a fingerprint (one
// found a duplicate of another story never rewrites that story's file).

import { hashId } from '../lib/hash.js';
import type { FeedItem } from '../types.js';
import type { ItemFingerprint, SeenItem } from './run-state.js';

/** The entry's own updated date, and hashes of its title and of its content (summary and full content). */
export function fingerprintItem(item: FeedItem): ItemFingerprint {
  return {
    ...(item.updated ? { updated: item.updated } : {}),
    title: hashId(item.title, 12),
    content: hashId(`${item.summary ?? ''}\n${item.contentHtml ?? ''}`, 12),
  };
}

/** The parts of the entry that differ (`updated`, `title`, `content`); none when it is the same version. */
export function findChangedParts(before: ItemFingerprint, after: ItemFingerprint): Array<keyof ItemFingerprint> {
  return (['updated', 'title', 'content'] as const).filter((part) => before[part] !== after[part]);
}

/**
 * True when `seen` is an item stored from its own entry, first seen at or after `since`,
 * whose entry now differs from the one last read.
 */
export function isChangedItem(seen: SeenItem | undefined, item: FeedItem, since: Date | undefined): boolean {
  if (!since || !seen?.fingerprint || !seen.slug) return false;
  if (!(Date.parse(seen.seenAt) >= since.getTime())) return false;
  return findChangedParts(seen.fingerprint, fingerprintItem(item)).length > 0;
}
