// Turns scenario results into the bench's table and its list of targets met or missed.

import type { ScenarioResult } from './run-scenario.js';

const MB = 1024 * 1024;

export interface Row {
  scenario: string;
  size: string;
  wall: string;
  bound: string;
  ratio: string;
  cpu: string;
  perUnit: string;
  rss: string;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

export function rowsOf(result: ScenarioResult): Row[] {
  const rows: Row[] = [];
  for (const [phase, metrics] of Object.entries(result.phases)) {
    const bound = result.bounds[phase];
    const articles = metrics.counts.articles ?? 0;
    const sources = metrics.counts.sources ?? 0;
    const perSource = phase === 'warm' || phase === 'client-304';
    const unit = perSource ? sources : articles;
    rows.push({
      scenario: `${result.label} ${phase}`,
      size: perSource ? `${sources} sources` : `${articles} articles`,
      wall: seconds(metrics.wallMs),
      bound: bound ? seconds(bound.boundMs) : '-',
      ratio: bound ? `${(metrics.wallMs / bound.boundMs).toFixed(2)}x` : '-',
      cpu: seconds(metrics.cpuMs),
      perUnit: unit > 0 ? `${(metrics.cpuMs / unit).toFixed(2)} ms/${perSource ? 'source' : 'article'}` : '-',
      rss: megabytes(metrics.peakRssBytes),
    });
  }
  return rows;
}

export function formatTable(rows: Row[]): string {
  const header: Row = {
    scenario: 'scenario',
    size: 'size',
    wall: 'wall',
    bound: 'net bound',
    ratio: 'wall/bound',
    cpu: 'CPU',
    perUnit: 'CPU per unit',
    rss: 'peak RSS',
  };
  return formatColumns(header, rows);
}

/** Rows of text as aligned columns, in the header's key order, under a rule. */
export function formatColumns<R extends { [K in keyof R]: string }>(header: R, rows: R[]): string {
  const all = [header, ...rows];
  const keys = Object.keys(header) as Array<keyof R>;
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: R) => keys.map((key, index) => row[key].padEnd(widths[index])).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

function find(results: ScenarioResult[], label: string): ScenarioResult | undefined {
  return results.find((result) => result.label === label);
}

/** One line per target: what it asks, what was measured, met or missed. */
export function checkTargets(results: ScenarioResult[]): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
  for (const result of results.filter((entry) => entry.kind === 'feedwright')) {
    const cold = result.phases.cold;
    const bound = result.bounds.cold;
    const articles = Math.max(1, cold.counts.articles ?? 0);
    if (bound)
      lines.push(
        `${verdict(cold.wallMs <= 1.25 * bound.boundMs)} ${result.label}: cold wall ${(cold.wallMs / bound.boundMs).toFixed(2)}x the network bound (target <= 1.25x)`,
      );
    lines.push(
      `${verdict(cold.cpuMs / articles <= 15)} ${result.label}: ${(cold.cpuMs / articles).toFixed(2)} ms CPU per article (target <= 15)`,
    );
    lines.push(
      `${verdict(cold.peakRssBytes <= 400 * MB)} ${result.label}: peak RSS ${megabytes(cold.peakRssBytes)} (target <= 400 MB at 20,000 articles)`,
    );
    const warm = result.phases.warm;
    const bare = result.phases['client-304'];
    if (warm && bare) {
      const sources = Math.max(1, warm.counts.sources ?? 0);
      const extra = (warm.cpuMs - bare.cpuMs) / sources;
      lines.push(
        `${verdict(extra <= 1)} ${result.label}: warm cycle ${(warm.cpuMs / sources).toFixed(2)} ms CPU per source, ${extra.toFixed(2)} beyond the bare 304 (target <= 1)`,
      );
    }
  }
  for (const result of results.filter((entry) => entry.kind === 'publish')) {
    const publish = result.phases.publish;
    const ok = publish.wallMs <= 10_000 && publish.peakRssBytes <= 500 * MB;
    lines.push(
      `${verdict(ok)} ${result.label}: ${seconds(publish.wallMs)}, ${megabytes(publish.peakRssBytes)} for ${publish.counts.articles} files (target <= 10 s and 500 MB at 100,000)`,
    );
  }
  for (const result of results.filter((entry) => entry.kind === 'baseline')) {
    const ours = find(results, result.label.replace(/^baseline/, 'cold'));
    if (!ours) continue;
    const speedup = result.phases.cold.wallMs / ours.phases.cold.wallMs;
    const cpuRatio = result.phases.cold.cpuMs / ours.phases.cold.cpuMs;
    // No client beats the network bound: the baseline's wall over it is the most any could show.
    const bound = ours.bounds.cold;
    const ceiling = bound
      ? `; a client at the network bound would be ${(result.phases.cold.wallMs / bound.boundMs).toFixed(2)}x`
      : '';
    lines.push(
      `${verdict(speedup >= 5)} ${ours.label} vs ${result.label}: ${speedup.toFixed(2)}x faster in wall time, ${cpuRatio.toFixed(2)}x less CPU (target >= 5x${ceiling})`,
    );
  }
  return lines;
}
