// The configuration file as an editable YAML Document (eemeli/yaml keeps comments), for
// the commands that change `sources:` in place. Contract:
// - readConfigDocument parses the file and checks it exactly as loadConfig would (a bad
//   file is refused before anything is edited);
// - writeConfigDocument checks the edited configuration the same way (a change that
//   would not load is never written), then writes atomically. Only the `sources` entry
//   is re-rendered: the rest of the file keeps its bytes (aligned comments included),
//   unless splicing fails to give the same data, when the whole document is rendered.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document, type Pair } from 'yaml';
import { resolveConfig } from './load-config.js';
import type { RawConfig, ResolvedConfig } from './schema.js';
import { FeedwrightError } from '../lib/errors.js';
import { writeFileAtomic } from '../lib/fs.js';

export interface ConfigDocument {
  file: string;
  text: string;
  doc: Document;
  config: ResolvedConfig;
  /** Where `sources: ...` was in `text` (key start to value end), if it was there. */
  sourcesRange?: [number, number];
}

function parseYaml(text: string, file: string): Document {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new FeedwrightError('CONFIG_INVALID', `${file}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`, {
      stage: 'config',
      cause: doc.errors[0],
    });
  }
  if (!isMap(doc.contents))
    throw new FeedwrightError('CONFIG_INVALID', `${file}: must be a YAML mapping of keys`, { stage: 'config' });
  return doc;
}

function findSourcesPair(doc: Document): Pair | undefined {
  if (!isMap(doc.contents)) return undefined;
  // Keys parsed from the file are Scalars; a key added by doc.set() is a plain string.
  return doc.contents.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === 'sources');
}

function rangeOf(doc: Document): [number, number] | undefined {
  const pair = findSourcesPair(doc);
  const keyRange = isScalar(pair?.key) ? pair.key.range : undefined;
  const valueRange = (pair?.value as { range?: [number, number, number] } | null)?.range;
  return keyRange && valueRange ? [keyRange[0], valueRange[1]] : undefined;
}

async function checkConfig(doc: Document, file: string): Promise<ResolvedConfig> {
  return resolveConfig((doc.toJS() ?? {}) as RawConfig, { file, siteRules: {} });
}

export async function readConfigDocument(configFile: string): Promise<ConfigDocument> {
  const file = resolve(configFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FeedwrightError(
      code === 'ENOENT' ? 'CONFIG_NOT_FOUND' : 'CONFIG_INVALID',
      `${file}: cannot be read (${code ?? 'error'})`,
      {
        stage: 'config',
        cause: error,
      },
    );
  }
  const doc = parseYaml(text, file);
  return { file, text, doc, config: await checkConfig(doc, file), sourcesRange: rangeOf(doc) };
}

/** The `sources` sequence, made (block style) when missing, null or an empty flow `[]`. */
export function sourcesSequence(doc: Document): YAMLSeq {
  const current = findSourcesPair(doc)?.value;
  if (isSeq(current)) {
    if (current.items.length === 0) current.flow = false;
    return current;
  }
  const seq = new YAMLSeq();
  doc.set('sources', seq);
  return seq;
}

/** The original text with only the sources entry replaced by its new rendering. */
function spliceSources(before: ConfigDocument, rendered: string): string | undefined {
  const after = parseDocument(rendered);
  const next = rangeOf(after);
  if (!next) return undefined;
  let middle = rendered.slice(next[0], next[1]);
  let head = before.text;
  let tail = '';
  if (before.sourcesRange) {
    const [start, end] = before.sourcesRange;
    const oldEndsLine = before.text.slice(start, end).endsWith('\n');
    if (oldEndsLine && !middle.endsWith('\n')) middle += '\n';
    if (!oldEndsLine && middle.endsWith('\n')) middle = middle.slice(0, -1);
    head = before.text.slice(0, start);
    tail = before.text.slice(end);
  } else {
    if (head && !head.endsWith('\n')) head += '\n';
    if (!middle.endsWith('\n')) middle += '\n';
  }
  const spliced = head + middle + tail;
  const check = parseDocument(spliced);
  return check.errors.length === 0 && isDeepStrictEqual(check.toJS(), after.toJS()) ? spliced : undefined;
}

export async function writeConfigDocument(edited: ConfigDocument): Promise<void> {
  const rendered = String(edited.doc);
  await checkConfig(parseYaml(rendered, edited.file), edited.file);
  await writeFileAtomic(edited.file, spliceSources(edited, rendered) ?? rendered);
}
