// The publish folder's door: the article files to RSS 2.0, Atom 1.0, JSON Feed 1.1, the
// index page and OPML, plus the WebSub ping. Each format is one render-*.ts file.

export { publishFeeds, type PublishReport } from './publish-feeds.js';
export { FEED_FILES, resolveFeedLinks } from './feed-links.js';
export { renderOpml } from './render-opml.js';
