/**
 * The command-line program. The only module that touches `process`: it parses flags with
 * commander, runs a command, prints the result, and sets the exit code from one table.
 */
import { existsSync, fstatSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ParityError, UsageError, locationPrefix } from './errors.js';
import { guardOutput, safeMessage, sanitiseText } from './text/sanitise.js';
import { StatusLine } from './text/statusLine.js';
import { workerUse } from './threads.js';
import { removeTemporaries } from './temporaries.js';
import type { PlannedInput, PlannedOutput } from './write/outputs.js';
import { DEFAULT_CONFIG_FILE } from './config/file.js';
import type { CommonFlags } from './commands/options.js';
import type { CommandContext, CommandResult } from './commands/context.js';

type CommandRunner = (files: string[], flags: CommonFlags, ctx: CommandContext) => Promise<CommandResult>;

/** Commands are loaded when run: `parity --version` and `--help` load none of them. */
const auditCommand: CommandRunner = async (...args) => (await import('./commands/audit.js')).auditCommand(...args);
const reportCommand: CommandRunner = async (...args) => (await import('./commands/report.js')).reportCommand(...args);
const inspectCommand: CommandRunner = async (...args) => (await import('./commands/inspect.js')).inspectCommand(...args);
const initCommand: CommandRunner = async (...args) => (await import('./commands/init.js')).initCommand(...args);
const checkCommand: CommandRunner = async (...args) => (await import('./commands/check.js')).checkCommand(...args);
const countsCommand: CommandRunner = async (...args) => (await import('./commands/counts.js')).countsCommand(...args);
const sqlCommand: CommandRunner = async (...args) => (await import('./commands/sql.js')).sqlCommand(...args);
const ticketsCommand: CommandRunner = async (...args) => (await import('./commands/tickets.js')).ticketsCommand(...args);

/**
 * Writing outputs (temporary files, crypto for their names) is loaded by the first command that
 * runs, not by `parity --version` or `--help`; the signal handlers clean up through it once loaded.
 */
let outputsModule: typeof import('./write/outputs.js') | null = null;
async function outputsOf(): Promise<typeof import('./write/outputs.js')> {
  return (outputsModule ??= await import('./write/outputs.js'));
}

/** The progress line on standard error, cleared before a warning, an error or the end on a signal. */
const status = new StatusLine((text) => process.stderr.write(text), () => Boolean(process.stderr.isTTY));

