import type { CatalogModel } from '../catalog/model.js';
import type { TemplateSet } from '../templates.js';
import type { Diagnostic } from '../diagnostics.js';
import type { GeneratedFile } from '../files.js';

export type { GeneratedFile };

/** What an emitter returns: its files, and the problems it found in the user's input (a template, say). */
export interface EmitResult {
  readonly files: readonly GeneratedFile[];
  /** Positioned problems in the user's input; an error means nothing is written. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What every emitter may read besides the model. */
export interface EmitOptions {
  /** File name of the catalog, for the "generated from … — do not edit" banners. */
  readonly sourceName: string;
  /** The handlebars templates, partials and page strings (already read from their folder). */
  readonly templates: TemplateSet;
}

/**
 * An output: a pure function of the model. Emitters never touch the disk or the process, never import one
 * another, and report problems in the user's input as diagnostics rather than throwing; the writer decides
 * what reaches the disk. Throwing is for the generator's own bugs.
 */
export interface Emitter {
  /** Short name, used in timings and error messages. */
  readonly name: string;
  /**
   * Starts loading what `emit` needs, in the background; the pipeline calls it before reading the catalog,
   * so that slow libraries load while the catalog is read. Optional, and never required for correctness.
   */
  readonly prepare?: () => void;
  readonly emit: (model: CatalogModel, options: EmitOptions) => EmitResult | Promise<EmitResult>;
}

/** An emitter whose output is only files: it has nothing in the user's input to report. */
export const filesOnly = (files: readonly GeneratedFile[]): EmitResult => ({ files, diagnostics: [] });

/** The banner text every generated file carries (no timestamp, no version: output is byte-stable). */
export const banner = (sourceName: string): string => `Generated from ${sourceName} by error-catalog. Do not edit: change ${sourceName} and run the generator.`;
