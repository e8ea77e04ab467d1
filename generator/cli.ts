#!/usr/bin/env node
/**
 * The command line: the only module that reads argv, prints, and sets the exit code.
 *
 *   error-catalog <generate|check|validate> [--catalog FILE] [--out DIR] [--templates DIR] [--format text|json]
 *
 * Exit codes: 0 success; 1 the catalog has errors, or (check) generated files are out of date;
 * 2 usage error or internal failure; 128 + a signal's number when it stopped the writing (undone).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest, formatDiagnostic, hasErrors } from './diagnostics.js';
import type { Diagnostic, SourceMap } from './diagnostics.js';
import { driftFindings, fromDiagnostic, github, sarif } from './report.js';
import type { Finding } from './report.js';
import { WriteError, isUpToDate } from './write.js';
import { EmitterError, InputError } from './errors.js';
import { mayAnswer, readInputs, shortcut } from './shortcut.js';
import type { PipelineResult } from './index.js';
// The pipeline (and with it every heavy library) is imported in main(), once the arguments are known to be right.

export const USAGE = `Usage: error-catalog <command> [options]

Commands:
  generate    validate the catalog and write every output into the output folder
  check       validate and compare: exit 1 and list each file that is modified, missing or stale
  validate    validate the catalog only
  diff        classify the changes between two versions of the catalog (breaking, dangerous, safe)
  help        show this help, or a command's: error-catalog help generate

Options:
  --catalog FILE      catalog to read (default: catalog.yaml)
  --out DIR           output folder (default: generated)
  --templates DIR     handlebars templates to use instead of the built-in ones
  --format FORMAT     text: diagnostics on stderr (default); json: a JSON array on stdout;
                      sarif: a SARIF 2.1.0 log on stdout; github: workflow commands (annotations)
  --force             build everything even when nothing changed since the last run
  --strict            the lints (warnings lint-*) are errors
  -h, --help          show this help
  -v, --version       print the generator's version

Exit codes: 0 success; 1 catalog errors or out-of-date output; 2 usage error or internal failure;
128 + the signal's number when a signal stopped the writing (130 for Ctrl-C); the folder is as it was.
`;

const COMMANDS = ['generate', 'check', 'validate', 'diff'] as const;
type Command = (typeof COMMANDS)[number];

/** What `help COMMAND` prints. */
const COMMAND_HELP: Record<Command, string> = {
  generate: `Usage: error-catalog generate [--catalog FILE] [--out DIR] [--templates DIR] [--format text|json|sarif|github]
                                [--force] [--strict]

Validates the catalog, builds every output in memory, then writes only the files whose bytes changed and
removes the files it generated before and no longer generates. All or nothing: on any error the output
folder is left exactly as it was. Exit 0 when written, 1 when the catalog or a template has errors, 2 when
the folder cannot be written (it names why), 128 + a signal's number when one stopped the writing.
`,
  check: `Usage: error-catalog check [--catalog FILE] [--out DIR] [--templates DIR] [--format text|json|sarif|github]
                             [--force] [--strict]

Runs the same pipeline as generate and compares instead of writing. Lists every modified (with the first
line that differs), missing and stale file, then exits 1; exits 0 when the folder is up to date. With
--format json, prints the drift as [{ "path", "state", "firstDifferentLine" }] on stdout.
`,
  diff: `Usage: error-catalog diff OLD NEW [--format text|json|markdown|sarif|github] [--fail-on breaking|dangerous]
       error-catalog diff --base REF [--catalog FILE] [...]

Compares two versions of a catalog: OLD and NEW files, or the catalog as it is at git REF (a commit,
branch or tag: git show REF:FILE) and as it is now. Every change is classified, with its place in both:
breaking (a problem deleted or removed without an earlier deprecation, a type URI changed, a status
changed or removed, a required member added, a member removed or narrowed, a locale removed), dangerous
(a title changed, a detail template's placeholders changed, a status added, a member's schema changed)
or safe (added problems, groups, optional members and translations, reworded texts, deprecations).
Exit 1 on a breaking change unless the new catalogVersion has a new major version (it then passes and
says so); --fail-on dangerous fails on dangerous changes too. --format markdown writes a PR comment.
`,
  validate: `Usage: error-catalog validate [--catalog FILE] [--format text|json|sarif|github] [--strict]

Checks the catalog: its shape, every semantic rule, the extension schemas and their examples. Prints each
problem with its position, or what was checked when all is well. Exit 0 when valid (warnings allowed), 1 otherwise.
`,
};

