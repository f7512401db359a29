// WebSub (https://www.w3.org/TR/websub/): rel=hub links in the three formats, and a
// form-encoded publish ping per changed feed to a local node:http hub; failures only warn.
// The ping goes through the one HTTP client (issue 13): the address guard refuses a hub on
// a private address unless fetch.allowPrivateNetworks, no redirect is followed, and the
// client's user agent is sent.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger, silentLogger } from '../../src/lib/log.js';
import { publishFeeds } from '../../src/publish/publish-feeds.js';
import { VERSION } from '../../src/lib/version.js';
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

const LOCAL = { allowPrivateNetworks: true };

describe('WebSub', () => {
  async function startHub(status = 204, headers: Record<string, string> = {}): Promise<{ bodies: string[] }> {
    const bodies: string[] = [];
    server = await startServer({
      '/hub': async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        bodies.push(`${req.headers['content-type']}|${Buffer.concat(chunks).toString('utf8')}`);
        res.writeHead(status, headers).end();
      },
    });
    return { bodies };
  }

  test('every changed feed is pinged (form-encoded); an unchanged publish pings nothing', async () => {
    const hub = await startHub();
    fixture = await makeFixture({ websubHub: server!.url('/hub') }, undefined, LOCAL);
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

  test('a hub URL with credentials is published without them; the ping still carries them', async () => {
    const hub = await startHub();
    const withCredentials = server!.url('/hub').replace('http://', 'http://pinger:s3cret@');
    fixture = await makeFixture({ websubHub: withCredentials }, undefined, LOCAL);
    await publishFeeds(fixture.config, silentLogger);
    expect(hub.bodies).toHaveLength(12);
    expect(server!.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('pinger:s3cret').toString('base64')}`);
    for (const name of ['rss.xml', 'atom.xml', 'feed.json', 'category/research/atom.xml']) {
      const text = await output(name);
      expect(text, name).not.toContain('s3cret');
      expect(text, name).toContain(server!.url('/hub'));
    }
  });

  test('a hub that fails is a warning, never an error', async () => {
    await startHub(500);
    fixture = await makeFixture({ websubHub: server!.url('/hub') }, undefined, LOCAL);
    const { logger, lines } = memoryLogger();
    const report = await publishFeeds(fixture.config, logger);
    expect(report.written.length).toBe(report.files);
    expect(
      lines.filter((line) => line.includes('msg="WebSub hub refused the ping"') && line.includes('status=500')),
    ).toHaveLength(12);
  });

  test('an unreachable hub is a warning, never an error', async () => {
    await startHub();
    const url = server!.url('/hub');
    await server!.close();
    server = undefined;
    fixture = await makeFixture({ websubHub: url }, undefined, LOCAL);
    const { logger, lines } = memoryLogger();
    await expect(publishFeeds(fixture.config, logger)).resolves.toMatchObject({ files: 17 });
    expect(lines.filter((line) => line.includes('msg="Unable to ping WebSub hub"'))).toHaveLength(12);
  });

  test('a hub on a private address is not posted to unless private networks are allowed: one warning names it', async () => {
    await startHub();
    fixture = await makeFixture({ websubHub: server!.url('/hub') });
    const { logger, lines } = memoryLogger();
    const report = await publishFeeds(fixture.config, logger);
    expect(report.written.length).toBe(report.files);
    expect(server!.requests).toEqual([]);
    const warnings = lines.filter((line) => line.includes('level=WARN'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('msg="WebSub hub not pinged: its address is private or reserved"');
    expect(warnings[0]).toContain(`url=${server!.url('/hub')}`);
    expect(warnings[0]).toContain('code=BLOCKED_ADDRESS');
  });

  test('a redirect from the hub is not followed: the POST never reaches the address it names', async () => {
    const elsewhere = await startServer({ '/elsewhere': (_req, res) => void res.writeHead(204).end() });
    try {
      await startHub(307, { location: elsewhere.url('/elsewhere').replace('127.0.0.1', 'localhost') });
      fixture = await makeFixture({ websubHub: server!.url('/hub') }, undefined, LOCAL);
      const { logger, lines } = memoryLogger();
      await publishFeeds(fixture.config, logger);
      expect(server!.requests).toHaveLength(12);
      expect(elsewhere.requests).toEqual([]);
      expect(
        lines.filter((line) => line.includes('msg="WebSub hub refused the ping"') && line.includes('status=307')),
      ).toHaveLength(12);
    } finally {
      await elsewhere.close();
    }
  });

  test("the ping carries the client's user agent", async () => {
    await startHub();
    fixture = await makeFixture({ websubHub: server!.url('/hub') }, undefined, LOCAL);
    await publishFeeds(fixture.config, silentLogger);
    const agents = new Set(server!.requests.map((request) => request.headers['user-agent']));
    expect([...agents]).toEqual([`feedwright/${VERSION} (+${fixture.config.site.url}; ${fixture.config.site.title})`]);
    expect(server!.requests.every((request) => request.method === 'POST')).toBe(true);
  });
});
