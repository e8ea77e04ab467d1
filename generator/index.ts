/**
 * The pipeline, in one function: load → validate → model → templates → emit → write or compare.
 * Each stage lives in its own module; this file only calls them, in order.
 */
import * as path from 'node:path';
import { emitters as defaultEmitters } from './emit/index.js';
import type { EmitOptions, Emitter, GeneratedFile } from './emit/index.js';
import { loadCatalog } from './catalog/load.js';
import { validateCatalog } from './catalog/validate.js';
import { buildModel } from './catalog/model.js';
import type { CatalogModel } from './catalog/model.js';
import { checkOutput, defaultIo, writeOutput } from './write.js';
import { secondThreadBatch } from './thread/index.js';
import type { Drift, WriteReport, WriterIo } from './write.js';
import { hasErrors, sortDiagnostics, strictly } from './diagnostics.js';
import type { SourceMap } from './diagnostics.js';
import type { Diagnostic } from './diagnostics.js';
import { parseTemplates } from './templates.js';
import { defaultTemplatesDir, readInput, readInputs, shortcut } from './shortcut.js';
import type { RunInputs } from './shortcut.js';
import { EmitterError, InputError } from './errors.js';
import { diffCatalogs } from './diff.js';
import type { DiffResult } from './diff.js';

/** A new output folder's files are written on the second thread, which is idle once the emitters are done. */
const threadedIo: WriterIo = { ...defaultIo, batch: secondThreadBatch };

/** The templates shipped with the generator. */
export { defaultTemplatesDir } from './shortcut.js';
export { EmitterError, InputError } from './errors.js';

export interface PipelineOptions {
  /** Path of the catalog file. */
  readonly catalog: string;
  /** Output folder. */
  readonly out: string;
  /** Template folder (default: the generator's own `templates/`). */
  readonly templates?: string;
  /** Outputs to produce (default: every registered emitter; others disable the no-change shortcut). */
  readonly emitters?: readonly Emitter[];
  /** File-system calls of the writer (tests inject failures). */
  readonly io?: WriterIo;
  /** Build everything even when the inputs and the output folder are unchanged since the last run. */
  readonly force?: boolean;
  /** The lints (`lint-*` warnings) are errors. */
  readonly strict?: boolean;
  /**
   * A folder where unchanged runs remember the outputs they hashed (size, times, inode), so that the next
   * one need not read them again. None by default; the CLI uses `node_modules/.cache/error-catalog`.
   */
  readonly statCache?: string;
}

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The files the diagnostics point into (the catalog, templates), for code frames. */
  readonly sources: readonly SourceMap[];
  /** Present when the catalog has no errors and was read (not when the no-change shortcut answered). */
  readonly model?: CatalogModel;
  /** `generate`, when the output was written (or found up to date). */
  readonly report?: WriteReport;
  /** `check`, when the inputs were valid: how the output folder differs from what would be generated. */
  readonly drift?: Drift;
  /** Present when the output folder was found up to date without building anything: how many files were read to know it. */
  readonly shortcut?: { readonly hashed: number };
}

/**
 * `generate` writes; `check` compares. Everything is validated and built in memory first, all or nothing.
 * `inputs` are the run's inputs if the caller has read them already (the CLI, to try the shortcut first).
 */
export async function run(command: 'generate' | 'check', options: PipelineOptions, inputs?: RunInputs): Promise<PipelineResult> {
  const emitters = options.emitters ?? defaultEmitters;
  const read = inputs ?? (await readInputs(options));
  const answered = await shortcut(command, options, read);
  if (answered) return answered;
  emitters.forEach((e) => e.prepare?.()); // slow libraries load on another thread while the catalog is read
  const templates = parseTemplates(options.templates ?? defaultTemplatesDir, read.templates);
  const { loaded, diagnostics: checked, catalog } = checkCatalog(read.bytes, options.catalog, options.strict);
  const model = catalog && !hasErrors(templates.diagnostics) ? buildModel(catalog) : undefined;
  const found = { diagnostics: sortDiagnostics([...checked, ...templates.diagnostics]), sources: [loaded.source, ...templates.sources] };
  if (!model) return found;
  const emitted = await emitAll(model, { sourceName: path.basename(options.catalog), templates: templates.set }, emitters);
  const diagnostics = sortDiagnostics([...found.diagnostics, ...emitted.diagnostics]);
  if (hasErrors(diagnostics)) return { ...found, diagnostics, model };
  if (command === 'check') return { ...found, diagnostics, model, drift: await checkOutput(options.out, emitted.files) };
  const record = read.fingerprint ? { inputs: read.fingerprint, warnings: diagnostics } : undefined;
  return { ...found, diagnostics, model, report: await writeOutput(options.out, emitted.files, options.io ?? threadedIo, record) };
}

