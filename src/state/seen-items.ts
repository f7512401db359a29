// Which items of a fetched feed are new. An item's id is scoped to its source (issue 13):
// a hash of the source's URL (credentials removed) and the id the feed gives it (GUID,
// else link, else title and content), so a source that lists another's GUIDs, or two
// feeds that both number their items 1001, 1002..., never make each other's stories
// "already seen" (STYLE.md "Habits", as Miniflux keys entries by feed and hash). The
// same story reached through two sources is still one article: store-article.ts keys
// stories by canonical URL.
//
// Migration from a state file written before ids were scoped (version 1): its seen ids
// are kept as `legacyItems`, and each source, at its first fetch after the upgrade, takes
// over the old ids of the items it lists (copied under their scoped ids) and is marked
// `scopedIds`; from then on it reads only scoped ids. Nothing is fetched or written again.

import { hashId } from '../lib/hash.js';
import { redactUrl } from '../lib/url.js';
import type { FeedItem } from '../types.js';
import { isChangedItem } from './item-fingerprint.js';
import { sourceState, type RunState } from './run-state.js';

/** The id of an item of `sourceUrl` whose id within its feed is `feedItemId`. */
export function scopeItemId(sourceUrl: string, feedItemId: string): string {
  return hashId(`source:${redactUrl(sourceUrl)}\n${feedItemId}`);
}

/** GUID (as the id within a feed) → the name of the first source that listed it in this run. */
export type GuidOwners = Map<string, string>;

export interface NewItems {
  /** Items never seen from this source, ids scoped, first of each id only. */
  fresh: FeedItem[];
  /** Items stored from this source within the update window whose entry changed since (item-fingerprint.ts). */
  changed: FeedItem[];
  /** Other sources (by name) that listed some of the same GUIDs in this run, with how many. */
  collisions: Map<string, number>;
}

/** An item of a fetched feed with its id scoped to the source (`id`) and the id its feed gave it. */
export interface ListedItem {
  item: FeedItem;
  feedItemId: string;
}

/**
 * The items of a fetched feed, first of each id only, their ids scoped to the source, and
 * the other sources that listed the same GUIDs in this run. Every store decides which are
 * new from this list.
 */
export function listFeedItems(
  source: { name: string; url: string },
  items: FeedItem[],
  owners: GuidOwners,
): { listed: ListedItem[]; collisions: Map<string, number> } {
  const listed: ListedItem[] = [];
  const collisions = new Map<string, number>();
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) continue;
    ids.add(item.id);
    if (item.guid) noteOwner(owners, item.id, source.name, collisions);
    listed.push({ item: { ...item, id: scopeItemId(source.url, item.id) }, feedItemId: item.id });
  }
  return { listed, collisions };
}

export function findNewItems(
  state: RunState,
  source: { name: string; url: string },
  items: FeedItem[],
  owners: GuidOwners,
  since?: Date,
): NewItems {
  const st = sourceState(state, source.url);
  const legacy = st.scopedIds ? undefined : state.legacyItems;
  const { listed, collisions } = listFeedItems(source, items, owners);
  const fresh: FeedItem[] = [];
  const changed: FeedItem[] = [];
  for (const { item, feedItemId } of listed) {
    const old = legacy?.[feedItemId];
    if (old && !state.items[item.id]) state.items[item.id] = old;
    if (!state.items[item.id]) fresh.push(item);
    else if (isChangedItem(state.items[item.id], item, since)) changed.push(item);
  }
  st.scopedIds = true;
  return { fresh, changed, collisions };
}

function noteOwner(owners: GuidOwners, feedItemId: string, name: string, collisions: Map<string, number>): void {
  const owner = owners.get(feedItemId);
  if (owner === undefined) owners.set(feedItemId, name);
  else if (owner !== name) collisions.set(owner, (collisions.get(owner) ?? 0) + 1);
}
