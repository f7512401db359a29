// WebSub publish pings (https://www.w3.org/TR/websub/, "publishing" as hubs implement it:
// a form-encoded POST with hub.mode=publish and hub.url=<topic>). One POST per changed feed.
// A hub that is down must not fail a publish: every failure is a warning, never thrown.

import got from 'got';
import pLimit from 'p-limit';
import { describeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { redactUrl } from '../lib/url.js';

const WEBSUB_TIMEOUT_MS = 10_000;
const PING_CONCURRENCY = 4;

/** Pings `hubUrl` for each topic; resolves to the number of pings the hub accepted (2xx). */
export async function pingWebSubHub(hubUrl: string, topics: string[], logger: Logger): Promise<number> {
  const limit = pLimit(PING_CONCURRENCY);
  const results = await Promise.all(
    topics.map((topic) =>
      limit(async () => {
        try {
          const response = await got.post(hubUrl, {
            form: { 'hub.mode': 'publish', 'hub.url': topic },
            timeout: { request: WEBSUB_TIMEOUT_MS },
            retry: { limit: 0 },
            throwHttpErrors: false,
          });
          if (response.statusCode >= 200 && response.statusCode < 300) return true;
          logger.warn('WebSub hub refused the ping', { url: redactUrl(hubUrl), topic, status: response.statusCode });
        } catch (error) {
          logger.warn('Unable to ping WebSub hub', { url: redactUrl(hubUrl), topic, err: describeError(error) });
        }
        return false;
      }),
    ),
  );
  return results.filter(Boolean).length;
}
