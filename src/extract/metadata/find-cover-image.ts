import type { FeedItem, MediaRef } from '../../types.js';
import { resolveUrl } from '../../lib/url.js';
import { firstJsonLd, firstMeta } from './read-page-meta.js';
import type { PageMeta } from './read-page-meta.js';

/** An image URL with the size its source declared, when it declared one. */
export interface ImageCandidate {
  url: string | undefined;
  width?: number;
  height?: number;
}

const JUNK_NAME =
  /(^|[\W_])(logos?|icons?|favicons?|avatars?|gravatar|sprites?|spacer|blank|pixel|tracking|tracker|badges?|placeholder|1x1|emoji)([\W_]|$)/i;
/** Promotions are not the article's picture: sign-up, newsletter, sponsor and event banners (issue 12). */
const PROMO_NAME =
  /(^|[\W_])(banners?|promos?|promotions?|sign-?ups?|signup|newsletters?|subscribe|subscriptions?|sponsors?|sponsored|advert|adverts|advertisements?|waitlist|cta)([\W_]|$)/i;
const IMAGE_EXTENSION = /\.(jpe?g|png|webp|avif|gif|bmp|tiff?|svg)$/i;

/** A declared width or height as a positive number, else undefined. */
export function toSize(value: unknown): number | undefined {
  const size = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

/** True for an absolute http(s) image URL that is not a pixel, logo, icon, avatar, sprite, SVG or promo banner. */
export function isUsableImage(candidate: ImageCandidate): boolean {
  const url = resolveUrl(candidate.url);
  if (!url) return false;
  if (
    (candidate.width !== undefined && candidate.width < 100) ||
    (candidate.height !== undefined && candidate.height < 100)
  )
    return false;
  const { pathname, search } = new URL(url);
  const path = decodeURIComponent(pathname).toLowerCase();
  if (/\.svg$/.test(path) || JUNK_NAME.test(path) || PROMO_NAME.test(path)) return false;
  if (/\.gif$/.test(path) && /(1x1|pixel|track|beacon|spacer|blank|transparent|clear)/i.test(path + search))
    return false;
  return true;
}

function fromJsonLdImage(value: unknown): ImageCandidate[] {
  if (typeof value === 'string') return [{ url: value }];
  if (Array.isArray(value)) return value.flatMap(fromJsonLdImage);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const url = record.url ?? record.contentUrl ?? record['@id'];
    return typeof url === 'string' ? [{ url, width: toSize(record.width), height: toSize(record.height) }] : [];
  }
  return [];
}

function fromMedia(refs: MediaRef[]): ImageCandidate[] {
  return refs
    .filter((ref) =>
      ref.type
        ? ref.type.startsWith('image/')
        : ref.medium === 'image' || IMAGE_EXTENSION.test(ref.url.split('?')[0] ?? ''),
    )
    .map((ref) => ({ url: ref.url, width: ref.width, height: ref.height }));
}

function fromMeta(page: PageMeta, keys: string[], prefix: string): ImageCandidate[] {
  const url = firstMeta(page, keys);
  return url
    ? [
        {
          url,
          width: toSize(firstMeta(page, [`${prefix}:width`])),
          height: toSize(firstMeta(page, [`${prefix}:height`])),
        },
      ]
    : [];
}

/**
 * The lead image by DESIGN.md's precedence: JSON-LD image, og:image, twitter:image,
 * the feed item's media and enclosures (image types), the first content image.
 * Relative URLs resolve against the page's base; unusable images are skipped.
 */
export function findCoverImage(
  page: PageMeta,
  item?: FeedItem,
  contentImages: ImageCandidate[] = [],
): string | undefined {
  const chain: ImageCandidate[] = [
    ...fromJsonLdImage(firstJsonLd(page, 'image')),
    ...fromJsonLdImage(firstJsonLd(page, 'thumbnailUrl')),
    ...fromMeta(page, ['og:image:secure_url', 'og:image:url', 'og:image'], 'og:image'),
    ...fromMeta(page, ['twitter:image', 'twitter:image:src'], 'twitter:image'),
    ...fromMedia(item?.media ?? []),
    ...fromMedia(item?.enclosures ?? []),
    ...contentImages,
  ];
  const usable = chain
    .map((candidate) => ({ ...candidate, url: resolveUrl(candidate.url, page.baseUrl) }))
    .filter((candidate) => isUsableImage(candidate));
  // A thumbnail (`?w=150`) loses to a later full-size candidate, but beats nothing.
  return (usable.find((candidate) => !isThumbnailUrl(candidate.url!)) ?? usable[0])?.url;
}

/** True when the URL asks its image server for a small rendition (`?w=150`, `?width=120`). */
function isThumbnailUrl(url: string): boolean {
  const match = /[?&](?:w|width|resize)=(\d+)/i.exec(url);
  return match !== null && Number(match[1]) < 300;
}
