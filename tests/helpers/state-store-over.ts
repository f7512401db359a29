// One JSON StateStore per in-memory RunState, for tests that call the store stage
// directly and then read the state they passed. It never saves unless asked to.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJsonStateStore, type RunState, type StateStore } from '../../src/state/index.js';

const stores = new WeakMap<RunState, StateStore>();

export function storeOver(state: RunState): StateStore {
  const known = stores.get(state);
  if (known) return known;
  const store = createJsonStateStore(join(tmpdir(), 'feedwright-unsaved-state.json'), state);
  stores.set(state, store);
  return store;
}
