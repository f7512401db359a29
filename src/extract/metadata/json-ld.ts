// JSON-LD article objects: top-level objects, arrays and `@graph` members, flattened.
// Broken JSON-LD (trailing commas, raw newlines, HTML comments) is tolerated or skipped.

export type JsonLdNode = Record<string, unknown>;

const ARTICLE_TYPE = /(Article|Posting|Report)$/i;
const PAGE_TYPE = /^(WebPage|ItemPage)$/i;

function parseLenient(raw: string): unknown {
  const text = raw
    .replace(/^\s*<!--|-->\s*$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function flatten(value: unknown, out: JsonLdNode[], depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const entry of value) flatten(entry, out, depth + 1);
    return;
  }
  const node = value as JsonLdNode;
  out.push(node);
  if (node['@graph']) flatten(node['@graph'], out, depth + 1);
}

export function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === 'string') : [];
}

export function isArticleNode(node: JsonLdNode): boolean {
  return typesOf(node).some((type) => ARTICLE_TYPE.test(type));
}

export function isPageNode(node: JsonLdNode): boolean {
  return typesOf(node).some((type) => PAGE_TYPE.test(type));
}

/** All JSON-LD objects of the page; articles first, then web pages, then the rest. */
export function readJsonLd(sources: string[]): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const source of sources) flatten(parseLenient(source), nodes);
  const rank = (node: JsonLdNode) => (isArticleNode(node) ? 0 : isPageNode(node) ? 1 : 2);
  return nodes
    .map((node, index) => ({ node, index }))
    .sort((a, b) => rank(a.node) - rank(b.node) || a.index - b.index)
    .map((entry) => entry.node);
}

/** A string out of a JSON-LD value: strings as is, `{name}`/`{url}`/`{@value}` objects, first of arrays. */
export function jsonLdText(value: unknown, key: 'name' | 'url' = 'name'): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = jsonLdText(entry, key);
      if (text) return text;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const record = value as JsonLdNode;
    return jsonLdText(record[key] ?? record['@value'] ?? (key === 'url' ? record['contentUrl'] : undefined), key);
  }
  return undefined;
}
