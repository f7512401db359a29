// The parse folder's door: a feed's text (RSS, RDF, Atom, JSON Feed) to FeedItems.

export { MAX_ITEMS, parseFeed, type ParseFeedOptions } from './parse-feed.js';
