// WebSub (https://www.w3.org/TR/websub/): rel=hub links in the three formats, and a
// form-encoded publish ping per changed feed to a local node:http hub; failures only warn.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger, silentLogger } from '../../src/lib/log.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { makeFixture, type PublishFixture } from '../unit/publish/helpers/publish-fixture.js';

let fixture: PublishFixture | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  await server?.close();
  fixture = undefined;
  server = undefined;
});

async function output(name: string): Promise<string> {
  return readFile(join(fixture!.feedsDir, name), 'utf8');
}

function memoryLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'debug', sink: { write: (line) => lines.push(line) } }), lines };
}

describe('WebSub', () => {
  async function startHub(status = 204): Promise<{ bodies: string[] }> {
    const bodies: string[] = [];
    server = await startServer({
      '/hub': async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        bodies.push(`${req.headers['content-type']}|${Buffer.concat(chunks).toString('utf8')}`);
        res.writeHead(status).end();
      },
    });
    return { bodies };
  }

  test('every changed feed is pinged (form-encoded); an unchanged publish pings nothing', async () => {
    const hub = await startHub();
    fixture = await makeFixture({ websubHub: server!.url('/hub') });
    await publishFeeds(fixture.config, silentLogger);
    const topics = hub.bodies.map((body) => {
      const [type, form] = body.split('|');
      expect(type).toBe('application/x-www-form-urlencoded');
      const params = new URLSearchParams(form);
      expect(params.get('hub.mode')).toBe('publish');
      return params.get('hub.url');
    });
    expect(topics).toHaveLength(12);
    expect(topics).toContain('https://aivibe.example/feeds/rss.xml');
    expect(topics).toContain('https://aivibe.example/feeds/category/machine-learning/feed.json');
    expect(await output('rss.xml')).toContain(`<atom:link href="${server!.url('/hub')}" rel="hub"/>`);
    expect(await output('atom.xml')).toContain(`<link rel="hub" href="${server!.url('/hub')}"/>`);
    expect(JSON.parse(await output('feed.json')).hubs).toEqual([{ type: 'WebSub', url: server!.url('/hub') }]);
    hub.bodies.length = 0;
    await publishFeeds(fixture.config, silentLogger);
    expect(hub.bodies).toEqual([]);
  });

  test('a hub that fails is a warning, never an error', async () => {
    await startHub(500);
    fixture = await makeFixture({ websubHub: server!.url('/hub') });
    const { logger, lines } = memoryLogger();
    const report = await publishFeeds(fixture.config, logger);
    expect(report.written.length).toBe(report.files);
    expect(lines.filter((line) => line.includes('msg="WebSub hub refused the ping"') && line.includes('status=500'))).toHaveLength(12);
  });

  test('an unreachable hub is a warning, never an error', async () => {
    await startHub();
    const url = server!.url('/hub');
    await server!.close();
    server = undefined;
    fixture = await makeFixture({ websubHub: url });
    const { logger, lines } = memoryLogger();
    await expect(publishFeeds(fixture.config, logger)).resolves.toMatchObject({ files: 17 });
    expect(lines.filter((line) => line.includes('msg="Unable to ping WebSub hub"'))).toHaveLength(12);
  });
});
