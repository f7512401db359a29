// The command line (DESIGN.md "Command line"): reads arguments, loads the configuration
// once, runs one command and sets the exit status. Nothing else in feedwright exits.
// Each command loads its modules when it runs, so `--help` and `status` start quickly.
//   0 ok · 1 the cycle failed (every source failed) or a command failed
//   2 bad configuration or usage · 3 another run holds the lock

import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { HELP } from './cli-help.js';
import * as commands from './commands/index.js';
import type { ResolvedConfig } from './config/index.js';
import { describeError, isFeedwrightError } from './lib/errors.js';
import { limitHeapGrowth } from './lib/heap.js';
import { createLogger, type Logger, type LogLevel } from './lib/log.js';
import { redactUrl } from './lib/url.js';
import { VERSION } from './lib/version.js';

const OPTIONS = {
  config: { type: 'string' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  force: { type: 'boolean' },
  'no-publish': { type: 'boolean' },
  'no-initial-run': { type: 'boolean' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  name: { type: 'string' },
  category: { type: 'string' },
  'no-full-text': { type: 'boolean' },
  url: { type: 'string' },
  format: { type: 'string' },
  'no-wait': { type: 'boolean' },
  concurrency: { type: 'string' },
  'metrics-port': { type: 'string' },
  'metrics-host': { type: 'string' },
  replace: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

class UsageError extends Error {}

interface CommandContext {
  values: Values;
  positionals: string[];
  logger: Logger;
  config: () => Promise<ResolvedConfig>;
}

type Command = (ctx: CommandContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  async run({ values, logger, config }) {
    const loaded = await config();
    if (loaded.queue) {
      const { runQueuedCommand } = await commands.loadQueueCommands();
      const options = { force: values.force, publish: !values['no-publish'], wait: !values['no-wait'] };
      return (await runQueuedCommand(loaded, logger, options)).exitCode;
    }
    if (values['no-wait']) throw new UsageError('run: --no-wait needs queue mode (queue.url in the configuration)');
    const { runLockedCycle } = await commands.loadRunCommand();
    const { exitCode } = await runLockedCycle(loaded, logger, {
      force: values.force,
      publish: !values['no-publish'],
      progress: !values.quiet,
    });
    return exitCode;
  },
  async start({ values, logger, config }) {
    const loaded = await config();
    if (loaded.queue) {
      const { keepQueueSchedule } = await commands.loadQueueCommands();
      const stopping = new AbortController();
      const stop = (signal: NodeJS.Signals) => stopping.abort(signal);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await keepQueueSchedule(loaded, logger, { initialRun: !values['no-initial-run'], signal: stopping.signal });
      return 0;
    }
    const { startDaemon } = await import('./schedule/index.js');
    const { runLockedCycle } = await commands.loadRunCommand();
    const runCycle = (signal: AbortSignal) => runLockedCycle(loaded, logger, { signal });
    const daemon = startDaemon(loaded, logger, runCycle, { initialRun: !values['no-initial-run'] });
    return runUntilSignal(daemon, logger, 'Daemon');
  },
  async publish({ logger, config }) {
    const { publishFeeds } = await import('./publish/index.js');
    const { acquireRunLock } = await import('./schedule/index.js');
    const loaded = await config();
    // The run lock: a publish never interleaves with a cycle's own publish.
    const lock = await acquireRunLock(loaded.paths.lock);
    const report = await publishFeeds(loaded, logger).finally(() => lock.release());
    logger.info('Publish finished', {
      count: report.articles,
      files: report.files,
      written: report.written.length,
      unchanged: report.unchanged,
      durationMs: report.durationMs,
    });
    return 0;
  },
  async status({ values, logger, config }) {
    const loaded = await config();
    if (loaded.queue) {
      const { collectQueuedStatus, formatQueuedStatus } = await commands.loadQueueCommands();
      const status = await collectQueuedStatus(loaded, logger);
      process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : `${formatQueuedStatus(status)}\n`);
      return 0;
    }
    const { collectStatus, formatStatusTable } = await commands.loadStatusCommand();
    const rows = await collectStatus(loaded);
    process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatStatusTable(rows)}\n`);
    return 0;
  },
  async validate({ config }) {
    const { validateProject } = await commands.loadValidateCommand();
    const result = await validateProject(await config());
    process.stdout.write(`${result.lines.join('\n')}\n`);
    return result.ok ? 0 : 1;
  },
  async serve({ values, logger, config }) {
    const port = portNumber(values.port ?? '8080', '--port') ?? 8080;
    const { serveFeeds } = await import('./serve/index.js');
    const served = await serveFeeds({
      dir: (await config()).paths.feeds,
      port,
      host: values.host,
      logger: logger.child({ stage: 'serve' }),
    });
    await new Promise<void>((resolve) => {
      const stop = () =>
        void served.close().then(resolve, (error: unknown) => {
          logger.error('Server did not close cleanly', { err: describeError(error) });
          resolve();
        });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
  async init({ positionals }) {
    const { initProject } = await commands.loadInitProject();
    const dir = positionals[1] ?? '.';
    const { written } = await initProject(dir);
    process.stdout.write(
      `${written.map((path) => `wrote ${path}`).join('\n')}\n` +
        `Next: edit the sources, site and categories in config/feedwright.yaml, then run "feedwright run" in ${resolvePath(dir)}\n`,
    );
    return 0;
  },
  async worker({ values, logger, config }) {
    const concurrency = positiveInteger(values.concurrency, '--concurrency');
    const metricsPort = portNumber(values['metrics-port'], '--metrics-port');
    const loaded = await config();
    const { queueOf } = await commands.loadQueueCommands();
    queueOf(loaded, 'worker');
    const { startWorker } = await import('./queue/index.js');
    const worker = await startWorker(loaded, logger, { concurrency, metricsPort, metricsHost: values['metrics-host'] });
    return runUntilSignal(worker, logger, 'Worker');
  },
  async state({ values, positionals, logger, config }) {
    const [, action, file] = positionals;
    if (action !== 'export' && action !== 'import')
      throw new UsageError(`state: unknown action "${action ?? ''}" (export or import)`);
    if (!file) throw new UsageError(`state ${action} needs a FILE (see "feedwright state --help")`);
    const { exportState, importState } = await commands.loadQueueCommands();
    const loaded = await config();
    const done =
      action === 'export'
        ? await exportState(loaded, logger, file)
        : await importState(loaded, logger, file, { replace: values.replace });
    process.stdout.write(`${done}\n`);
    return 0;
  },
  async sources(ctx) {
    return runSourcesCommand(ctx);
  },
  async extract(ctx) {
    return runExtractCommand(ctx);
  },
  async help({ positionals }) {
    const topic = positionals[1];
    process.stdout.write(`${HELP[topic ?? 'main'] ?? HELP.main}\n`);
    return topic && !HELP[topic] ? 2 : 0;
  },
};

async function runSourcesCommand({ values, positionals, logger, config }: CommandContext): Promise<number> {
  const [, action, argument] = positionals;
  const { addSource, exportOpml, importOpml, removeSource } = await commands.loadManageSources();
  const { DEFAULT_CONFIG_FILE } = await import('./config/index.js');
  const file = values.config ?? DEFAULT_CONFIG_FILE;
  const needs = (what: string) => {
    if (!argument) throw new UsageError(`sources ${action} needs ${what} (see "feedwright sources --help")`);
    return argument;
  };
  if (action === 'add') {
    const loaded = await config();
    const { createHttpClient } = await import('./fetch/index.js');
    const client = createHttpClient({
      fetch: loaded.fetch,
      site: loaded.site,
      logger: logger.child({ stage: 'fetch' }),
    });
    const input = {
      url: needs('a URL'),
      name: values.name,
      category: values.category,
      fullText: values['no-full-text'] ? false : undefined,
    };
    const added = await addSource(file, input, client);
    process.stdout.write(`added source "${added.name}": ${redactUrl(added.url)}\n`);
  } else if (action === 'remove') {
    await config();
    const removed = await removeSource(file, needs('a source name or URL'));
    process.stdout.write(`removed source "${removed.name}": ${redactUrl(removed.url)}\n`);
  } else if (action === 'import') {
    await config();
    const opml = await readFile(needs('an OPML file'), 'utf8');
    const result = await importOpml(file, opml, { category: values.category });
    process.stdout.write(
      `imported ${result.added.length} sources${result.skipped.length ? `, skipped ${result.skipped.length}: ${result.skipped.join('; ')}` : ''}\n`,
    );
  } else if (action === 'export') {
    process.stdout.write(exportOpml(await config()));
  } else {
    throw new UsageError(`sources: unknown action "${action ?? ''}" (add, remove, import or export)`);
  }
  return 0;
}

const EXTRACT_FORMATS = ['markdown', 'text', 'json'] as const;

async function runExtractCommand({ values, positionals, logger, config }: CommandContext): Promise<number> {
  const inputs = positionals.slice(1);
  if (inputs.length === 0) throw new UsageError('extract needs a FILE or URL (see "feedwright extract --help")');
  const format = EXTRACT_FORMATS.find((known) => known === (values.format ?? 'markdown'));
  if (!format) throw new UsageError(`--format: "${values.format}" is not markdown, text or json`);
  if (values.url !== undefined && !/^https?:\/\/[^/]/i.test(values.url))
    throw new UsageError(`--url: "${values.url}" is not an absolute http(s) URL`);
  const { extractInputs, loadExtractConfig } = await commands.loadExtractCommand();
  const loaded = await loadExtractConfig(values.config, config);
  const { createHttpClient } = await import('./fetch/index.js');
  let client: import('./fetch/index.js').HttpClient | undefined;
  const failed = await extractInputs({
    inputs,
    format,
    siteRules: loaded.siteRules,
    logger: logger.child({ stage: 'extract' }),
    client: () =>
      (client ??= createHttpClient({
        fetch: loaded.fetch,
        site: loaded.site,
        logger: logger.child({ stage: 'fetch' }),
      })),
    write: (text) => process.stdout.write(text),
    ...(values.url ? { baseUrl: values.url } : {}),
  });
  return failed > 0 ? 1 : 0;
}

/** Runs a long-lived service until SIGINT/SIGTERM asks it to stop; exit status 0 once it has. */
async function runUntilSignal(
  service: { stop(reason: string): Promise<void>; done: Promise<void> },
  logger: Logger,
  what: string,
): Promise<number> {
  const onSignal = (signal: NodeJS.Signals) =>
    void service
      .stop(signal)
      .catch((error: unknown) => logger.error(`${what} did not stop cleanly`, { err: describeError(error) }));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await service.done;
  return 0;
}

function portNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`${option}: "${value}" is not a port number`);
  return port;
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > 1000)
    throw new UsageError(`${option}: "${value}" is not a whole number from 1 to 1000`);
  return count;
}

function logLevel(values: Values): LogLevel {
  if (values.verbose) return 'debug';
  if (values.quiet) return 'warn';
  return 'info';
}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (isFeedwrightError(error) && (error.code === 'CONFIG_INVALID' || error.code === 'CONFIG_NOT_FOUND')) return 2;
  if (isFeedwrightError(error) && error.code === 'LOCKED') return 3;
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  try {
    let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${describeError(error)} (see "feedwright --help")`);
    }
    const { values, positionals } = parsed;
    if (values.version) {
      process.stdout.write(`feedwright ${VERSION}\n`);
      return 0;
    }
    const name = positionals[0] ?? 'help';
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}" (see "feedwright --help")`);
    const maxPositionals =
      name === 'sources' || name === 'state'
        ? 3
        : name === 'help' || name === 'init'
          ? 2
          : name === 'extract'
            ? Infinity
            : 1;
    if (positionals.length > maxPositionals) {
      throw new UsageError(
        `${name}: unexpected argument "${positionals[maxPositionals]}" (see "feedwright ${name} --help")`,
      );
    }
    if (values.help) {
      process.stdout.write(`${HELP[name] ?? HELP.main}\n`);
      return 0;
    }
    const logger = createLogger({ level: logLevel(values) });
    const config = async () => {
      // Loaded only by the commands that read the config (zod, yaml and node-cron come with it).
      const { DEFAULT_CONFIG_FILE, loadConfig } = await import('./config/index.js');
      return loadConfig(values.config ?? DEFAULT_CONFIG_FILE);
    };
    return await command({ values, positionals, logger, config });
  } catch (error) {
    process.stderr.write(`feedwright: ${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}

/** Runs the CLI with the process's arguments and sets the exit status. */
export async function runCli(): Promise<void> {
  limitHeapGrowth();
  process.exitCode = await main(process.argv.slice(2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runCli();
