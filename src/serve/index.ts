// The serve folder's door: `feedwright serve`, the published feeds over HTTP.

export { serveFeeds, type FeedsServer, type ServeFeedsOptions } from './serve-feeds.js';
