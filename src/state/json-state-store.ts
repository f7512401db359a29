// The StateStore of one machine: data/state.json, loaded once per run, changed in memory,
// written atomically and spaced (run-state.ts). Claims in flight (an item, a canonical URL
// or a slug being stored) live in memory only until the file is written: a save during
// the write never records a URL whose story has no file. The run lock makes this process
// the only writer.

import type { FailedFetch, NotModifiedFetch, ParsedFetch, StateStore } from './state-store.js';
import {
  createJsonNearDuplicateStore,
  nearDuplicatesPath,
  openJsonNearDuplicateStore,
} from './near-duplicate-index-json.js';
import { applyFailure, applyNotModified, applySuccess } from './record-fetch.js';
import { applyPatch, patchForUpdate, storedFileFields } from './record-update.js';
import { createStateSaver, findSourceState, loadState, sourceState, type RunState } from './run-state.js';
import { findNewItems } from './seen-items.js';
import type { ScheduleSettings } from './source-schedule.js';

export async function openJsonStateStore(path: string): Promise<StateStore> {
  return createJsonStateStore(path, await loadState(path), openJsonNearDuplicateStore(nearDuplicatesPath(path)));
}

export function createJsonStateStore(
  path: string,
  state: RunState,
  nearDuplicates = createJsonNearDuplicateStore(nearDuplicatesPath(path)),
): StateStore {
  const saver = createStateSaver(path, state);
  const itemsInFlight = new Set<string>();
  /** Slug → the owner reserving it. */
  const slugsInFlight = new Map<string, string>();
  /** URL → the slug and owner claiming it. */
  const urlsInFlight = new Map<string, { slug: string; owner: string }>();
  const recordItem = (itemId: string, slug: string, fields = {}) => {
    state.items[itemId] = { seenAt: new Date().toISOString(), slug, ...fields };
  };
  const findUrl = (url: string) => state.urls[url] ?? urlsInFlight.get(url)?.slug;
  return {
    findSource: async (url) => findSourceState(state, url),
    recordNotModified: async (url: string, fetch: NotModifiedFetch, settings: ScheduleSettings) =>
      applyNotModified(sourceState(state, url), fetch, settings),
    recordSuccess: async (url: string, fetch: ParsedFetch, settings: ScheduleSettings) =>
      applySuccess(sourceState(state, url), fetch, settings),
    recordFailure: async (url: string, fetch: FailedFetch, settings: ScheduleSettings) =>
      applyFailure(sourceState(state, url), fetch, settings),

    findNewItems: async (source, items, owners, since) => findNewItems(state, source, items, owners, since),
    findItem: async (itemId) => state.items[itemId],
    async claimItem(itemId) {
      if (state.items[itemId]?.slug || itemsInFlight.has(itemId)) return false;
      itemsInFlight.add(itemId);
      return true;
    },
    releaseItem: async (itemId) => void itemsInFlight.delete(itemId),
    recordItem: async (itemId, slug) => recordItem(itemId, slug),
    async recordStored(itemId, slug, url, file) {
      recordItem(itemId, slug, storedFileFields(file, new Date()));
      if (url === undefined) return;
      state.urls[url] = slug;
      urlsInFlight.delete(url);
    },

    async recordUpdate(itemId, update) {
      const seen = state.items[itemId];
      if (seen) state.items[itemId] = applyPatch(seen, patchForUpdate(update));
    },
    findConflicts: async () =>
      Object.entries(state.items).flatMap(([itemId, seen]) =>
        seen.conflict && seen.slug ? [{ itemId, slug: seen.slug, conflict: seen.conflict }] : [],
      ),

    findUrl: async (url) => findUrl(url),
    async claimUrl(url, slug, owner) {
      const held = urlsInFlight.get(url);
      const taken = held?.owner === owner ? state.urls[url] : findUrl(url);
      if (taken) return taken;
      urlsInFlight.set(url, { slug, owner });
      return undefined;
    },
    async releaseUrl(url, owner) {
      if (urlsInFlight.get(url)?.owner === owner) urlsInFlight.delete(url);
    },

    async reserveSlug(slug, owner) {
      const holder = slugsInFlight.get(slug);
      if (holder !== undefined && holder !== owner) return false;
      slugsInFlight.set(slug, owner);
      return true;
    },
    async releaseSlug(slug, owner) {
      if (slugsInFlight.get(slug) === owner) slugsInFlight.delete(slug);
    },

    nearDuplicates,
    save: async () => void (await Promise.all([saver.save(), nearDuplicates.save()])),
    flush: async () => void (await Promise.all([saver.flush(), nearDuplicates.flush()])),
  };
}
