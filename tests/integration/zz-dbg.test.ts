import { readFile } from 'node:fs/promises';
import { test } from 'vitest';
import { exportOpml, importOpml } from '../../src/commands/manage-sources.js';
import { loadConfig } from '../../src/config/load-config.js';
import { COMMENTED_CONFIG, SOURCES_END, SOURCES_START, writeTempConfig } from '../../tests/integration/sources-fixture.js';
test('x', async () => {
  const { file } = await writeTempConfig();
  const opml = exportOpml(await loadConfig(file));
  console.log(opml);
  const empty = COMMENTED_CONFIG.slice(0, SOURCES_START) + COMMENTED_CONFIG.slice(SOURCES_END);
  const t = await writeTempConfig(empty);
  console.log(await importOpml(t.file, opml, {}));
  console.log(await readFile(t.file, 'utf8'));
});
