// `feedwright extract FILE|URL... [--url BASE] [--format markdown|text|json]` (DESIGN.md,
// issue 12): extracts saved pages (plain or .gz) or fetched URLs with the configured site
// rules, one input after another in one process, and prints each result. With json, one
// object per input per line: input, url, title, text, markdown, coverImage, published,
// byline, extraction, error. An input that fails is reported and the others go on; the
// command fails (exit 1) when any input did.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ResolvedConfig } from '../config/index.js';
import { extractArticle } from '../extract/index.js';
import type { HttpClient } from '../fetch/index.js';
import { describeError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { ExtractedArticle, RawBody } from '../types.js';

export type ExtractFormat = 'markdown' | 'text' | 'json';

export interface ExtractCommandOptions {
  inputs: string[];
  /** The URL the saved pages were served from (links, site rule); else their canonical URL. */
  baseUrl?: string;
  format: ExtractFormat;
  siteRules: ResolvedConfig['siteRules'];
  /** Made on the first URL input only. */
  client: () => HttpClient;
  logger: Logger;
  write: (text: string) => void;
}

interface Extracted {
  url: string;
  article: ExtractedArticle;
}

const isUrl = (input: string) => /^https?:\/\//i.test(input);

async function readSavedPage(file: string): Promise<RawBody> {
  const bytes = await readFile(file);
  // gzip's magic number, whatever the file is called.
  const page = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return { bytes: page, contentType: 'text/html' };
}

async function extractInput(input: string, options: ExtractCommandOptions): Promise<Extracted> {
  const { siteRules } = options;
  if (isUrl(input)) {
    const page = await options.client().fetchPage(input);
    return {
      url: page.finalUrl,
      article: extractArticle({ html: page.raw, url: page.finalUrl, siteRules }),
    };
  }
  const html = await readSavedPage(input);
  if (options.baseUrl)
    return { url: options.baseUrl, article: extractArticle({ html, url: options.baseUrl, siteRules }) };
  // No --url: the page's own canonical URL when it names one (its links then resolve and
  // its host's rule applies), else the file's address.
  const fileUrl = pathToFileURL(resolve(input)).href;
  const article = extractArticle({ html, url: fileUrl, siteRules, preferDeclaredUrl: true });
  return { url: article.finalUrl ?? fileUrl, article };
}

function formatResult(
  input: string,
  format: ExtractFormat,
  result: Extracted | undefined,
  error: string | undefined,
  many: boolean,
): string {
  if (format === 'json') {
    const article = result?.article;
    const record = {
      input,
      url: result?.url ?? null,
      title: article?.title ?? null,
      text: article?.text ?? null,
      markdown: article?.markdown ?? null,
      coverImage: article?.coverImage ?? null,
      published: article?.published ?? null,
      byline: article?.byline ?? null,
      extraction: article?.method ?? null,
      error: error ?? null,
    };
    return `${JSON.stringify(record)}\n`;
  }
  if (!result) return '';
  const header = many ? `==> ${input} <==\n` : '';
  const body = format === 'text' ? result.article.text : `# ${result.article.title}\n\n${result.article.markdown}`;
  return `${header}${body}\n${many ? '\n' : ''}`;
}

/** Extracts every input in turn; resolves with the number that failed. */
export async function extractInputs(options: ExtractCommandOptions): Promise<number> {
  let failed = 0;
  const many = options.inputs.length > 1;
  for (const input of options.inputs) {
    let result: Extracted | undefined;
    let error: string | undefined;
    try {
      result = await extractInput(input, options);
      const { method, fallbackReason } = result.article;
      options.logger.debug('Page extracted', {
        input,
        url: result.url,
        method,
        ...(fallbackReason ? { reason: fallbackReason } : {}),
      });
    } catch (caught) {
      failed += 1;
      error = describeError(caught);
      options.logger.error('Unable to extract page', { input, err: error });
    }
    options.write(formatResult(input, options.format, result, error, many));
  }
  return failed;
}

/** Stands in for a missing default configuration: no site rules, the fetch defaults. */
const NO_CONFIG = {
  site: { title: 'feedwright', url: 'https://feedwright.invalid/', author: 'feedwright' },
  categories: [{ name: 'General' }],
};

/**
 * The configuration as other commands load it; when no --config was given and the default
 * file does not exist, extraction still works, with no site rules.
 */
export async function loadExtractConfig(
  explicit: string | undefined,
  load: () => Promise<ResolvedConfig>,
): Promise<ResolvedConfig> {
  const { DEFAULT_CONFIG_FILE, resolveConfig } = await import('../config/index.js');
  if (
    explicit ||
    (await readFile(DEFAULT_CONFIG_FILE).then(
      () => true,
      () => false,
    ))
  )
    return load();
  return resolveConfig(NO_CONFIG, { siteRules: {} });
}
