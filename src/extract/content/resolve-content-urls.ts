// Makes the chosen content self-contained: lazy-loaded images get their real source
// (the largest srcset candidate, else data-src and friends), every link and image URL
// becomes absolute against the page's base, and unusable URLs are dropped.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { resolveUrl } from '../../lib/url.js';
import { toSize, type ImageCandidate } from '../metadata/find-cover-image.js';
import { walkElements } from './walk-elements.js';

const LAZY_SRC = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-orig-file',
];
const SRCSET = ['data-srcset', 'data-lazy-srcset', 'srcset'];

/** The largest candidate of a srcset (by width descriptor, else density), or undefined. */
export function pickLargestSrcset(srcset: string | undefined): string | undefined {
  if (!srcset) return undefined;
  let best: { url: string; size: number } | undefined;
  for (const part of srcset.trim().split(/,\s+|(?<=\s\d+(?:\.\d+)?[wx])\s*,/)) {
    const [url, descriptor] = part.trim().split(/\s+/);
    if (!url || url.startsWith('data:')) continue;
    const match = /^(\d+(?:\.\d+)?)([wx])$/.exec(descriptor ?? '');
    const size = match ? Number(match[1]) * (match[2] === 'x' ? 1000 : 1) : 1;
    if (!best || size > best.size) best = { url: url.replace(/,$/, ''), size };
  }
  return best?.url;
}

function isPlaceholder(src: string | undefined): boolean {
  return (
    !src ||
    src.startsWith('data:') ||
    /(blank|spacer|placeholder|lazy|loading|transparent|grey|pixel)\.(gif|png|jpe?g|svg)/i.test(src)
  );
}

/** The real source of an <img> (or its <picture> sources), as written in the page. */
function findImageSource(element: Element, $: CheerioAPI): string | undefined {
  const attribs = element.attribs;
  for (const name of SRCSET) {
    const url = pickLargestSrcset(attribs[name]);
    if (url) return url;
  }
  for (const name of LAZY_SRC) {
    const value = attribs[name]?.trim();
    if (value && !isPlaceholder(value)) return value;
  }
  if (!isPlaceholder(attribs.src)) return attribs.src;
  const source = $(element).closest('picture').find('source[srcset], source[data-srcset]').first();
  return pickLargestSrcset(source.attr('data-srcset') ?? source.attr('srcset'));
}

/** Content images kept as cover candidates (the first ones in the body). */
const MAX_IMAGE_CANDIDATES = 10;

/**
 * Rewrites images and links under `root` in place, in one walk (no selector compiles);
 * returns the first images with their resolved URL and declared size, in document order.
 */
export function resolveContentUrls($: CheerioAPI, root: Cheerio<Element>, baseUrl: string): ImageCandidate[] {
  const top = root[0];
  if (!top) return [];
  const removed: Element[] = [];
  const images: Element[] = [];
  walkElements(top, (element) => {
    if (element.name === 'img') images.push(element);
    else if (element.name === 'source' && isInPicture(element)) removed.push(element);
    else if (element.name === 'a') {
      const href = resolveUrl(element.attribs.href, baseUrl);
      if (href) element.attribs.href = href;
      else delete element.attribs.href;
    }
  });
  // Sources are read (for an <img> without its own) before they go.
  const candidates: ImageCandidate[] = [];
  for (const element of images) {
    const src = resolveUrl(findImageSource(element, $), baseUrl);
    if (candidates.length < MAX_IMAGE_CANDIDATES) {
      candidates.push({ url: src, width: toSize(element.attribs.width), height: toSize(element.attribs.height) });
    }
    if (!src) {
      removed.push(element);
      continue;
    }
    element.attribs = {
      src,
      ...(element.attribs.alt ? { alt: element.attribs.alt } : {}),
      ...(element.attribs.title ? { title: element.attribs.title } : {}),
    };
  }
  $(removed).remove();
  return candidates;
}

function isInPicture(element: Element): boolean {
  for (let node = element.parent; node && node.type !== 'root'; node = node.parent)
    if ((node as Element).name === 'picture') return true;
  return false;
}
