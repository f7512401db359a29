// Help texts, one per command; `feedwright <command> --help` prints them.

export const GLOBAL_OPTIONS = `Options for every command:
  --config FILE   configuration file (default: config/feedwright.yaml)
  --verbose       debug log lines
  --quiet         warnings and errors only
  --help          this help`;

export const HELP: Record<string, string> = {
  main: `feedwright: fetch feeds, extract clean Markdown articles, publish RSS, Atom and JSON Feed.

Usage: feedwright <command> [options]

Commands:
  run        one whole cycle: fetch due sources, extract, store, publish (for cron)
  start      the daemon: run cycles on the configured schedule until SIGINT/SIGTERM
  publish    publish feeds from the article files alone
  status     per source: last fetch, result, items, next fetch, failures
  validate   check the configuration (and the published outputs, if any)
  help       this help; "feedwright help <command>" for one command

${GLOBAL_OPTIONS}`,
  run: `Usage: feedwright run [--force] [--no-publish] [--config FILE]

One cycle: fetches every due source (conditional GET; intervals and backoff respected),
follows new items to their pages, writes one Markdown file per new article and publishes
the feeds. Exit status 0 when the cycle ran (failed sources are reported), 1 when every
due source failed, 2 on a bad configuration, 3 when another run holds the lock.

  --force        fetch every source now, ignoring intervals, backoff and 410-disabled flags
  --no-publish   skip writing feeds/ at the end

${GLOBAL_OPTIONS}`,
  start: `Usage: feedwright start [--no-initial-run] [--config FILE]

The daemon: runs a cycle at start and then on the configured \`schedule\` (node-cron),
never two at once. SIGINT/SIGTERM let the current cycle finish its writes, then exit 0.
A failing cycle is logged and the next tick runs.

  --no-initial-run   wait for the first tick instead of running at once

${GLOBAL_OPTIONS}`,
  publish: `Usage: feedwright publish [--config FILE]

Writes feeds/ (RSS 2.0, Atom 1.0, JSON Feed 1.1, per category, OPML, index.html) from
the article files alone. Unchanged outputs are not rewritten.

${GLOBAL_OPTIONS}`,
  status: `Usage: feedwright status [--json] [--config FILE]

Per source: last fetch, result, items, next fetch and consecutive failures, from the
state file. --json prints the same as JSON for programs.

  --json   machine-readable output

${GLOBAL_OPTIONS}`,
  validate: `Usage: feedwright validate [--config FILE]

Checks the configuration (schema, references, schedule, site rules) and, when they
exist, that the article files and published outputs parse. Exit 0 when all is well.

${GLOBAL_OPTIONS}`,
};