/** The generator's own version, from its package.json. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

interface Args {
  readonly command: Command;
  readonly catalog: string;
  readonly out: string;
  readonly templates?: string;
  readonly format: Format;
  readonly force: boolean;
  readonly strict: boolean;
  /** diff: the old catalog (a file, or a git ref with --base), and when the gate fails. */
  readonly old?: { readonly file: string } | { readonly ref: string };
  readonly failOn: 'breaking' | 'dangerous';
}

class UsageError extends Error {}

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** A command name as typed, checked, with a did-you-mean for a slip (`genrate`). */
function commandNamed(name: string): Command {
  if ((COMMANDS as readonly string[]).includes(name)) return name as Command;
  const guess = closest(name, [...COMMANDS, 'help']);
  throw new UsageError(`unknown command '${name}'${guess ? ` (did you mean '${guess}'?)` : ` (expected ${COMMANDS.join(', ')} or help)`}`);
}

function parseArgs(argv: readonly string[]): Args | 'help' | 'version' | { help: Command } {
  const options: Record<string, string> = {};
  const positionals: string[] = [];
  const valued = new Set(['--catalog', '--out', '--templates', '--format', '--base', '--fail-on']);
  if (argv[0] === 'help') {
    if (argv.length > 2) throw new UsageError(`unexpected argument '${argv[2]}'`);
    return argv[1] === undefined ? 'help' : { help: commandNamed(argv[1]) };
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return positionals[0] && (COMMANDS as readonly string[]).includes(positionals[0]) ? { help: positionals[0] as Command } : 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--force' || arg === '--strict') {
      options[arg] = 'true';
      continue;
    }
    if (arg.startsWith('-')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (!valued.has(name)) throw new UsageError(`unknown option '${name}'`);
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`option '${name}' needs a value`);
      if (name in options) throw new UsageError(`option '${name}' is given twice`);
      options[name] = value;
    } else {
      positionals.push(arg);
    }
  }
  if (positionals.length === 0) throw new UsageError('missing command (generate, check, validate or diff)');
  const command = commandNamed(positionals[0]!);
  let old: Args['old'];
  if (command === 'diff') {
    if (options['--base'] !== undefined && positionals.length === 1) old = { ref: options['--base'] };
    else if (options['--base'] === undefined && positionals.length === 3) {
      old = { file: positionals[1]! };
      if (options['--catalog'] !== undefined) throw new UsageError('diff OLD NEW takes no --catalog (NEW is the catalog)');
      options['--catalog'] = positionals[2]!;
    } else throw new UsageError('diff needs OLD NEW, or --base REF (and optionally --catalog FILE)');
  } else if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const failOn = options['--fail-on'] ?? 'breaking';
  if (failOn !== 'breaking' && failOn !== 'dangerous') throw new UsageError(`--fail-on must be 'breaking' or 'dangerous', not '${failOn}'`);
  const format = options['--format'] ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format) || (format === 'markdown' && command !== 'diff')) {
    throw new UsageError(`--format must be text, json, sarif or github${command === 'diff' ? ' or markdown' : ''}, not '${format}'`);
  }
  return {
    command,
    catalog: options['--catalog'] ?? 'catalog.yaml',
    out: options['--out'] ?? 'generated',
    ...(options['--templates'] !== undefined ? { templates: options['--templates'] } : {}),
    format: format as Format,
    force: options['--force'] === 'true',
    strict: options['--strict'] === 'true',
    failOn,
    ...(old ? { old } : {}),
  };
}

