// Help texts, one per command; `feedwright <command> --help` prints them.

const GLOBAL_OPTIONS = `Options for every command:
  --config FILE   configuration file (default: config/feedwright.yaml)
  --verbose       debug log lines
  --quiet         warnings and errors only
  --help          this help
  --version       print feedwright's version`;

export const HELP: Record<string, string> = {
  main: `feedwright: fetch feeds, extract clean Markdown articles, publish RSS, Atom and JSON Feed.

Usage: feedwright <command> [options]

Commands:
  run        one whole cycle: fetch due sources, extract, store, publish (for cron)
  start      the daemon: run cycles on the configured schedule until SIGINT/SIGTERM
  publish    publish feeds from the article files alone
  status     per source: last fetch, result, items, next fetch, failures
  validate   check the configuration (and the published outputs, if any)
  serve      serve feeds/ over HTTP for a feed reader on this machine
  sources    add, remove, import or export the configured sources
  init       write a starter configuration into a folder (never overwrites)
  extract    extract saved pages or URLs with the configured site rules and print them
  worker     queue mode: consume jobs from Redis until SIGINT/SIGTERM
  state      queue mode: move the state between a state.json file and Redis
  help       this help; "feedwright help <command>" for one command

${GLOBAL_OPTIONS}`,
  run: `Usage: feedwright run [--force] [--no-publish] [--no-wait] [--config FILE]

One cycle: fetches every due source (conditional GET; intervals and backoff respected),
follows new items to their pages, writes one Markdown file per new article and publishes
the feeds. Exit status 0 when the cycle ran (failed sources are reported), 1 when every
due source failed, 2 on a bad configuration, 3 when another run holds the lock.
In queue mode (queue.url set) the cycle is queued as jobs that workers run; run waits
for them, publishes once and prints the same summary line with the same exit status.

  --force        fetch every source now, ignoring intervals, backoff and 410-disabled flags
  --no-publish   skip writing feeds/ at the end
  --no-wait      queue mode only: queue the cycle's feed jobs and exit 0

${GLOBAL_OPTIONS}`,
  start: `Usage: feedwright start [--no-initial-run] [--config FILE]

The daemon: runs a cycle at start and then on the configured \`schedule\` (node-cron),
never two at once. SIGINT/SIGTERM let the current cycle finish its writes, then exit 0.
A failing cycle is logged and the next tick runs.

  --no-initial-run   wait for the first tick instead of running at once

In queue mode (queue.url set), start keeps one job scheduler in Redis on \`schedule\`:
any number of start processes, on any number of machines, give one cycle per tick,
which a worker runs.

${GLOBAL_OPTIONS}`,
  publish: `Usage: feedwright publish [--config FILE]

Writes feeds/ (RSS 2.0, Atom 1.0, JSON Feed 1.1, per category, OPML, index.html) from
the article files alone. Unchanged outputs are not rewritten.

${GLOBAL_OPTIONS}`,
  status: `Usage: feedwright status [--json] [--config FILE]

Per source: last fetch, result, items, next fetch and consecutive failures, from the
state file, and its conflicts: articles edited by hand whose update at the source was
not written (the editor wins). In queue mode, from the shared state in Redis, with each queue's jobs by state,
the workers connected and the jobs that failed, with their errors. --json prints the same
as JSON for programs.

  --json   machine-readable output

${GLOBAL_OPTIONS}`,
  serve: `Usage: feedwright serve [--port N] [--host ADDRESS] [--config FILE]

Serves the feeds folder over HTTP with the right content types, ETag, Last-Modified,
304 Not Modified and gzip, and /metrics for Prometheus (requests answered, when each
feed last changed). Default address 127.0.0.1, port 8080. Ctrl-C stops it.

  --port N         port to listen on (default 8080; 0 picks a free one)
  --host ADDRESS   address to listen on (default 127.0.0.1)

${GLOBAL_OPTIONS}`,
  init: `Usage: feedwright init [DIR]

Writes a starter configuration into DIR (default: the current folder):
DIR/config/feedwright.yaml (site, sources, categories, tags) and
DIR/config/site-rules.yaml (per-site extraction rules). Refuses to overwrite: if either
file exists, nothing is written and the exit status is 1. Then edit the sources and run
"feedwright run" in DIR (relative paths in the configuration resolve against the folder
feedwright runs in).

Options:
  --help          this help`,
  sources: `Usage: feedwright sources <add|remove|import|export> ... [--config FILE]

  sources add URL [--name NAME] [--category NAME] [--no-full-text]
      finds the feed (the URL itself, or a home page's <link rel=alternate>), fetches it
      to check, and adds it to the configuration file, keeping the file's comments
  sources remove NAME|URL
      removes a source from the configuration file
  sources import FILE.opml [--category NAME]
      adds every feed of an OPML file (duplicates skipped)
  sources export
      prints the sources as OPML 2.0

${GLOBAL_OPTIONS}`,
  validate: `Usage: feedwright validate [--config FILE]

Checks the configuration (schema, references, schedule, site rules) and, when they
exist, that the article files and published outputs parse. Exit 0 when all is well.

${GLOBAL_OPTIONS}`,
  extract: `Usage: feedwright extract FILE|URL... [--url BASE] [--format markdown|text|json] [--config FILE]

Extracts each saved page (HTML, or gzip-compressed HTML) or URL (fetched as a run would)
with the configured site rules, and prints the result; without a configuration file it
uses no site rules. One input failing does not stop the others; exit status 1 if any did.
--verbose logs which extraction method won and why the others were rejected.

  --url BASE        the URL the saved pages came from (links, site rule); default: the
                    page's canonical URL, else the file's own address
  --format FORMAT   markdown (default: title and body), text (the body's plain text), or
                    json: one object per input per line with input, url, title, text,
                    markdown, coverImage, published, byline, extraction and error

${GLOBAL_OPTIONS}`,
  worker: `Usage: feedwright worker [--concurrency N] [--metrics-port N] [--metrics-host ADDR] [--config FILE]

Queue mode only (queue.url set): consumes feed, page, publish and cycle jobs from Redis
until SIGINT/SIGTERM, then takes no new job, hands back the ones waiting on others, lets
writes under way finish and exits 0. Start any number, on any number of machines sharing
the articles folder; fetch.perHostConcurrency holds across all of them together.

  --concurrency N     page jobs at once in this worker (default fetch.concurrency)
  --metrics-port N    serve Prometheus metrics on http://ADDR:N/metrics
  --metrics-host ADDR address for the metrics server (default 127.0.0.1)

${GLOBAL_OPTIONS}`,
  state: `Usage: feedwright state <export|import> FILE [--replace] [--config FILE]

Queue mode only: moves the whole state (sources' validators and backoff, items seen,
canonical URLs) between a state.json file and Redis, so a one-machine site switches to
queue mode (or back) without fetching anything again.

  export FILE   write the state in Redis to FILE (the state.json format)
  import FILE   load FILE (a state.json) into Redis; refuses when Redis already holds
                state under queue.prefix, unless --replace
  --replace     with import: remove the state in Redis first

${GLOBAL_OPTIONS}`,
};
