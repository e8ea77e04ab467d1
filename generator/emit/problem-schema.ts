/**
 * The JSON Schema (2020-12) of problems, as plain objects: shared by the JSON Schema and the OpenAPI
 * emitters, which only differ in where they put these objects and how they refer to one another.
 */
import { defineOwn } from '../catalog/model.js';
import type { CatalogModel, Json, ProblemModel } from '../catalog/model.js';

export type JsonObject = { [key: string]: Json };

/** The RFC 9457 members, as the base schema every problem refers to. Extension members are allowed. */
export function baseProblemSchema(): JsonObject {
  return {
    title: 'Problem Details',
    description: 'A problem details object (RFC 9457). Extension members are allowed.',
    type: 'object',
    properties: {
      type: {
        type: 'string',
        format: 'uri-reference',
        default: 'about:blank',
        description: 'A URI reference that identifies the problem type.',
      },
      title: { type: 'string', description: 'A short, human-readable summary of the problem type.' },
      status: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status code of this occurrence.' },
      detail: { type: 'string', description: 'A human-readable explanation specific to this occurrence.' },
      instance: { type: 'string', format: 'uri-reference', description: 'A URI reference that identifies this occurrence.' },
    },
  };
}

/**
 * The schema of one problem type: the base by `$ref`, `type` and `status` as constants, its
 * extension members (required as the catalog declares) and its example.
 */
export function problemSchema(problem: ProblemModel, model: CatalogModel, baseRef: string): JsonObject {
  const locale = model.defaultLocale;
  const properties: JsonObject = {
    type: { const: problem.type },
    status: problem.statuses.length > 1 ? { enum: [...problem.statuses] } : { const: problem.status },
    title: { type: 'string' },
  };
  // Member names may be anything, `__proto__` included: defined, never assigned.
  for (const member of problem.extensions) defineOwn(properties, member.name, member.schema as JsonObject);
  const schema: JsonObject = {
    $ref: baseRef,
    title: problem.title[locale]!,
    ...(problem.description ? { description: problem.description[locale]! } : {}),
    type: 'object',
    properties,
    required: ['type', 'status', 'title', ...problem.extensions.filter((m) => m.required).map((m) => m.name)],
    ...(problem.deprecated ? { deprecated: true } : {}),
    ...(problem.example ? { examples: [problem.example] } : {}),
  };
  return schema;
}

/**
 * A union discriminated on `type`: an unknown type fails the `enum`, and a known type is judged only by
 * its own branch (one `if`/`then` per branch, so the errors name the right problem).
 */
export function discriminatedUnion(branches: readonly { types: readonly string[]; ref: string }[], extra: JsonObject = {}): JsonObject {
  return {
    ...extra,
    type: 'object',
    required: ['type'],
    properties: { type: { enum: branches.flatMap((b) => b.types) } },
    allOf: branches.map((b) => ({
      if: { properties: { type: b.types.length === 1 ? { const: b.types[0]! } : { enum: [...b.types] } } },
      then: { $ref: b.ref },
    })),
  };
}
