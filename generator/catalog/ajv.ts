import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under NodeNext its namespace holds `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** A fresh Ajv for JSON Schema 2020-12 in strict mode, with the standard formats. */
export function createAjv(
  options: { allErrors?: boolean; verbose?: boolean; validateSchema?: boolean; code?: { source?: boolean; regExp?: ((pattern: string, flags: string) => { test: (s: string) => boolean }) & { code: string } } } = {},
): Ajv2020 {
  const ajv = new Ajv2020({
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
