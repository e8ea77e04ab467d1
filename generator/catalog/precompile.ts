/**
 * Build step (`npm run build`, run by `npm ci`): compiles the catalog schema and the JSON Schema 2020-12
 * meta-schema into standalone validator modules, so that `validate` does not spend ~0.2 s compiling
 * them on every run. Each module records the hash of the schema it was built from; validate.ts uses it
 * only while the schema is unchanged, and compiles at run time otherwise.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv } from './ajv.js';
import { META_SCHEMA_ID, catalogSchemaUrl, precompiledDir, schemaHash } from './schema-files.js';

const standalone = standaloneCode as unknown as typeof standaloneCode.default;

mkdirSync(precompiledDir, { recursive: true });

const schemaText = readFileSync(catalogSchemaUrl, 'utf8');
const catalogAjv = createAjv({ allErrors: true, verbose: true, code: { source: true } });
const catalogCode = standalone(catalogAjv, catalogAjv.compile(JSON.parse(schemaText) as object));
writeFileSync(new URL('catalog.cjs', precompiledDir), `${catalogCode}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(schemaText))};\n`);

const metaAjv = createAjv({ allErrors: true, code: { source: true } });
const meta = metaAjv.getSchema(META_SCHEMA_ID)!;
writeFileSync(new URL('meta-2020.cjs', precompiledDir), standalone(metaAjv, meta));

