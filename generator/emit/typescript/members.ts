/**
 * TypeScript types of extension members, from their JSON Schemas, by json-schema-to-typescript.
 *
 * Distinct schemas are compiled once, all together, as the properties of one object schema (one
 * compile instead of one per member: each call has a fixed cost of about a millisecond). The type of
 * each property is then read back from the result with the TypeScript parser and printed alone.
 *
 * Types already known are taken from `known`, and new ones given to it. The worker passes the compile
 * cache's (memberTypesCache: `member-types-<hash>.json`, named by the generator's fingerprint and the
 * installed json-schema-to-typescript and ts-morph), so that a run whose members' types are all known
 * neither loads json-schema-to-typescript nor compiles; the emitter itself touches no disk.
 */
import { jsonSchemaToTypescript, tsMorph } from './libraries.js';
import type { Json } from '../../catalog/model.js';
import { TextCache, installedVersion } from '../../cache-files.js';
import { compileCacheFolder } from '../../compile-cache.js';
import { generatorFingerprint } from '../../fingerprint.js';

type Schema = { readonly [keyword: string]: Json };

const { Project, ts } = tsMorph;

const NAMED_SUBSCHEMAS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/** Removes `title` at every level: json-schema-to-typescript would turn titled subschemas into named, clashing types. */
function untitled(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(untitled);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title') continue;
    // Under these keywords the keys are names, not keywords: keep them all.
    out[key] = NAMED_SUBSCHEMAS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, untitled(v)]))
      : untitled(value);
  }
  return out;
}

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });

/** Types known from earlier runs, by schema JSON (a TextCache, or anything that remembers texts). */
export interface KnownTypes {
  get(key: string): string | undefined;
  set(key: string, type: string): void;
}

/** The compile cache's member types (to save once the run is done); none without a cache folder. */
export const memberTypesCache = (folder = compileCacheFolder()): TextCache =>
  // At most 1,024 types unless a run needs more; 4 files (generator and library versions).
  new TextCache(folder, 'member-types', () => [generatorFingerprint(), ['json-schema-to-typescript', 'ts-morph'].map(installedVersion)], { entries: 1024, files: 4 });

/** Maps each distinct member schema (by its JSON) to the TypeScript type text of its values. */
export async function memberTypes(schemas: Iterable<Schema>, known?: KnownTypes): Promise<Map<string, string>> {
  const distinct = new Map<string, Schema>();
  for (const schema of schemas) distinct.set(JSON.stringify(schema), schema);
  const keys = [...distinct.keys()].sort();
  const cached = keys.map((key) => known?.get(key));
  if (cached.every((type) => type !== undefined)) return new Map(keys.map((key, i) => [key, cached[i]!]));
  const types = await compileTypes(keys.map((key) => distinct.get(key)!));
  keys.forEach((key, i) => known?.set(key, types[i]!));
  return new Map(keys.map((key, i) => [key, types[i]!]));
}

/** The type text of each schema, in order. */
async function compileTypes(schemas: readonly Schema[]): Promise<string[]> {
  const properties: { [name: string]: Json } = {};
  schemas.forEach((schema, i) => (properties[`m${i}`] = untitled(schema)));
  const batch = { type: 'object', additionalProperties: false, required: schemas.map((_, i) => `m${i}`), properties };
  const source = await jsonSchemaToTypescript().compile(batch as never, 'MemberTypes', {
    bannerComment: '',
    format: false,
    strictIndexSignatures: true,
    unknownAny: true,
    additionalProperties: true,
    declareExternallyReferenced: false,
  });

  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('members.ts', source);
  const declaration = file.getInterfaceOrThrow('MemberTypes');
  return schemas.map((_, i) => {
    const typeNode = declaration.getPropertyOrThrow(`m${i}`).getTypeNodeOrThrow();
    return printer.printNode(ts.EmitHint.Unspecified, typeNode.compilerNode, file.compilerNode);
  });
}
