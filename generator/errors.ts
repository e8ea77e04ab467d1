/** The pipeline's own failures, apart from the catalog's diagnostics (light: the CLI imports it first). */

/** Raised when an input cannot be read at all (a missing catalog file or template folder): a usage error. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Raised when an emitter throws: a bug of the generator, never a problem of the catalog. */
export class EmitterError extends Error {
  override readonly name = 'EmitterError';
}
