// The extract folder's door: an article page (or, failing that, the feed's own copy) to
// an ExtractedArticle. Inside: metadata/ (title, date, byline, cover, canonical URL),
// content/ (site rules, scoring, cleaning, sanitizing), markdown/ (the safe converter),
// pool/ (the worker threads that run extraction off the event loop).

export { extractArticle, extractFromFeed, type ExtractInput } from './extract-article.js';
export { findSiteRule, type ChosenRule } from './content/apply-site-rule.js';
export { createExtractor, type Extractor } from './pool/extractor-pool.js';
