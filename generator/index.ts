/**
 * The pipeline, in order: load → validate → model → emitters → write (or check).
 * Each stage lives in its own module; this file only calls them.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogFile } from './catalog/load.js';
import { validateCatalog } from './catalog/validate.js';
import { buildModel } from './catalog/model.js';
import type { CatalogModel } from './catalog/model.js';
import { emitters as defaultEmitters } from './emit/index.js';
import type { EmitOptions, Emitter, GeneratedFile } from './emit/index.js';
import { checkOutput, writeOutput } from './write.js';
import type { Drift, WriteReport, WriterIo } from './write.js';
import { SourceMap, hasErrors, sortDiagnostics } from './diagnostics.js';
import type { Diagnostic } from './diagnostics.js';
import { loadTemplates } from './templates.js';
import { EmitInputError } from './emit/types.js';
import { EmitWorker } from './emit/pool.js';

/** The templates shipped with the generator. */
export const defaultTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface PipelineOptions {
  /** Path of the catalog file. */
  readonly catalog: string;
  /** Output folder. */
  readonly out: string;
  /** Template folder (default: the generator's own `templates/`). */
  readonly templates?: string;
  /** Outputs to produce (default: every registered emitter). */
  readonly emitters?: readonly Emitter[];
  /** File-system calls of the writer (tests inject failures). */
  readonly io?: WriterIo;
  /**
   * Run heavy emitters on a worker thread started before the catalog is read (the CLI does). The
   * output is the same either way; only the time differs. `true` starts one for this run; a worker
   * already started (the CLI starts it before loading the rest of the generator) is used and closed.
   */
  readonly parallel?: boolean | EmitWorker;
}

/** Raised when an emitter fails: a bug of the generator, never of the catalog. */
export class EmitterError extends Error {
  override readonly name = 'EmitterError';
}

export interface ValidateResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The files the diagnostics point into (the catalog, templates), for code frames. */
  readonly sources: readonly SourceMap[];
  readonly model?: CatalogModel;
}

/** load → validate → model. The model is present only when the catalog has no errors. */
export async function loadModel(catalog: string): Promise<ValidateResult> {
  const loaded = await loadCatalogFile(catalog);
  const validation = validateCatalog(loaded);
  const model = validation.catalog ? buildModel(validation.catalog) : undefined;
  return { diagnostics: validation.diagnostics, sources: [loaded.source], ...(model ? { model } : {}) };
}

/**
 * Runs every emitter over the model; all output is in memory when this returns. With a worker, heavy
 * emitters run there while the others run here. Files come back in registry order either way.
 */
export async function emitAll(model: CatalogModel, options: EmitOptions, emitters: readonly Emitter[] = defaultEmitters, worker?: EmitWorker): Promise<GeneratedFile[]> {
  const wrap = (emitter: Emitter) => (error: unknown) => {
    if (error instanceof EmitInputError) throw error; // the user's input, not a bug
    throw new EmitterError(`emitter '${emitter.name}' failed: ${(error as Error).message}`, { cause: error });
  };
  const offloaded = emitters.map((e) => (worker && e.heavy ? worker.emit(e.name, model, options).catch(wrap(e)) : undefined));
  // Attach handlers now: a worker failure must not go unhandled while the main thread is busy.
  offloaded.forEach((p) => p?.catch(() => undefined));
  const results: (readonly GeneratedFile[])[] = [];
  for (const [i, emitter] of emitters.entries()) {
    if (offloaded[i]) continue;
    try {
      results[i] = await emitter.emit(model, options);
    } catch (error) {
      wrap(emitter)(error);
    }
  }
  for (const [i, pending] of offloaded.entries()) if (pending) results[i] = await pending;
  return results.flat();
}

/** validate, then read the templates, then emit everything in memory; undefined files when any input has errors. */
async function buildOutputs(options: PipelineOptions): Promise<ValidateResult & { files?: GeneratedFile[] }> {
  // Started first, so that it loads the heavy emitters while this thread reads the catalog.
  const worker = options.parallel instanceof EmitWorker ? options.parallel : options.parallel ? new EmitWorker() : undefined;
  try {
    return await buildOutputsWith(options, worker);
  } finally {
    await worker?.close();
  }
}

async function buildOutputsWith(options: PipelineOptions, worker: EmitWorker | undefined): Promise<ValidateResult & { files?: GeneratedFile[] }> {
  const result = await loadModel(options.catalog);
  if (!result.model || hasErrors(result.diagnostics)) return result;
  const templatesDir = options.templates ?? defaultTemplatesDir;
  const templates = await loadTemplates(templatesDir);
  const diagnostics = [...result.diagnostics, ...templates.diagnostics];
  const sources = [...result.sources, ...templates.sources];
  if (hasErrors(templates.diagnostics)) return { ...result, diagnostics: sortDiagnostics(diagnostics), sources };
  try {
    const files = await emitAll(result.model, { sourceName: path.basename(options.catalog), templates: templates.set }, options.emitters, worker);
    return { ...result, diagnostics, sources, files };
  } catch (error) {
    if (!(error instanceof EmitInputError)) throw error;
    const file = path.join(error.dir, error.file);
    const source = sources.find((s) => s.file === file) ?? new SourceMap(file, '');
    return { ...result, diagnostics: [...diagnostics, source.diagnosticAt(error.rule, error.line, error.column, error.message)], sources };
  }
}

export interface GenerateResult extends ValidateResult {
  /** Present when the inputs were valid and the output was written. */
  readonly report?: WriteReport;
}

/** `generate`: validate, emit everything in memory, then write only if all of it succeeded. */
export async function generate(options: PipelineOptions): Promise<GenerateResult> {
  const { files, ...result } = await buildOutputs(options);
  if (!files) return result;
  return { ...result, report: await writeOutput(options.out, files, options.io) };
}

export interface CheckResult extends ValidateResult {
  /** Present when the inputs were valid: how the output folder differs from what would be generated. */
  readonly drift?: Drift;
}

/** `check`: the same pipeline as generate, comparing instead of writing. */
export async function check(options: PipelineOptions): Promise<CheckResult> {
  const { files, ...result } = await buildOutputs(options);
  if (!files) return result;
  return { ...result, drift: await checkOutput(options.out, files) };
}
