// Every corpus feed (real-world, feedparser-dev, TechCrunch) served over a local HTTP
// server, fetched by the real client, decoded and parsed: parsed, or rejected with a
// FeedwrightError, never a crash. feedparser's Expect lines are checked where they map.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { decodeBody } from '../../src/lib/decode-body.js';
import { createHttpClient } from '../../src/fetch/http-client.js';
import { isFeedwrightError } from '../../src/lib/errors.js';
import { silentLogger } from '../../src/lib/log.js';
import { parseFeed } from '../../src/parse/parse-feed.js';
import { corpusDir } from '../helpers/paths.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { evaluateExpect, readTestHeader, type ExpectOutcome } from './feed-corpus-expect.js';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const feedsDir = join(corpusDir, 'feeds');
const files = [
  ...walk(feedsDir).filter((path) => !/LICENSE|README|SOURCE$/i.test(path)),
  ...walk(join(corpusDir, 'techcrunch')).filter((path) => path.endsWith('.xml')),
];

// Computed once by running this test and pinned: a change in either is a regression
// (or an improvement to pin again). The 8 rejections: the empty document (EMPTY from the
// client), five CDF (<CHANNEL>) files, a prefixed <r:rss> root, the HTML `unrecognized.rss`.
const EXPECTED_PARSED = 726;
const EXPECTED_REJECTED = 8;
// Mapped feedparser Expect clauses that pass, pinned from a run (see the console table),
// and the exact list of the mapped clauses we know we fail (with the reason in the closing
// notes: charset guessing, RFC 3023 us-ascii, markup kept in titles...): a clause that
// starts failing, or starts passing, changes the list and fails this test.
const MIN_EXPECT_PASSED = 196;
const KNOWN_FAILURES = JSON.parse(
  readFileSync(new URL('./feed-corpus-known-failures.json', import.meta.url), 'utf8'),
) as string[];

let server: TestServer;
const client = createHttpClient({
  fetch: { ...configSchema.shape.fetch.parse({}), allowPrivateNetworks: true, retries: 0 },
  site: { title: 'feedwright tests', url: 'https://feedwright.example' },
  logger: silentLogger,
  retryBaseDelayMs: 10,
});

beforeAll(async () => {
  server = await startServer();
  for (const [index, file] of files.entries()) {
    const bytes = readFileSync(file);
    const { contentType } = readTestHeader(decodeBody(bytes, undefined, 'feed').text);
    server.route(
      `/f/${index}/${relative(corpusDir, file)}`,
      reply(bytes, { 'content-type': contentType ?? 'application/xml' }),
    );
  }
});

afterAll(async () => {
  await server?.close();
});

describe('feed corpus', () => {
  test('every file is parsed or rejected with a FeedwrightError, over HTTP', async () => {
    let parsed = 0;
    let rejected = 0;
    const byFolder = new Map<string, ExpectOutcome>();
    const failures: string[] = [];
    for (const [index, file] of files.entries()) {
      const name = relative(corpusDir, file);
      const folder = name.split('/').slice(0, -1).join('/');
      const tally = byFolder.get(folder) ?? { checked: 0, passed: 0, notMapped: 0, failures: [] };
      byFolder.set(folder, tally);
      try {
        const result = await client.fetchResource(server.url(`/f/${index}/${name}`), { kind: 'feed' });
        const feed = parseFeed(result.body, { url: result.finalUrl });
        expect(feed.items.every((item) => item.id.length > 0 && item.title.length > 0)).toBe(true);
        parsed++;
        const { expect: expectLine } = readTestHeader(result.body);
        if (!expectLine) continue;
        const outcome = evaluateExpect(expectLine, { feed, charset: result.charset }, server.origin, folder);
        tally.checked += outcome.checked;
        tally.passed += outcome.passed;
        tally.notMapped += outcome.notMapped;
        failures.push(...outcome.failures.map((failure) => `${name}: ${failure}`));
      } catch (error) {
        if (!isFeedwrightError(error)) throw error;
        expect(error.message.length).toBeGreaterThan(10);
        rejected++;
      }
    }
    const rows = [...byFolder].filter(([, t]) => t.checked + t.notMapped > 0);
    console.log(
      rows
        .map(([folder, t]) => `${folder}: checked ${t.checked} / passed ${t.passed} / not mapped ${t.notMapped}`)
        .join('\n'),
    );
    if (process.env.FEEDWRIGHT_SHOW_FAILURES) console.log(failures.join('\n'));
    const passed = rows.reduce((sum, [, t]) => sum + t.passed, 0);
    console.log(`parsed ${parsed}, rejected ${rejected}, expect clauses passed ${passed}`);
    expect({ parsed, rejected }).toEqual({ parsed: EXPECTED_PARSED, rejected: EXPECTED_REJECTED });
    expect(passed).toBeGreaterThanOrEqual(MIN_EXPECT_PASSED);
    expect(failures.map((failure) => failure.replace(/ -> got .*$/s, '')).sort()).toEqual(KNOWN_FAILURES);
  });
});
