/**
 * TypeScript types of extension members, from their JSON Schemas, by json-schema-to-typescript.
 *
 * Distinct schemas are compiled once, all together, as the properties of one object schema (one
 * compile instead of one per member: each call has a fixed cost of about a millisecond). The type of
 * each property is then read back from the result with the TypeScript parser and printed alone.
 */
import { jsonSchemaToTypescript, tsMorph } from './libraries.js';
import type { Json } from '../../catalog/model.js';

type Schema = { readonly [keyword: string]: Json };

const { compile } = jsonSchemaToTypescript;
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

/** Maps each distinct member schema (by its JSON) to the TypeScript type text of its values. */
export async function memberTypes(schemas: Iterable<Schema>): Promise<Map<string, string>> {
  const distinct = new Map<string, Schema>();
  for (const schema of schemas) distinct.set(JSON.stringify(schema), schema);
  const keys = [...distinct.keys()].sort();
  const types = new Map<string, string>();
  if (keys.length === 0) return types;

  const properties: { [name: string]: Json } = {};
  keys.forEach((key, i) => (properties[`m${i}`] = untitled(distinct.get(key)!)));
  const batch = { type: 'object', additionalProperties: false, required: keys.map((_, i) => `m${i}`), properties };
  const source = await compile(batch as never, 'MemberTypes', {
    bannerComment: '',
    format: false,
    strictIndexSignatures: true,
    unknownAny: true,
    additionalProperties: true,
    declareExternallyReferenced: false,
  });

  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('members.ts', source);
  const declaration = file.getInterfaceOrThrow('MemberTypes');
  keys.forEach((key, i) => {
    const typeNode = declaration.getPropertyOrThrow(`m${i}`).getTypeNodeOrThrow();
    const text = printer.printNode(ts.EmitHint.Unspecified, typeNode.compilerNode, file.compilerNode);
    types.set(key, text);
  });
  return types;
}
