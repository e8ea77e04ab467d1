/**
 * The shape a validating check verifies (ProblemShape in the generated problem.ts), derived from a
 * problem's JSON Schema: types, constants and enums, required members, properties, closed objects,
 * items, any-of branches, numeric, length and size bounds. Formats, patterns and the rest are left to
 * the JSON Schemas; a check never runs a regular expression, so it cannot be made to backtrack.
 */
import { defineOwn } from '../../catalog/model.js';
import type { Json, ProblemModel } from '../../catalog/model.js';

export type Shape = { [keyword: string]: Json };
type Schema = { readonly [keyword: string]: Json };

const isSchema = (v: Json | undefined): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/** The shape of a member's JSON Schema. */
export function shapeOf(schema: Schema): Shape {
  const shape: Shape = {};
  const type = schema['type'];
  if (typeof type === 'string') shape['types'] = [type];
  else if (Array.isArray(type)) shape['types'] = type;
  if (schema['const'] !== undefined) shape['const'] = schema['const'];
  if (Array.isArray(schema['enum'])) shape['enum'] = schema['enum'];
  for (const bound of BOUNDS) if (typeof schema[bound] === 'number') shape[bound] = schema[bound];
  if (Array.isArray(schema['required'])) shape['required'] = schema['required'];
  const properties = schema['properties'];
  if (isSchema(properties)) {
    const out: { [name: string]: Json } = {};
    for (const [name, sub] of Object.entries(properties)) if (isSchema(sub)) defineOwn(out, name, shapeOf(sub));
    shape['properties'] = out;
  }
  if (schema['additionalProperties'] === false && !isSchema(schema['patternProperties'])) shape['closed'] = true;
  if (isSchema(schema['items'])) shape['items'] = shapeOf(schema['items']);
  const branches = [schema['oneOf'], schema['anyOf']].filter(Array.isArray).flat().filter(isSchema);
  if (branches.length) shape['anyOf'] = branches.map(shapeOf);
  return shape;
}

/** The shape of a whole problem: its constant `type`, its statuses, a string title, the members the catalog requires. */
export function problemShape(problem: ProblemModel): Shape {
  const properties: { [name: string]: Json } = {
    type: { const: problem.type },
    status: problem.statuses.length > 1 ? { enum: [...problem.statuses] } : { const: problem.status },
    title: { types: ['string'] },
    detail: { types: ['string'] },
    instance: { types: ['string'] },
  };
  for (const member of problem.extensions) defineOwn(properties, member.name, shapeOf(member.schema));
  return { types: ['object'], required: ['type', 'status', 'title', ...problem.extensions.filter((m) => m.required).map((m) => m.name)], properties };
}
