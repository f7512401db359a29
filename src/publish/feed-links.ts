// Where each feed is served: site.feedUrl (else site.url + '/feeds') + the file's path under
// feeds/. These are the self links, the WebSub topic URLs and the index page's hrefs.

import type { ResolvedConfig } from '../config/index.js';
import type { FeedLinks } from './feed-model.js';

export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

export const FEED_TYPES = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const;

export function resolveFeedBase(site: ResolvedConfig['site']): string {
  return (site.feedUrl ?? `${site.url.replace(/\/+$/, '')}/feeds`).replace(/\/+$/, '');
}

/** Self links of the feed in `dir` ('' for the site-wide feed, `category/<slug>`). */
export function resolveFeedLinks(site: ResolvedConfig['site'], dir: string): FeedLinks {
  const base = dir ? `${resolveFeedBase(site)}/${dir}` : resolveFeedBase(site);
  return {
    rss: new URL(`${base}/${FEED_FILES.rss}`).href,
    atom: new URL(`${base}/${FEED_FILES.atom}`).href,
    json: new URL(`${base}/${FEED_FILES.json}`).href,
  };
}