/** Where the CLI prints. */
export interface Console {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processConsole: Console = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

async function printDiagnostics(console: Console, args: Args, diagnostics: readonly Diagnostic[], sources: readonly SourceMap[], extra: readonly Finding[] = []): Promise<void> {
  if (args.format === 'json') {
    console.out(JSON.stringify(diagnostics, null, 2) + '\n');
    return;
  }
  if (args.format === 'sarif' || args.format === 'github') {
    const findings = [...diagnostics.map(fromDiagnostic), ...extra];
    console.out(args.format === 'sarif' ? sarif(findings, { version: version(), cwd: process.cwd() }) : github(findings));
    return;
  }
  // Every error, with its code frame; warnings too, but past a screenful they are counted by rule (all of
  // them are in --format json, sarif or github).
  const WARNINGS_SHOWN = 20;
  let shown = 0;
  const hidden = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity === 'warning' && shown >= WARNINGS_SHOWN) {
      hidden.set(d.rule, (hidden.get(d.rule) ?? 0) + 1);
      continue;
    }
    if (d.severity === 'warning') shown++;
    console.err(formatDiagnostic(d, sources.find((s) => s.file === d.file)) + '\n');
  }
  if (hidden.size) {
    const count = [...hidden.values()].reduce((a, b) => a + b, 0);
    console.err(`… and ${count} more warning(s): ${[...hidden].map(([rule, n]) => `${rule} ×${n}`).join(', ')} (--format json lists them all)\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) console.err(`${errors} error(s), ${warnings} warning(s)\n`);
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], console: Console = processConsole): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // After a command, that command's usage (its options, its arguments); otherwise the general one.
    const command = (COMMANDS as readonly string[]).includes(argv[0] ?? '') ? (argv[0] as Command) : undefined;
    console.err(`error-catalog: ${error.message}\n\n${command ? COMMAND_HELP[command] : USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.out(USAGE);
    return 0;
  }
  if (args === 'version') {
    console.out(`${version()}\n`);
    return 0;
  }
  if ('help' in args) {
    console.out(COMMAND_HELP[args.help]);
    return 0;
  }
  const options = {
    catalog: args.catalog,
    out: args.out,
    force: args.force,
    strict: args.strict,
    ...(args.templates !== undefined ? { templates: args.templates } : {}),
    ...(existsSync('node_modules') ? { statCache: path.join('node_modules', '.cache', 'error-catalog') } : {}), // where tools keep their caches
  };
  // An unchanged generate or check is answered before the pipeline (and every heavy library) is loaded.
  // Emitters with slow libraries start loading them (on another thread) while the inputs are read and the pipeline's modules load.
  const prepareEmitters = async () => {
    for (const emitter of (await import('./emit/index.js')).emitters) emitter.prepare?.();
  };
  const pipeline = async (command: 'generate' | 'check'): Promise<PipelineResult> => {
    const prepared = mayAnswer(options) ? undefined : prepareEmitters(); // no shortcut possible: no need to wait for it
    const inputs = await readInputs(options);
    const answered = await shortcut(command, options, inputs);
    if (answered) return answered;
    await (prepared ?? prepareEmitters());
    return (await import('./index.js')).run(command, { ...options, force: true }, inputs); // the shortcut was tried
  };
  try {
    if (args.command === 'validate') {
      const { validate } = await import('./index.js');
      const result = await validate(args.catalog, { strict: args.strict });
      await printDiagnostics(console, args, result.diagnostics, result.sources);
      if (hasErrors(result.diagnostics)) return 1;
      if (args.format === 'text' && result.model) {
        const { groups, problems, locales } = result.model;
        const warnings = result.diagnostics.length;
        console.out(
          `${args.catalog} is valid: ${problems.length} problem type(s) in ${groups.length} group(s), ${locales.length} locale(s) (${locales.join(', ')}); ` +
            `shape, codes, statuses, URIs, texts and translations, detail placeholders, extension schemas, their patterns and examples, and derived names checked` +
            `${warnings ? `; ${warnings} warning(s)` : ''}\n`,
        );
      }
      return 0;
    }
    if (args.command === 'diff') {
      const { diff } = await import('./index.js');
      const { diffFindings, diffMarkdown, diffText, gateFails } = await import('./diff.js');
      const result = await diff(args.old!, args.catalog);
      if (!result.diff) {
        await printDiagnostics(console, { ...args, format: args.format === 'markdown' ? 'text' : args.format }, result.diagnostics, result.sources);
        return 1;
      }
      const outcome = result.diff;
      const fails = gateFails(outcome, args.failOn);
      if (args.format === 'json') console.out(JSON.stringify({ ...outcome, fails }, null, 2) + '\n');
      else if (args.format === 'markdown') console.out(diffMarkdown(outcome));
      else if (args.format === 'sarif' || args.format === 'github') await printDiagnostics(console, args, [], [], diffFindings(outcome, args.failOn));
      else console.out(diffText(outcome, fails));
      return fails ? 1 : 0;
    }
    if (args.command === 'generate') {
      const result = await pipeline('generate');
      await printDiagnostics(console, args, result.diagnostics, result.sources);
      if (!result.report) return 1;
      const { written, unchanged, removed } = result.report;
      if (args.format === 'text') {
        // Each file by name, unless there are so many that the list would drown the summary.
        const LIST = 40;
        for (const f of written.slice(0, LIST)) console.out(`wrote ${args.out}/${f}\n`);
        if (written.length > LIST) console.out(`… and ${written.length - LIST} more\n`);
        for (const f of removed.slice(0, LIST)) console.out(`removed ${args.out}/${f}\n`);
        if (removed.length > LIST) console.out(`… and ${removed.length - LIST} more removed\n`);
        console.out(`${args.out}: ${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed${result.shortcut ? ' (inputs unchanged since the last generate; --force to rebuild)' : ''}\n`);
      }
      return 0;
    }
    const result = await pipeline('check');
    if (result.drift && (args.format === 'sarif' || args.format === 'github')) {
      const drift = driftFindings(result.drift, args.out, args.catalog);
      await printDiagnostics(console, args, result.diagnostics, result.sources, drift);
      return isUpToDate(result.drift) ? 0 : 1;
    }
    if (!result.drift || args.format === 'text') await printDiagnostics(console, args, result.diagnostics, result.sources);
    else await printDiagnostics(console, { ...args, format: 'text' }, result.diagnostics, result.sources); // warnings, beside the drift
    if (!result.drift) return 1;
    if (args.format === 'json') {
      const { modified, missing, stale, firstDifference } = result.drift;
      const drift = [
        ...modified.map((path) => ({ path, state: 'modified', firstDifferentLine: firstDifference[path]! })),
        ...missing.map((path) => ({ path, state: 'missing', firstDifferentLine: null })),
        ...stale.map((path) => ({ path, state: 'stale', firstDifferentLine: null })),
      ];
      console.out(JSON.stringify(drift, null, 2) + '\n');
      return isUpToDate(result.drift) ? 0 : 1;
    }
    if (isUpToDate(result.drift)) {
      if (args.format === 'text') console.out(`${args.out} is up to date with ${args.catalog}${result.shortcut ? ' (unchanged since the last generate; --force to rebuild and compare)' : ''}\n`);
      return 0;
    }
    const { modified, missing, stale } = result.drift;
    for (const f of modified) console.err(`modified: ${args.out}/${f} (differs from line ${result.drift.firstDifference[f]})\n`);
    for (const f of missing) console.err(`missing:  ${args.out}/${f}\n`);
    for (const f of stale) console.err(`stale:    ${args.out}/${f}\n`);
    console.err(
      `${args.out} is out of date with ${args.catalog} (${modified.length} modified, ${missing.length} missing, ${stale.length} stale): run 'npm run generate'\n`,
    );
    return 1;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof InputError) {
      console.err(`error-catalog: ${error.message}\n`);
    } else if (error instanceof WriteError) {
      console.err(`error-catalog: ${error.message}\n`);
      // Stopped by a signal, held off while it wrote and undid: the exit status a shell gives for it.
      if (error.signal) return 128 + (osConstants.signals[error.signal] ?? 0);
    } else if (error instanceof EmitterError) {
      console.err(`error-catalog: internal error: ${error.message}; nothing was written\n${(error.cause as Error | undefined)?.stack ?? ''}\n`);
    } else {
      console.err(`error-catalog: internal error: ${e.stack ?? String(error)}\n`);
    }
    return 2;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
