// The classify folder's door: an extracted article plus its feed item to the stored
// article's front matter (title, excerpt, category, tags).

export { classifyArticle, findCategory, findTags, type ClassifyContext } from './classify-article.js';
