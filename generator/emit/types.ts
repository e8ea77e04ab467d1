import type { CatalogModel } from '../catalog/model.js';
import type { TemplateSet } from '../templates.js';
import type { RuleId } from '../diagnostics.js';

/** One output file, as an emitter produces it: a path relative to the output folder and its final bytes. */
export interface GeneratedFile {
  /** Relative, `/`-separated, normalized path inside the output folder (no `..`, no leading `/`). */
  readonly path: string;
  /** The complete contents, already formatted: `check` compares these bytes with the disk. */
  readonly contents: string;
}

/** What every emitter may read besides the model. */
export interface EmitOptions {
  /** File name of the catalog, for the "generated from … — do not edit" banners. */
  readonly sourceName: string;
  /** The handlebars templates, partials and page strings (already read from their folder). */
  readonly templates: TemplateSet;
}

/**
 * An output: a pure function of the model. Emitters never touch the disk or the process and never
 * import one another; the writer decides what reaches the disk.
 */
export interface Emitter {
  /** Short name, used in timings and error messages. */
  readonly name: string;
  /**
   * Slow to load or to run: the pipeline may run it on a worker thread, started before the catalog is
   * read, in parallel with the other emitters. Its `emit` must then depend only on its arguments.
   */
  readonly heavy?: boolean;
  /** Loads what `emit` needs, so that a worker can do it ahead of the first call. */
  readonly warmUp?: () => Promise<unknown>;
  readonly emit: (model: CatalogModel, options: EmitOptions) => readonly GeneratedFile[] | Promise<readonly GeneratedFile[]>;
}

/** The banner text every generated file carries (no timestamp, no version: output is byte-stable). */
export const banner = (sourceName: string): string => `Generated from ${sourceName} by error-catalog. Do not edit: change ${sourceName} and run the generator.`;

/**
 * Thrown by an emitter when the user's input (a template, say) fails while emitting: the pipeline turns
 * it into a positioned diagnostic (exit 1, nothing written) instead of an internal error.
 */
export class EmitInputError extends Error {
  override readonly name = 'EmitInputError';
  constructor(
    readonly rule: RuleId,
    /** The input file, relative to `dir`. */
    readonly file: string,
    /** The folder of the input (e.g. the template folder). */
    readonly dir: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}
