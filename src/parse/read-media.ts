// Media RSS (media:content, media:thumbnail, media:group), itunes:image and RSS
// enclosures of one entry, as absolute-URL MediaRefs.

import type { MediaRef } from '../types.js';
import { resolveUrl } from '../lib/url.js';
import { attrOf, childNodes, childText, type XElement, type XNode } from './xml-node.js';

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.replace(/,/g, ''));
  return Number.isFinite(number) && number > 0 ? Math.round(number) : undefined;
}

function toRef(node: XNode, urlAttr: string, base: string): MediaRef | undefined {
  const url = resolveUrl(attrOf(node, urlAttr), base);
  if (!url) return undefined;
  const ref: MediaRef = { url };
  const type = attrOf(node, 'type');
  const medium = attrOf(node, 'medium');
  const width = toNumber(attrOf(node, 'width'));
  const height = toNumber(attrOf(node, 'height'));
  const length = toNumber(attrOf(node, 'fileSize') ?? attrOf(node, 'length'));
  const title = typeof node === 'string' ? undefined : childText(node, 'media:title');
  if (type) ref.type = type;
  if (medium) ref.medium = medium;
  if (width) ref.width = width;
  if (height) ref.height = height;
  if (length) ref.length = length;
  if (title) ref.title = title;
  return ref;
}

function collectMedia(parent: XElement, base: string, depth: number): MediaRef[] {
  const refs: (MediaRef | undefined)[] = [];
  for (const node of childNodes(parent, 'media:content')) refs.push(toRef(node, 'url', base));
  for (const node of childNodes(parent, 'media:thumbnail')) {
    const ref = toRef(node, 'url', base);
    if (ref) refs.push({ medium: 'image', ...ref });
  }
  for (const node of childNodes(parent, 'media:content')) {
    if (typeof node !== 'string' && depth > 0)
      refs.push(...collectMedia(node, base, depth - 1).filter((ref) => ref.medium === 'image'));
  }
  if (depth > 0) {
    for (const group of childNodes(parent, 'media:group')) {
      if (typeof group !== 'string') refs.push(...collectMedia(group, base, depth - 1));
    }
  }
  return refs.filter((ref): ref is MediaRef => ref !== undefined);
}

export function readMedia(entry: XElement, base: string): { media: MediaRef[]; enclosures: MediaRef[] } {
  const media = collectMedia(entry, base, 2);
  for (const node of childNodes(entry, 'itunes:image')) {
    const ref = toRef(node, 'href', base);
    if (ref) media.push({ medium: 'image', ...ref });
  }
  const enclosures: MediaRef[] = [];
  for (const node of childNodes(entry, 'enclosure')) {
    const ref = toRef(node, 'url', base);
    if (ref) enclosures.push(ref);
  }
  return { media, enclosures };
}
