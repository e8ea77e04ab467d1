/**
 * Ajv, loaded on first use (~40 ms): most runs find their validators precompiled (precompile.ts) or in
 * the compile cache (member-validators.ts), and need no Ajv at all.
 */
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnyValidateFunction } from 'ajv/dist/core.js';

const require = createRequire(import.meta.url);

export type { Ajv2020 };

/** A fresh Ajv for JSON Schema 2020-12 in strict mode, with the standard formats. */
export function createAjv(
  options: { allErrors?: boolean; verbose?: boolean; validateSchema?: boolean; code?: { source?: boolean; regExp?: ((pattern: string, flags: string) => { test: (s: string) => boolean }) & { code: string } } } = {},
): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // ajv-formats is CommonJS with a default export.
  const addFormats = (require('ajv-formats') as { default: (ajv: Ajv2020) => Ajv2020 }).default;
  const ajv = new Ajv({
    strict: true,
    allowUnionTypes: true,
    allErrors: options.allErrors ?? false,
    verbose: options.verbose ?? false,
    validateSchema: options.validateSchema ?? true,
    ...(options.code ? { code: options.code } : {}),
  });
  addFormats(ajv);
  return ajv;
}

/** A compiled validator as a CommonJS module's source (Ajv's standalone code); `ajv` must have had `code.source`. */
export function standaloneCode(ajv: Ajv2020, validate: AnyValidateFunction): string {
  const standalone = (require('ajv/dist/standalone/index.js') as { default: (ajv: Ajv2020, validate: AnyValidateFunction) => string }).default;
  return standalone(ajv, validate);
}
