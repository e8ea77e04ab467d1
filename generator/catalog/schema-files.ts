/** Where the catalog schema and the precompiled validators live, and how their freshness is checked. */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The catalog schema shipped with the generator (the same file editors use for completion). */
export const catalogSchemaUrl = new URL('../../../catalog.schema.json', import.meta.url);

/** Folder of the standalone validators written at build time (precompile.ts). */
export const precompiledDir = new URL('../../validators/', import.meta.url);

export const META_SCHEMA_ID = 'https://json-schema.org/draft/2020-12/schema';

export const schemaHash = (text: string): string => createHash('sha256').update(text).digest('hex');

type StandaloneValidator = ((data: unknown) => boolean) & { errors?: import('ajv').ErrorObject[] | null };

/** A precompiled validator module, or undefined when it is missing or was built from another schema. */
export function loadPrecompiled(name: string, expectedHash?: string): StandaloneValidator | undefined {
  try {
    const mod = require(fileURLToPath(new URL(name, precompiledDir))) as StandaloneValidator & { default?: StandaloneValidator; schemaHash?: string };
    if (expectedHash !== undefined && mod.schemaHash !== expectedHash) return undefined;
    return mod.default ?? mod;
  } catch {
    return undefined;
  }
}
