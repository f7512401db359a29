// The one model the three formats render from (STYLE.md: "feed renders three formats from
// one model"). Everything in it is already checked: URLs absolute http(s), text free of
// characters XML cannot carry, dates real.

export interface CoverImage {
  url: string;
  /** Only when known from the file extension (see image-type.ts). */
  type?: string;
}

export interface ItemModel {
  id: string;
  /** Plain text. */
  title: string;
  link: string;
  /** The full timestamp: extra.published, else `date` at 00:00Z. */
  date: Date;
  /**
   * Atom's `updated`: the article's `updated` when it was edited at the source (issue 16);
   * else `date`, or for an article that carries only a day, a millisecond of its first second chosen by id.
   */
  updated: Date;
  /** The article's `updated` (JSON Feed's date_modified), only on an article edited at the source. */
  modified?: Date;
  /** Plain text (the article's excerpt). */
  summary: string;
  /** Sanitized HTML, absolute URLs. */
  contentHtml: string;
  cover?: CoverImage;
  author: string;
  /** The original author, when the article names one. */
  contributor?: string;
  /** Category first, then tags; no duplicates. */
  categories: string[];
}

export interface FeedLinks {
  rss: string;
  atom: string;
  json: string;
}

export interface FeedModel {
  title: string;
  description: string;
  homeUrl: string;
  language: string;
  /** Self links of the three formats. */
  links: FeedLinks;
  hubUrl?: string;
  author: { name: string; email?: string; url: string };
  /** The newest item's date or edit at the source (never "now", so output is reproducible). */
  updated: Date;
  items: ItemModel[];
}

/** Fixed, so a rebuild with a new dependency version does not change the bytes. */
export const GENERATOR = 'feedwright';

/** The date of an empty feed: fixed for the same reason. */
export const EPOCH = new Date(0);
