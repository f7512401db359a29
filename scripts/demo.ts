// `npm run demo`: the whole pipeline offline. A local server serves recorded feeds and
// pages; feedwright runs one cycle into a fresh folder (or --out DIR) and says where the
// articles and feeds are.

import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summaryFields } from '../src/commands/run-command.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/lib/log.js';
import { runOnce } from '../src/pipeline.js';
import { demoConfigYaml, startOfflineWeb } from './offline-web.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string' }, corpus: { type: 'string' } } });
const dir = values.out ? resolve(values.out) : await mkdtemp(join(tmpdir(), 'feedwright-demo-'));
const web = await startOfflineWeb(values.corpus ?? resolve(root, 'tests', 'corpus'));
try {
  await mkdir(join(dir, 'config'), { recursive: true });
  await writeFile(join(dir, 'config', 'feedwright.yaml'), demoConfigYaml(web.origin));
  await cp(join(root, 'config', 'site-rules.yaml'), join(dir, 'config', 'site-rules.yaml'));
  const config = await loadConfig('config/feedwright.yaml', { cwd: dir, overrides: {} });
  const logger = createLogger({ level: 'warn' });
  // The recorded TechCrunch pages are served from 127.0.0.1: let its rule apply there.
  const siteRules = { ...config.siteRules, '127.0.0.1': config.siteRules['techcrunch.com'] };
  const report = await runOnce({ ...config, siteRules }, { logger });
  const fields = summaryFields(report);
  process.stdout.write(
    [
      `feedwright demo: ${fields.written} articles from ${fields.ok} sources (${report.durationMs} ms)`,
      `  folder:    ${dir}`,
      `  config:    ${join(dir, 'config', 'feedwright.yaml')}`,
      `  articles:  ${config.paths.articles}`,
      `  feeds:     ${join(config.paths.feeds, 'rss.xml')}, atom.xml, feed.json, index.html`,
      `  try:       cd ${dir} && node ${join(root, 'bin', 'feedwright.js')} status`,
      '',
    ].join('\n'),
  );
  process.exitCode = report.sourcesFailed > 0 ? 1 : 0;
} finally {
  await web.close();
}
