/**
 * Build step (`npm run build`, run by `npm ci`): compiles the catalog schema and the JSON Schema 2020-12
 * meta-schema into standalone validator modules, so that `validate` does not spend ~0.2 s compiling
 * them on every run. Each module records the hash of the schema it was built from; validate.ts uses it
 * only while the schema is unchanged, and compiles at run time otherwise.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createAjv, standaloneCode } from './ajv.js';
import { META_SCHEMA_ID, catalogSchemaUrl, precompiledDir, schemaHash } from './schema-files.js';

mkdirSync(precompiledDir, { recursive: true });

const schemaText = readFileSync(catalogSchemaUrl, 'utf8');
const catalogAjv = createAjv({ allErrors: true, verbose: true, code: { source: true } });
const catalogCode = standaloneCode(catalogAjv, catalogAjv.compile(JSON.parse(schemaText) as object));
writeFileSync(new URL('catalog.cjs', precompiledDir), `${catalogCode}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(schemaText))};\n`);

// The generator's fingerprint (see fingerprint.ts): its version and its TypeScript sources, hashed once
// here, so that what an old build left in .build/ never changes it.
const repo = new URL('../../../', import.meta.url);
const sources = readdirSync(new URL('generator/', repo), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
const fingerprint = createHash('sha256').update(readFileSync(new URL('package.json', repo)));
for (const file of sources) fingerprint.update(`\0${file}\0`).update(readFileSync(new URL(`generator/${file}`, repo)));
writeFileSync(new URL('generator-fingerprint.txt', precompiledDir), fingerprint.digest('base64url') + '\n');

const metaAjv = createAjv({ allErrors: true, code: { source: true } });
const meta = metaAjv.getSchema(META_SCHEMA_ID)!;
writeFileSync(new URL('meta-2020.cjs', precompiledDir), standaloneCode(metaAjv, meta));

