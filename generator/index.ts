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
import { hasErrors } from './diagnostics.js';
import type { Diagnostic, SourceMap } from './diagnostics.js';

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
}

/** Raised when an emitter fails: a bug of the generator, never of the catalog. */
export class EmitterError extends Error {
  override readonly name = 'EmitterError';
}

export interface ValidateResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly source: SourceMap;
  readonly model?: CatalogModel;
}

/** load → validate → model. The model is present only when the catalog has no errors. */
export async function loadModel(catalog: string): Promise<ValidateResult> {
  const loaded = await loadCatalogFile(catalog);
  const validation = validateCatalog(loaded);
  const model = validation.catalog ? buildModel(validation.catalog) : undefined;
  return { diagnostics: validation.diagnostics, source: loaded.source, ...(model ? { model } : {}) };
}

/** Runs every emitter over the model; all output is in memory when this returns. */
export async function emitAll(model: CatalogModel, options: EmitOptions, emitters: readonly Emitter[] = defaultEmitters): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const emitter of emitters) {
    try {
      files.push(...(await emitter.emit(model, options)));
    } catch (error) {
      throw new EmitterError(`emitter '${emitter.name}' failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return files;
}

function emitOptions(options: PipelineOptions): EmitOptions {
  return { sourceName: path.basename(options.catalog), templatesDir: options.templates ?? defaultTemplatesDir };
}

export interface GenerateResult extends ValidateResult {
  /** Present when the catalog was valid and the output was written. */
  readonly report?: WriteReport;
}

/** `generate`: validate, emit everything in memory, then write only if all of it succeeded. */
export async function generate(options: PipelineOptions): Promise<GenerateResult> {
  const result = await loadModel(options.catalog);
  if (!result.model || hasErrors(result.diagnostics)) return result;
  const files = await emitAll(result.model, emitOptions(options), options.emitters);
  return { ...result, report: await writeOutput(options.out, files, options.io) };
}

export interface CheckResult extends ValidateResult {
  /** Present when the catalog was valid: how the output folder differs from what would be generated. */
  readonly drift?: Drift;
}

/** `check`: the same pipeline as generate, comparing instead of writing. */
export async function check(options: PipelineOptions): Promise<CheckResult> {
  const result = await loadModel(options.catalog);
  if (!result.model || hasErrors(result.diagnostics)) return result;
  const files = await emitAll(result.model, emitOptions(options), options.emitters);
  return { ...result, drift: await checkOutput(options.out, files) };
}
