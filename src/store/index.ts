// The store folder's door: the article file format, all of it (write, read, the head
// scan, the article's time), storing an article once per story, and rewriting it when
// its source edits it (unless an editor did first).

export {
  ARTICLE_EXTENSION,
  articlePath,
  hashArticleText,
  listArticleFiles,
  parseArticle,
  readArticleFile,
  serializeArticle,
  writeArticle,
} from './article-file.js';
export { findArticleTime, findPublishedTime } from './article-time.js';
export { toHeadText } from './head-text.js';
export { readArticleHeadSync, scanArticles, type ArticleMeta } from './scan-articles.js';
export { storeArticle, type StoreOutcome } from './store-article.js';
export { findUpdateObstacle, updateArticle, type ArticleUpdate, type UpdateOutcome } from './update-article.js';
export { findAlsoFromProblems } from './also-from.js';
export type { NearDuplicateSettings } from './merge-near-duplicate.js';
