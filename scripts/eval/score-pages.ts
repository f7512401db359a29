// The two scoring methods of tests/corpus/README.md, one per corpus:
// - shingles (the Zyte article-extraction benchmark): per-page precision and recall over
//   4-token shingles, averaged over pages, F1 from the means;
// - snippets (trafilatura's eval_common.py): `with` snippets found are true positives,
//   `without` snippets found false positives, counts summed over all pages.
// Each page also gets one number in [0, 1] (`pageScore`) to rank the pages lost most on.

export interface PageResult {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Per-page F1 (shingles) or share of snippets judged right (snippets). */
  pageScore: number;
}

export interface SetScore {
  f1: number;
  precision: number;
  recall: number;
}

/** 4-token shingles of the `\w+` tokens, as a multiset; fewer than 4 tokens make one shingle. */
function shingles(text: string, size = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}\p{Mn}\p{Pc}]+/gu) ?? [];
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < size) add(tokens.join(' '));
  else for (let index = 0; index + size <= tokens.length; index += 1) add(tokens.slice(index, index + size).join(' '));
  return counts;
}

export function scoreShingles(predicted: string, truth: string): PageResult {
  const predictedShingles = shingles(predicted);
  const truthShingles = shingles(truth);
  let tp = 0;
  let fp = 0;
  for (const [key, count] of predictedShingles) {
    const shared = Math.min(count, truthShingles.get(key) ?? 0);
    tp += shared;
    fp += count - shared;
  }
  let total = 0;
  for (const count of truthShingles.values()) total += count;
  const fn = total - tp;
  const perfect = fp === 0 && fn === 0;
  const precision = perfect ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = perfect ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  const pageScore = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn: 0, precision, recall, pageScore };
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

export function scoreSnippets(predicted: string, withSnippets: string[], withoutSnippets: string[]): PageResult {
  const text = normalize(predicted);
  const tp = withSnippets.filter((snippet) => text.includes(normalize(snippet))).length;
  const fp = withoutSnippets.filter((snippet) => text.includes(normalize(snippet))).length;
  const fn = withSnippets.length - tp;
  const tn = withoutSnippets.length - fp;
  const all = tp + fp + fn + tn || 1;
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    pageScore: (tp + tn) / all,
  };
}

/** The benchmark's aggregate: means of per-page precision and recall. */
export function aggregateShingles(results: PageResult[]): SetScore {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
  const precision = mean(results.map((result) => result.precision));
  const recall = mean(results.map((result) => result.recall));
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** trafilatura's aggregate: counts summed over pages. */
export function aggregateSnippets(results: PageResult[]): SetScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const result of results) {
    tp += result.tp;
    fp += result.fp;
    fn += result.fn;
  }
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), f1: (2 * tp) / (2 * tp + fp + fn || 1) };
}
