// sources.opml: the configured sources as OPML 2.0 (http://opml.org/spec2.opml), one
// `type="rss"` outline each, grouped under their category; so a reader can subscribe to the
// originals. No dateCreated/dateModified: the bytes depend on the configuration only.

import type { ResolvedConfig, SourceConfig } from '../config/index.js';
import { redactUrl } from '../lib/url.js';
import { escapeXmlText as attr } from '../lib/xml-text.js';

function sourceOutline(source: SourceConfig, indent: string): string {
  const name = attr(source.name);
  return `${indent}<outline type="rss" text="${name}" title="${name}" xmlUrl="${attr(redactUrl(source.url))}"/>`;
}

/** Enabled sources, grouped by category in config order; sources without one at the end. */
export function renderOpml(config: ResolvedConfig): string {
  const sources = config.sources.filter((source) => source.enabled);
  const lines: string[] = [];
  for (const category of config.categories) {
    const members = sources.filter((source) => source.category === category.name);
    if (members.length === 0) continue;
    const name = attr(category.name);
    lines.push(`    <outline text="${name}" title="${name}">`);
    for (const source of members) lines.push(sourceOutline(source, '      '));
    lines.push('    </outline>');
  }
  for (const source of sources.filter((item) => item.category === undefined)) lines.push(sourceOutline(source, '    '));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attr(`${config.site.title} sources`)}</title>`,
    `    <ownerName>${attr(config.site.author)}</ownerName>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
