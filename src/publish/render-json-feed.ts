// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), built from the same model as the XML
// formats. feed 6's json1() writes version 1 with a single `author` and no `language` or
// `hubs`, so the object is made here instead; key order is fixed, so the bytes are too.

import type { FeedModel, ItemModel } from './feed-model.js';

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

function toJsonItem(item: ItemModel): Record<string, unknown> {
  return {
    id: item.id,
    url: item.link,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    ...(item.cover ? { image: item.cover.url } : {}),
    date_published: item.date.toISOString(),
    ...(item.modified ? { date_modified: item.modified.toISOString() } : {}),
    authors: [{ name: item.author }],
    tags: item.categories,
  };
}

export function renderJsonFeed(model: FeedModel): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: model.title,
    home_page_url: model.homeUrl,
    feed_url: model.links.json,
    description: model.description,
    ...(model.language ? { language: model.language } : {}),
    authors: [{ name: model.author.name, url: model.author.url }],
    ...(model.hubUrl ? { hubs: [{ type: 'WebSub', url: model.hubUrl }] } : {}),
    items: model.items.map(toJsonItem),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