/** `generate`: validate, emit everything in memory, then write only if all of it succeeded. */
export const generate = (options: PipelineOptions): Promise<PipelineResult> => run('generate', options);

/** `check`: the same pipeline as generate, comparing instead of writing. */
export const check = (options: PipelineOptions): Promise<PipelineResult> => run('check', options);

/** `validate`: load → validate → model. The model is present only when the catalog has no errors. */
export async function validate(catalog: string, options: Pick<PipelineOptions, 'strict'> = {}): Promise<PipelineResult> {
  const checked = checkCatalog(await readInput(catalog), catalog, options.strict);
  return { diagnostics: checked.diagnostics, sources: [checked.loaded.source], ...(checked.catalog ? { model: buildModel(checked.catalog) } : {}) };
}

/** Load and validate (the lints as errors with `strict`): the diagnostics, and the catalog when it has no errors. */
function checkCatalog(bytes: Uint8Array, file: string, strict = false) {
  const loaded = loadCatalog(bytes, file);
  const validation = validateCatalog(loaded);
  const diagnostics = strict ? strictly(validation.diagnostics) : validation.diagnostics;
  return { loaded, diagnostics, catalog: hasErrors(diagnostics) ? undefined : validation.catalog };
}

/**
 * Runs every emitter over the model; all output is in memory when this returns, in registry order. An
 * emitter that throws has a bug (its input problems are diagnostics): that is an EmitterError.
 */
export async function emitAll(model: CatalogModel, options: EmitOptions, emitters: readonly Emitter[] = defaultEmitters): Promise<{ files: GeneratedFile[]; diagnostics: Diagnostic[] }> {
  const run = async (emitter: Emitter) => {
    try {
      return await emitter.emit(model, options);
    } catch (error) {
      throw new EmitterError(`emitter '${emitter.name}' failed: ${(error as Error).message}`, { cause: error });
    }
  };
  // An emitter that works on another thread (it has `prepare`) is handed the model first, before this
  // thread runs the others (a stable sort); the results stay in registry order.
  const started = new Map([...emitters].sort((a, b) => Number(!a.prepare) - Number(!b.prepare)).map((e) => [e, run(e)] as const));
  const results = await Promise.all(emitters.map((e) => started.get(e)!));
  return { files: results.flatMap((r) => r.files), diagnostics: results.flatMap((r) => r.diagnostics) };
}

/** Where the old catalog of a `diff` comes from: a file, or the catalog file as it was at a git ref. */
export type OldCatalog = { readonly file: string } | { readonly ref: string };

export interface DiffRunResult extends PipelineResult {
  /** Present when both catalogs are valid. */
  readonly diff?: DiffResult;
}

/** `diff`: both catalogs loaded and validated, then every change between them classified (see diff.ts). */
export async function diff(old: OldCatalog, catalog: string): Promise<DiffRunResult> {
  const before = 'file' in old ? loadCatalog(await readInput(old.file), old.file) : loadCatalog(await gitShow(old.ref, catalog), `${old.ref}:${catalog}`);
  const after = loadCatalog(await readInput(catalog), catalog);
  const [a, b] = [validateCatalog(before), validateCatalog(after)];
  const found = { diagnostics: sortDiagnostics([...a.diagnostics, ...b.diagnostics]), sources: [before.source, after.source] };
  if (!a.catalog || !b.catalog) return found;
  return { ...found, diff: diffCatalogs({ model: buildModel(a.catalog), loaded: before }, { model: buildModel(b.catalog), loaded: after }) };
}

/** The bytes of `file` at git `ref` (`git show REF:./file`, run in the file's folder). */
async function gitShow(ref: string, file: string): Promise<Buffer> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', path.dirname(path.resolve(file)), 'show', `${ref}:./${path.basename(file)}`], { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const said = stderr.toString().trim().split('\n')[0] ?? '';
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the git command is not installed'
        : /not a git repository/.test(said)
          ? `'${path.dirname(path.resolve(file))}' is not in a git repository`
          : /invalid object name|unknown revision|bad revision/.test(said)
            ? `'${ref}' is not a known commit, branch or tag`
            : /does not exist in|exists on disk, but not in/.test(said)
              ? `'${file}' does not exist at '${ref}'`
              : said || (error as Error).message;
      reject(new InputError(`diff --base ${ref}: ${why}`));
    });
  });
}
