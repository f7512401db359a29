// Loads the configuration once: defaults, then the YAML file, then CLI overrides;
// validates it, resolves paths and freezes it. Any problem throws a CONFIG_INVALID
// error naming the file, the key and what is wrong, before anything is fetched.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import cron from 'node-cron';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { FeedwrightError } from '../lib/errors.js';
import { redactUrl, toHostKey } from '../lib/url.js';
import { configSchema, siteRuleSchema, type RawConfig, type ResolvedConfig, type SiteRule } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'config/feedwright.yaml';

export interface LoadConfigOptions {
  /** The folder relative paths resolve against (DESIGN.md: where the command runs). */
  cwd?: string;
  /** Values that win over the file (from CLI flags), merged key by key. */
  overrides?: DeepPartial<RawConfig>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function invalid(file: string, key: string, problem: string, cause?: unknown): FeedwrightError {
  const where = key ? `${file}: ${key}` : file;
  return new FeedwrightError('CONFIG_INVALID', `${where}: ${problem}`, { stage: 'config', cause });
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'error'})`;
    throw new FeedwrightError(code === 'ENOENT' ? 'CONFIG_NOT_FOUND' : 'CONFIG_INVALID', `${file}: ${problem}`, {
      stage: 'config',
      cause: error,
    });
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0].line;
    throw invalid(file, line ? `line ${line}` : '', `not valid YAML: ${first.message.split('\n')[0]}`, first);
  }
  return doc.toJS() ?? {};
}

function mergeDeep(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (
    base &&
    over &&
    typeof base === 'object' &&
    typeof over === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(over)
  ) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(over as Record<string, unknown>)) out[key] = mergeDeep(out[key], value);
    return out;
  }
  return over;
}

function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string, prefix = ''): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = [prefix, formatPath(issue.path)].filter(Boolean).join('.');
  throw invalid(file, key, issue.message);
}

function checkReferences(config: z.output<typeof configSchema>, file: string): void {
  const categories = new Set(config.categories.map((category) => category.name));
  const names = new Set<string>();
  const urls = new Set<string>();
  config.sources.forEach((source, index) => {
    if (source.category !== undefined && !categories.has(source.category)) {
      throw invalid(file, `sources[${index}].category`, `"${source.category}" is not a configured category`);
    }
    if (names.has(source.name)) throw invalid(file, `sources[${index}].name`, `duplicate source name "${source.name}"`);
    // Compared without credentials: the state of a source is keyed so (store/run-state.ts).
    if (urls.has(redactUrl(source.url)))
      throw invalid(file, `sources[${index}].url`, `duplicate source URL ${redactUrl(source.url)}`);
    names.add(source.name);
    urls.add(redactUrl(source.url));
  });
  if (!cron.validate(config.schedule))
    throw invalid(file, 'schedule', `"${config.schedule}" is not a valid cron expression`);
}

/**
 * Site rules by host. A missing file means no rules only when `optional` (the default
 * path); a rules file the configuration names must exist.
 */
export async function loadSiteRules(
  file: string,
  options: { optional?: boolean } = {},
): Promise<Record<string, SiteRule>> {
  let raw: unknown;
  try {
    raw = await readYaml(file);
  } catch (error) {
    if (options.optional && error instanceof FeedwrightError && error.code === 'CONFIG_NOT_FOUND') return {};
    throw error;
  }
  const rules = parseWith(z.record(z.string(), siteRuleSchema), raw, file);
  const out: Record<string, SiteRule> = {};
  for (const [host, rule] of Object.entries(rules)) out[toHostKey(host)] = rule;
  return out;
}

export async function loadConfig(
  configFile = DEFAULT_CONFIG_FILE,
  options: LoadConfigOptions = {},
): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, configFile);
  const raw = await readYaml(file).catch((error: unknown) => {
    if (!(error instanceof FeedwrightError && error.code === 'CONFIG_NOT_FOUND')) throw error;
    throw new FeedwrightError('CONFIG_NOT_FOUND', `${error.message} (feedwright init writes a starter configuration)`, {
      stage: 'config',
      cause: error,
    });
  });
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid(file, '', 'must be a YAML mapping of keys');
  return resolveConfig(mergeDeep(raw, options.overrides) as RawConfig, { file, cwd, siteRules: undefined });
}

/** Validates an in-memory configuration (tests, the demo) exactly as a file would be. */
export async function resolveConfig(
  raw: RawConfig,
  context: { file?: string; cwd?: string; siteRules?: Record<string, SiteRule> } = {},
): Promise<ResolvedConfig> {
  const cwd = context.cwd ?? process.cwd();
  const label = context.file ?? '<config>';
  const parsed = parseWith(configSchema, raw, label);
  checkReferences(parsed, label);
  const configDir = context.file ? dirname(context.file) : cwd;
  const rulesFile = resolve(configDir, parsed.paths.rules);
  const state = resolve(cwd, parsed.paths.state);
  const resolved: ResolvedConfig = {
    ...parsed,
    file: context.file,
    paths: {
      articles: resolve(cwd, parsed.paths.articles),
      state,
      feeds: resolve(cwd, parsed.paths.feeds),
      rules: rulesFile,
      lock: parsed.paths.lock ? resolve(cwd, parsed.paths.lock) : `${state}.lock`,
    },
    siteRules: context.siteRules ?? (await loadSiteRules(rulesFile, { optional: raw.paths?.rules === undefined })),
  };
  return deepFreeze(resolved);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
