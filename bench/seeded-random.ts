// Deterministic pseudo-random numbers for the simulated web: the same seed gives the same
// sources, items, latencies and failures on every run.

/** mulberry32: a small fast 32-bit generator, uniform in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts, joined: a 32-bit seed for one decision. */
export function hashSeed(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0001');
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** One uniform draw in [0, 1) for a decision named by its parts. */
export function drawUniform(...parts: Array<string | number>): number {
  return createRandom(hashSeed(...parts))();
}
