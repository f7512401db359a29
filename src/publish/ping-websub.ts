// WebSub publish pings (https://www.w3.org/TR/websub/, "publishing" as hubs implement it:
// a form-encoded POST with hub.mode=publish and hub.url=<topic>). One POST per changed feed.
// Sent by the one HTTP client (issue 13): the address guard on the hub (a private or
// reserved address is refused unless fetch.allowPrivateNetworks), the client's timeouts and
// user agent, and no redirect followed. A hub that is down or refused must not fail a
// publish: every failure is a warning, never thrown; a refused address is warned once.

import pLimit from 'p-limit';
import type { HttpClient } from '../fetch/index.js';
import { describeError, isFeedwrightError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { redactUrl } from '../lib/url.js';

const PING_CONCURRENCY = 4;

/** Pings `hubUrl` for each topic; resolves to the number of pings the hub accepted (2xx). */
export async function pingWebSubHub(
  client: HttpClient,
  hubUrl: string,
  topics: string[],
  logger: Logger,
): Promise<number> {
  const limit = pLimit(PING_CONCURRENCY);
  const url = redactUrl(hubUrl);
  let blocked = false;
  const ping = async (topic: string): Promise<boolean> => {
    if (blocked) return false;
    try {
      const { status } = await client.postForm(hubUrl, { 'hub.mode': 'publish', 'hub.url': topic });
      if (status >= 200 && status < 300) return true;
      logger.warn('WebSub hub refused the ping', { url, topic, status });
    } catch (error) {
      const code = isFeedwrightError(error) ? error.code : undefined;
      if (code !== 'BLOCKED_ADDRESS')
        logger.warn('Unable to ping WebSub hub', { url, topic, code, err: describeError(error) });
      else if (!blocked) logger.warn('WebSub hub not pinged: its address is private or reserved', { url, code });
      blocked ||= code === 'BLOCKED_ADDRESS';
    }
    return false;
  };
  const results = await Promise.all(topics.map((topic) => limit(() => ping(topic))));
  return results.filter(Boolean).length;
}