/** The exit-code table (contract): 0 ok, 1 a gate failed, 2 usage/config/input error. */
export const EXIT = { ok: 0, gateFailed: 1, error: 2 } as const;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Standard input's file when it is redirected from one, else null (a terminal, a pipe). */
function stdinStats(): Stats | null {
  try {
    const stats = fstatSync(0);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * `--generated-at`: an ISO date-time written into the report instead of nothing. A bad value is
 * parity's usage error (`parity: --generated-at "…" is not …`), as every other option's bad value
 * is: commander passes an error that is not its own InvalidArgumentError on to handleError.
 */
function isoInstant(value: string): string {
  // (a leap second, :60, is the next minute's first, as --as-of and the data read it; Date.parse refuses it)
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || !Number.isFinite(Date.parse(value.replace(/:60(?=\.|Z|[+-]|$)/, ':59')))) {
    throw new UsageError(`--generated-at "${value}" is not an ISO date or date-time`, { hint: 'write it like 2026-11-01 or 2026-11-01T09:00:00Z' });
  }
  return value;
}

/** Options shared by the commands that read exports. */
function withCommonOptions(cmd: Command, formats: string): Command {
  return cmd
    .option('-c, --config <file>', 'configuration file (default ./parity.config.json when present)')
    .option('--no-config', 'do not read ./parity.config.json even when it is there')
    .option('--format <format>', `output format: ${formats}`)
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .option('--input-format <id>', 'skip detection: generic, zendesk, freshdesk, salesforce, …')
    .option('--reference <channel>', 'channel the others are compared with (default phone)')
    .option('--since <date>', 'only tickets created on or after this date')
    .option('--until <date>', 'only tickets created before this date (a date alone includes that day)')
    .option('--tz <zone>', 'IANA time zone for timestamps without an offset (default UTC)')
    .option('--sheet <name|number>', 'the sheet of an .xlsx workbook that holds the tickets (default the first)')
    .option('--decimal <separator>', 'decimal separator of number columns, , or . (default: detected per column)')
    .option('--as-of <time>', 'when the export was taken; open tickets are measured to it (default: latest timestamp)')
    .option('--bands <edges>', 'follower band edges, e.g. 1000,10000,100000')
    .option('--strict', 'any rejected row is an error (exit 2)')
    .option('--rejects <file>', 'write rejected rows with their reason to a CSV file')
    .option('--redact', 'replace customer ids and handles with stable pseudonyms')
    .option('--duplicates <keep>', 'a repeated ticket id keeps its first row (default) or its last row (overlapping exports)')
    .option('--max-record-bytes <size>', 'largest CSV record or NDJSON line (default 64MiB)')
    .addOption(new Option('--limit <name=value>', 'raise a read limit: maxRecordBytes, maxJsonBytes, maxJsonDepth, maxDecompressedBytes, maxCompressionRatio, maxColumns').argParser(collect))
    .option('--no-color', 'no colour in the output')
    .option('--quiet', 'no warnings on stderr');
}

/**
 * Options a command takes only to refuse them with what to run instead (inspect's --strict and
 * --rejects: commands/inspect.ts), left out of its --help, which listed them as if they worked.
 */
function hideOptions(cmd: Command, names: readonly string[]): Command {
  for (const option of cmd.options) if (option.long && names.includes(option.long)) option.hideHelp();
  return cmd;
}

/** --by: the groups of a ticket field compared like channels (audit, report, check, tickets). */
function withByOptions(cmd: Command): Command {
  return cmd
    .option('--by <field>', 'also compare the values of a field like channels: group, category, priority, status or any column header')
    .option('--by-reference <value>', 'the --by value the others are compared with (default: the largest group)');
}

/** The exit codes, shown under every command's --help. */
const EXIT_CODES_HELP = `
Exit codes:
  0  the command ran; no gate failed
  1  the command ran; at least one gate failed
  2  usage, configuration or input error: nothing trustworthy was computed`;

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n${EXIT_CODES_HELP}`;
}

/** Where the tickets are when parity does not read files in-process (audit, check, report). */
function withSourceOptions(cmd: Command): Command {
  return cmd
    .option('--counts <file>', 'judge a count table (parity counts, or the result of parity sql\'s query) instead of tickets')
    .option('--db <url>', 'database: postgresql://… or clickhouse://… (http://host:8123)')
    .option('--table <name>', 'table of tickets in --db')
    .option('--query <sql>', 'query whose rows are the tickets, instead of --table')
    .option('--engine <engine>', 'duckdb: read the files with DuckDB (Parquet always is)')
    .option('--duckdb-memory <size>', "DuckDB's working memory (in its own process beside parity's), e.g. 4GB (default 1GB)");
}

/** Gates: --fail-on, --baseline, --allow-missing (audit, check, report). */
function withGateOptions(cmd: Command, failOnHelp: string): Command {
  return cmd
    .addOption(new Option('--fail-on <expression>', failOnHelp).argParser(collect))
    .option('--baseline <report.json>', 'earlier JSON report for delta(...) gates')
    .option('--allow-missing', 'a gate that cannot be evaluated passes instead of failing');
}

/** GitHub Actions annotations of the gate results (audit, check). */
function withAnnotationOption(cmd: Command): Command {
  return cmd.option('--annotations <mode>', 'github: GitHub Actions annotations on stderr (default under GITHUB_ACTIONS=true), or none');
}

/** The arguments before a `--` (after it, every word is a file name). */
function optionWords(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/** Whether `word` gives option `name` (`-c x`, `-cx`, `--config x`, `--config=x`). */
function gives(word: string, name: string): boolean {
  return word === name || word.startsWith(`${name}=`) || (!name.startsWith('--') && word.startsWith(name) && !word.startsWith('--'));
}

/** Options that name one file, each with the name said in an error: given twice, a usage error. */
const FILE_OPTIONS: ReadonlyArray<{ readonly said: string; readonly names: readonly string[] }> = [
  { said: '--config', names: ['-c', '--config'] },
  { said: '--output', names: ['-o', '--output', '--out'] },
  { said: '--counts', names: ['--counts'] },
  { said: '--baseline', names: ['--baseline'] },
  { said: '--rejects', names: ['--rejects'] },
];

/** The first option of one file the arguments give twice; null when none is. */
function repeatedFileOption(argv: readonly string[]): string | null {
  const words = optionWords(argv);
  const twice = FILE_OPTIONS.find(({ names }) => words.filter((w) => names.some((n) => gives(w, n))).length > 1);
  return twice?.said ?? null;
}

/** Whether the arguments name a config file and --no-config both. */
function configAndNoConfig(argv: readonly string[]): boolean {
  const words = optionWords(argv);
  return words.includes('--no-config') && words.some((w) => gives(w, '-c') || gives(w, '--config'));
}

/** Runs the program; resolves to the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    // the working folder was removed (or cannot be read) after the shell entered it
    process.stderr.write("parity: the current folder no longer exists (or cannot be read)\n  cd to a folder that exists and run it again\n");
    return EXIT.error;
  }
  const ctxBase = { cwd, stdin: process.stdin, version: version(), now: () => Date.now(), workers: workerUse(process.env['PARITY_WORKERS']) };
  let result: CommandResult | null = null;
  let outputFile: string | undefined;

  let redactErrors = false;
  let outputColor = false;
  // `plain`: a command whose output never carries colour (CSV, SQL, the ticket listing, a config):
  // every escape sequence in it comes from the data and is shown escaped, colour codes included.
  const run = (command: (files: string[], flags: CommonFlags, ctx: CommandContext) => Promise<CommandResult>, options: { ownOutput?: boolean; plain?: boolean } = {}) =>
    async (files: string[], flags: CommonFlags & { out?: string; baseline?: string; counts?: string }): Promise<void> => {
      // -c and --no-config set one option, the later winning: `-c team.json --no-config` would
      // read no config in silence, the other order the file. Either way one of them is ignored.
      if (configAndNoConfig(argv)) throw new UsageError('-c and --no-config given together: one of them would be ignored', { hint: '-c <file> reads that file only; --no-config reads no configuration (not ./parity.config.json either)' });
      // an option of one file given twice keeps the last in silence: the first is then neither
      // read nor protected from -o (`--counts a.csv --counts b.csv -o a.csv` overwrote a.csv)
      const repeated = repeatedFileOption(argv);
      if (repeated) throw new UsageError(`${repeated} given twice: it takes one file, and the other would be ignored in silence`, { hint: `give ${repeated} once` });
      const colorWanted = flags.color !== false && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0';
      const toTty = !flags.output && Boolean(process.stdout.isTTY);
      redactErrors = flags.redact === true;
      const ctx: CommandContext = {
        ...ctxBase,
        color: colorWanted && (toTty || Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0')),
        columns: toTty && process.stdout.columns ? process.stdout.columns : undefined,
        warn: (message) => {
          if (!flags.quiet) status.line(`parity: ${sanitiseText(message)}\n`);
        },
        progress: (message) => {
          if (flags.quiet) return;
          status.show(message === null ? null : sanitiseText(message));
        },
      };
      // Outputs never overwrite inputs, and cannot-write fails before the long read.
      const outputs: PlannedOutput[] = [];
      const target = flags.output ?? flags.out;
      if (options.ownOutput) outputs.push({ option: '-o/--output', path: target ?? DEFAULT_CONFIG_FILE });
      else if (flags.output) outputs.push({ option: '-o/--output', path: flags.output });
      if (flags.rejects) outputs.push({ option: '--rejects', path: flags.rejects });
      if (flags.output === '') throw new UsageError('-o/--output needs a file name', { hint: 'give a file, or leave -o out (or give -o -) for standard output' });
      const inputs: PlannedInput[] = files.map((f) => ({ what: 'input', path: f, ...(f === '-' ? { stats: stdinStats() } : {}) }));
      if (typeof flags.config === 'string') inputs.push({ what: 'configuration', path: flags.config });
      else if (flags.config !== false && !options.ownOutput && existsSync(join(ctxBase.cwd, DEFAULT_CONFIG_FILE))) inputs.push({ what: 'configuration', path: DEFAULT_CONFIG_FILE });
      if (flags.baseline) inputs.push({ what: 'baseline', path: flags.baseline });
      if (typeof flags.counts === 'string') inputs.push({ what: 'count table', path: flags.counts, ...(flags.counts === '-' ? { stats: stdinStats() } : {}) });
      const guard = await outputsOf();
      guard.checkInputs(inputs, ctxBase.cwd);
      await guard.checkOutputs(outputs, inputs, ctxBase.cwd);
      outputColor = ctx.color && !options.plain;
      // -o - is standard output, as - is standard input
      outputFile = options.ownOutput || flags.output === '-' ? undefined : flags.output;
      result = await command(files, flags, ctx);
    };

  const program = new Command('parity')
    .description('Audit whether a customer-service operation treats every channel and every customer alike.')
    .version(ctxBase.version, '-V, --version')
    .showHelpAfterError('(run parity --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(guardOutput(s)), writeOut: (s) => process.stdout.write(s) });

  // Gate commands get GitHub Actions annotations by default when running under Actions.
  const underActions = process.env.GITHUB_ACTIONS === 'true';
  const withGateEnv = (command: typeof auditCommand) => (files: string[], flags: CommonFlags & { annotations?: string }, ctx: CommandContext) =>
    command(files, { ...flags, ...(flags.annotations === undefined && underActions ? { annotations: 'github' } : {}) }, ctx);

  withAnnotationOption(withGateOptions(
    withByOptions(withSourceOptions(withCommonOptions(program.command('audit').argument('[file...]', 'ticket exports (.csv, .tsv, .csv.gz, .xlsx, .json, .parquet) or - for stdin'), 'table|json|markdown|html|csv|junit'))),
    'gate: exit 1 when true (repeatable)',
  ))
    .description('per channel and follower band: first response and resolution, findings, gates')
    .option('--generated-at <time>', 'ISO time written into markdown/html/json output (default: none, so output is stable)', isoInstant)
    .addHelpText('after', examples([
      'parity audit export.csv',
      "parity audit export.csv --fail-on 'ratio(phone,social).firstResponse.median > 3'",
      'parity audit jan.csv feb.csv.gz --format json -o audit.json',
      'parity audit export.csv --since 2026-10-01 --rejects rejected.csv --redact',
      "parity audit export.csv --by group --fail-on 'by(Billing,Support).firstResponse.median > 2'",
    ]))
    .option('--wide', 'table format: draw every column and unwrapped lines even when the terminal is narrower')
    .action(run(withGateEnv(auditCommand)));

  withGateOptions(
    withByOptions(withSourceOptions(withCommonOptions(program.command('report').argument('[file...]', 'ticket exports (.csv, .tsv, .csv.gz, .xlsx, .json, .parquet) or - for stdin'), 'markdown|html|csv|json|table|junit (default markdown)'))),
    'gate on the period of interest: exit 1 when true (repeatable)',
  )
    .description('the audit of one period (month by default) with the trend over earlier periods, as a document')
    .option('--period <unit>', 'week (ISO, Monday start), month or quarter (default month)')
    .option('--month <yyyy-mm>', 'the month to report on (default: the latest complete month with tickets)')
    .option('--periods <n>', 'earlier periods shown in the trend (default 12)')
    .option('--wide', 'table format: draw every column and unwrapped lines even when the terminal is narrower')
    .option('--generated-at <time>', 'ISO time written into the report (default: none, so output is stable)', isoInstant)
    .addHelpText('after', '\n--since/--until choose the period of interest (they do not filter what is read); the trend is made of the whole periods before it.')
    .addHelpText('after', examples([
      'parity report export.csv --month 2026-10 --format html -o 2026-10.html',
      'parity report export.csv --period week --periods 8',
      'parity report export.csv -c parity.config.json --baseline last-month.json --format json -o this-month.json',
      'parity report --db postgresql://analyst@db:5432/support --table tickets --format html -o report.html',
    ]))
    .action(run(reportCommand));

  withAnnotationOption(withGateOptions(
    withByOptions(withSourceOptions(withCommonOptions(program.command('check').argument('[file...]', 'ticket exports, .parquet files or - for stdin'), 'text|json|junit (default text: gate lines only)'))),
    'gate: exit 1 when true (repeatable; at least one gate is required)',
  ))
    .description('the audit for CI: prints only the gate results; exit 1 when a gate fails')
    .addHelpText('after', examples([
      "parity check export.csv --fail-on 'ratio(phone,social).firstResponse.median > 3'",
      "parity check export.csv --fail-on 'channel(social).answeredShare < 95%' --format junit -o parity.xml",
    ]))
    .action(run(withGateEnv(checkCommand)));

  hideOptions(withCommonOptions(program.command('inspect').argument('<file...>', 'ticket exports or - for stdin'), 'table|json'), ['--strict', '--rejects'])
    .description('what was detected: format, column mapping, channel values, dates, data quality')
    .addHelpText('after', examples(['parity inspect export.csv', 'parity inspect export.csv --format json --redact']))
    .action(run(inspectCommand));

  // Engines: the count table of any source, and the count query for engines parity cannot reach.
  withCommonOptions(program.command('counts').argument('[file...]', 'ticket exports or .parquet files (none with --db)'), 'csv|ndjson (default csv)')
    .description('the count table the judge works from (durations × ended/waiting per group and stratum), from files or a database')
    .option('--db <url>', 'database: postgresql://… or clickhouse://… (http://host:8123)')
    .option('--table <name>', 'table of tickets in --db')
    .option('--query <sql>', 'query whose rows are the tickets, instead of --table')
    .option('--engine <engine>', 'duckdb: read the files with DuckDB (Parquet always is)')
    .option('--duckdb-memory <size>', "DuckDB's working memory (in its own process beside parity's), e.g. 4GB (default 1GB)")
    .option('--by <field>', 'also count by group, category, priority or status')
    .action(run(countsCommand, { plain: true }));

  program
    .command('sql')
    .description('print the count query for an engine parity cannot reach; save its result as CSV for --counts')
    .requiredOption('--dialect <dialect>', 'bigquery, snowflake, databricks, postgres, duckdb or clickhouse')
    .option('--table <name>', 'table of tickets (e.g. project.support.tickets)')
    .option('--query <sql>', 'query whose rows are the tickets, instead of --table')
    .option('-c, --config <file>', 'configuration file (columns, channels, bands, since/until/asOf)')
    .option('-o, --output <file>', 'write the query to a file instead of stdout')
    .option('--since <date>', 'only tickets created on or after this date')
    .option('--until <date>', 'only tickets created before this date (a date alone includes that day)')
    .option('--as-of <time>', 'when the export was taken (default: the latest timestamp in the data)')
    .option('--tz <zone>', 'IANA time zone of the data\'s times and of --since/--until/--as-of without an offset (default UTC; the statement that sets it is printed above the query)')
    .option('--bands <edges>', 'follower band edges, e.g. 1000,10000,100000')
    .option('--by <field>', 'also count by group, category, priority or status')
    .option('--text-columns', 'the table\'s columns are text (a CSV loaded as it is): read times as ISO 8601 and numbers as plain digits, blank = none')
    .option('--no-config', 'do not read ./parity.config.json even when it is there')
    .action(async (flags: Record<string, unknown>) => run(sqlCommand as never, { plain: true })([], flags as CommonFlags));

  withByOptions(withCommonOptions(program.command('tickets').argument('<file...>', 'ticket exports or - for stdin'), 'csv|json|ndjson (default csv)'))
    .description('one row per ticket with what was measured (durations, answered/resolved, band, loud, jump, SLA): the drill-down')
    .addOption(new Option('--channel <channel>', 'only this channel (canonical or raw value; repeatable or comma-separated)').argParser(collect))
    .option('--unanswered', 'only tickets still waiting for a first response')
    .option('--open', 'only tickets not resolved yet')
    .option('--breached', 'only tickets that breached an SLA target (needs sla in the config)')
    .option('--waited-over <duration>', 'only tickets that waited longer than this for a first response (e.g. 3d, 4h)')
    .action(run(ticketsCommand, { plain: true }));

  program
    .command('init')
    .argument('[file...]', 'exports to detect the mapping from (none: a blank starter)')
    .description('write a starter parity.config.json from what inspect detects')
    .option('-c, --config <file>', 'read this configuration while detecting (its mapping is kept)')
    .option('-o, --output <file>', 'where to write (default ./parity.config.json; - prints it)')
    .addOption(new Option('--out <file>', 'former name of --output').hideHelp())
    .option('--force', 'overwrite an existing file')
    .option('--input-format <id>', 'skip detection: generic, zendesk, freshdesk, salesforce, …')
    .option('--tz <zone>', 'IANA time zone the export writes times in (written as timeZone)')
    .option('--max-record-bytes <size>', 'largest CSV record or NDJSON line (default 64MiB)')
    .addOption(new Option('--limit <name=value>', 'raise a read limit (see audit --help)').argParser(collect))
    .option('--sheet <name|number>', 'the sheet of an .xlsx workbook that holds the tickets (written as sheet)')
    .option('--decimal <separator>', 'decimal separator of number columns, , or . (written as decimal)')
    .option('--quiet', 'no notes on stderr')
    .addHelpText('after', examples(['parity init export.csv', 'parity init export.csv -o other.config.json', 'parity init export.csv -o -']))
    .action(run(initCommand, { ownOutput: true, plain: true }));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return handleError(redactErrors ? (await import('./commands/redactError.js')).redactError(error) : error);
  }
  const finished = result as CommandResult | null;
  if (!finished) return EXIT.ok;
  // Annotations are parity's own workflow commands; their data is escaped where they are made.
  status.clear();
  if (finished.stderr) process.stderr.write(guardOutput(finished.stderr, { annotations: true }));
  try {
    if (outputFile) await (await outputsOf()).writeAtomic(outputFile, finished.output);
    else if (typeof finished.output === 'string') await writeStdout(guardOutput(finished.output, { color: outputColor }));
    else for (const chunk of finished.output) await writeStdout(guardOutput(chunk, { color: outputColor }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return finished.exitCode;
    if (error instanceof ParityError) return handleError(error);
    return handleError(new ParityError(`cannot write the output: ${(error as Error).message}`, outputFile ? { location: { file: outputFile } } : {}));
  }
  return finished.exitCode;
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

function handleError(error: unknown): number {
  status.clear();
  if (error instanceof CommanderError) {
    // --help and --version exit 0; help shown because something was missing is a usage error.
    if (error.exitCode === 0) return EXIT.ok;
    return EXIT.error; // commander already printed the message
  }
  if (error instanceof ParityError) {
    // one line (plus hint lines), every piece of data in it escaped
    process.stderr.write(`${safeMessage(`parity: ${locationPrefix(error.location)}${error.message}`, error.hint)}\n`);
    return EXIT.error;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`parity: internal error: ${sanitiseText(message)}\n  please report this with the command you ran\n`);
  if (process.env.PARITY_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.error;
}

// Stopped by a signal: no temporary file or folder is left behind, and no final path was touched.
for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    status.clear();
    removeTemporaries();
    process.exit(code);
  });
}

// Started by the launcher (launch.ts runTuned) with a channel to it: the launcher gone without
// passing a signal on (SIGKILL, `timeout -s KILL`, the out-of-memory killer) ends this run too,
// its temporary files and DuckDB's process with it — nothing outlives the process the user
// started. The channel alone does not keep this process running. Only in the launcher's child
// (PARITY_LAUNCHED, launch.ts): a process started by anything else with a channel of its own
// (a test runner's worker) keeps it as it is.
if (process.channel && process.env['PARITY_LAUNCHED'] === '1') {
  process.channel.unref();
  process.on('disconnect', () => {
    status.clear();
    removeTemporaries();
    // not process.exit(): with DuckDB in this process, exit waits for a running query
    process.kill(process.pid, 'SIGKILL');
  });
}

// A closed pipe (`parity audit x.csv | head`) ends quietly, with the run's own exit code: the
// output nobody reads is not written, but a failed gate still fails the job (`… | head` under
// `set -o pipefail`), and the files a run writes (-o, --rejects) are still written. A write to
// the closed pipe fails (writeStdout: the run ends there); the stream's error is handled here, so
// it is no uncaught exception. The same for stderr (`2>&1 >/dev/null | true`): a note nobody
// reads does not change the result.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

export { UsageError };
