#!/usr/bin/env node
/**
 * The command line: the only module that reads argv, prints, and sets the exit code.
 *
 *   error-catalog <generate|check|validate> [--catalog FILE] [--out DIR] [--templates DIR] [--format text|json]
 *
 * Exit codes: 0 success; 1 the catalog has errors, or (check) generated files are out of date;
 * 2 usage error or internal failure.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, SourceMap } from './diagnostics.js';
import { EmitWorker } from './emit/pool.js';
// The rest of the generator is imported in main(), after the emit worker has started loading the
// heavy emitters: the two load in parallel.

export const USAGE = `Usage: error-catalog <command> [options]

Commands:
  generate    validate the catalog and write every output into the output folder
  check       validate and compare: exit 1 and list each file that is modified, missing or stale
  validate    validate the catalog only

Options:
  --catalog FILE      catalog to read (default: catalog.yaml)
  --out DIR           output folder (default: generated)
  --templates DIR     handlebars templates to use instead of the built-in ones
  --format text|json  diagnostics as text on stderr (default) or as a JSON array on stdout
  -h, --help          show this help

Exit codes: 0 success; 1 catalog errors or out-of-date output; 2 usage error or internal failure.
`;

type Command = 'generate' | 'check' | 'validate';

interface Args {
  readonly command: Command;
  readonly catalog: string;
  readonly out: string;
  readonly templates?: string;
  readonly format: 'text' | 'json';
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const options: Record<string, string> = {};
  const positionals: string[] = [];
  const valued = new Set(['--catalog', '--out', '--templates', '--format']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
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
  if (positionals.length === 0) throw new UsageError('missing command (generate, check or validate)');
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const command = positionals[0]!;
  if (command !== 'generate' && command !== 'check' && command !== 'validate') {
    throw new UsageError(`unknown command '${command}' (expected generate, check or validate)`);
  }
  const format = options['--format'] ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be 'text' or 'json', not '${format}'`);
  return {
    command,
    catalog: options['--catalog'] ?? 'catalog.yaml',
    out: options['--out'] ?? 'generated',
    ...(options['--templates'] !== undefined ? { templates: options['--templates'] } : {}),
    format,
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

async function printDiagnostics(console: Console, args: Args, diagnostics: readonly Diagnostic[], sources: readonly SourceMap[]): Promise<void> {
  const { formatDiagnostic } = await import('./diagnostics.js');
  if (args.format === 'json') {
    console.out(JSON.stringify(diagnostics, null, 2) + '\n');
    return;
  }
  for (const d of diagnostics) console.err(formatDiagnostic(d, sources.find((s) => s.file === d.file)) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) console.err(`${errors} error(s), ${warnings} warning(s)\n`);
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], console: Console = processConsole): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.err(`error-catalog: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.out(USAGE);
    return 0;
  }
  const worker = args.command === 'validate' ? undefined : new EmitWorker();
  const { EmitterError, check, generate, loadModel } = await import('./index.js');
  const { WriteError, isUpToDate } = await import('./write.js');
  const { hasErrors } = await import('./diagnostics.js');
  const options = { catalog: args.catalog, out: args.out, ...(worker ? { parallel: worker } : {}), ...(args.templates !== undefined ? { templates: args.templates } : {}) };
  try {
    if (args.command === 'validate') {
      const result = await loadModel(args.catalog);
      await printDiagnostics(console, args, result.diagnostics, result.sources);
      return hasErrors(result.diagnostics) ? 1 : 0;
    }
    if (args.command === 'generate') {
      const result = await generate(options);
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
        console.out(`${args.out}: ${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed\n`);
      }
      return 0;
    }
    const result = await check(options);
    await printDiagnostics(console, args, result.diagnostics, result.sources);
    if (!result.drift) return 1;
    if (isUpToDate(result.drift)) {
      if (args.format === 'text') console.out(`${args.out} is up to date with ${args.catalog}\n`);
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
    if (e.code === 'ENOENT' && e.path !== undefined && e.syscall === 'open') {
      console.err(`error-catalog: cannot read '${e.path}': no such file\n`);
    } else if (e.code === 'EISDIR' || e.code === 'EACCES') {
      console.err(`error-catalog: cannot read '${e.path ?? args.catalog}': ${e.message}\n`);
    } else if (error instanceof WriteError) {
      console.err(`error-catalog: ${error.message}\n`);
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
