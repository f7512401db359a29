// Slugs: safe as a file name on every common file system and as a URL path segment.
// ASCII letters, digits and single hyphens only, so `..`, `/`, NUL, reserved device
// names (CON, NUL, ...) and over-long names cannot come out of any title.

export const MAX_SLUG_LENGTH = 80;

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function makeSlug(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii.slice(0, maxLength).replace(/-+$/g, '');
  if (slug.length > 0) {
    const cut = ascii.length > maxLength ? slug.lastIndexOf('-') : -1;
    if (cut > maxLength / 2) slug = slug.slice(0, cut);
  }
  if (!slug || RESERVED.test(slug)) slug = slug ? `${slug}-article` : 'article';
  return slug;
}

/** The slug with a short stable suffix, for when the plain one is taken by another story. */
export function makeUniqueSlug(base: string, suffix: string): string {
  return `${base.slice(0, MAX_SLUG_LENGTH - suffix.length - 1)}-${suffix}`;
}
