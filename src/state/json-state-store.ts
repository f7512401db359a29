// The StateStore of one machine: data/state.json, loaded once per run, changed in memory,
// written atomically and spaced (run-state.ts). Claims in flight (an item, a canonical URL
// or a slug being stored) live in memory only until the file is written: a save during
// the write never records a URL whose story has no file. The run lock makes this process
// the only writer.

import type { FailedFetch, NotModifiedFetch, ParsedFetch, StateStore } from './state-store.js';
import { applyFailure, applyNotModified, applySuccess } from './record-fetch.js';
import { createStateSaver, findSourceState, loadState, sourceState, type RunState } from './run-state.js';
import { findNewItems } from './seen-items.js';
import type { ScheduleSettings } from './source-schedule.js';

export async function openJsonStateStore(path: string): Promise<StateStore> {
  return createJsonStateStore(path, await loadState(path));
}

export function createJsonStateStore(path: string, state: RunState): StateStore {
  const saver = createStateSaver(path, state);
  const itemsInFlight = new Set<string>();
  const slugsInFlight = new Set<string>();
  const urlsInFlight = new Map<string, string>();
  const recordItem = (itemId: string, slug: string) => {
    state.items[itemId] = { seenAt: new Date().toISOString(), slug };
  };
  return {
    findSource: (url) => findSourceState(state, url),
    recordNotModified: (url: string, fetch: NotModifiedFetch, settings: ScheduleSettings) =>
      applyNotModified(sourceState(state, url), fetch, settings),
    recordSuccess: (url: string, fetch: ParsedFetch, settings: ScheduleSettings) =>
      applySuccess(sourceState(state, url), fetch, settings),
    recordFailure: (url: string, fetch: FailedFetch, settings: ScheduleSettings) =>
      applyFailure(sourceState(state, url), fetch, settings),

    findNewItems: (source, items, owners) => findNewItems(state, source, items, owners),
    findItem: (itemId) => state.items[itemId],
    claimItem(itemId) {
      if (state.items[itemId]?.slug || itemsInFlight.has(itemId)) return false;
      itemsInFlight.add(itemId);
      return true;
    },
    releaseItem: (itemId) => void itemsInFlight.delete(itemId),
    recordItem,
    recordStored(itemId, slug, url) {
      recordItem(itemId, slug);
      if (url === undefined) return;
      state.urls[url] = slug;
      urlsInFlight.delete(url);
    },

    findUrl: (url) => state.urls[url] ?? urlsInFlight.get(url),
    claimUrl(url, slug) {
      const taken = state.urls[url] ?? urlsInFlight.get(url);
      if (taken) return taken;
      urlsInFlight.set(url, slug);
      return undefined;
    },
    releaseUrl: (url) => void urlsInFlight.delete(url),

    reserveSlug(slug) {
      if (slugsInFlight.has(slug)) return false;
      slugsInFlight.add(slug);
      return true;
    },
    releaseSlug: (slug) => void slugsInFlight.delete(slug),

    save: () => saver.save(),
    flush: () => saver.flush(),
  };
}
