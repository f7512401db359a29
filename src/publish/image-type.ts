// The MIME type of a cover image, from its URL's file extension only. No extension (a CDN
// URL such as `photo-1677442136019?w=400`) means no type: we never guess `image/<ext>`
// the way feed 6 does (that gives `image/jpg`, or `image/photo-123` for no extension).

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/vnd.microsoft.icon',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

/** `image/jpeg` for `.../a.JPG?x=1`; undefined when the path has no known extension. */
export function findImageType(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const name = pathname.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  return IMAGE_TYPES[name.slice(dot + 1).toLowerCase()];
}
