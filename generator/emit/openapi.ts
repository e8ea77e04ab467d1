/**
 * OpenAPI problem components, for API specs in other repos to `$ref`:
 *
 *   openapi/openapi.yaml       OpenAPI 3.1 (JSON Schema 2020-12 schemas as they are)
 *   openapi/openapi-3.0.yaml   OpenAPI 3.0.3 (schemas converted: `const` → one-value `enum`,
 *                              `examples` → `example`, type lists → `nullable`/`anyOf`, …)
 *
 * Components, named like the TypeScript types: schemas `ProblemBase` and `{Name}Problem`; responses
 * `{Name}Problem` and, per group and status, `{Group}Problem_{status}` (a `oneOf` of that status's
 * problems with a `discriminator` on `type`); examples `{Name}Problem`; the `Content-Language` header.
 * Media type `application/problem+json`.
 */
import { toYaml } from './yaml.js';
import type { CatalogModel, GroupModel, Json, ProblemModel } from '../catalog/model.js';
import { openApiNames } from '../naming.js';
import { banner } from './types.js';
import { commonMarkText, lineComment } from './escape.js';
import { filesOnly } from './types.js';
import type { EmitOptions, Emitter, GeneratedFile } from './types.js';
import { baseProblemSchema, problemSchema } from './problem-schema.js';
import type { JsonObject } from './problem-schema.js';

const MEDIA_TYPE = 'application/problem+json';
const schemaRef = (name: string) => `#/components/schemas/${name}`;
const headerRef = `#/components/headers/${openApiNames.contentLanguage}`;

function problemResponse(problem: ProblemModel, model: CatalogModel): JsonObject {
  const name = openApiNames.problem(problem.globalName);
  return {
    description: `${commonMarkText(problem.title[model.defaultLocale]!)} (\`${problem.group}/${problem.code}\`)`,
    headers: { [openApiNames.contentLanguage]: { $ref: headerRef } },
    content: {
      [MEDIA_TYPE]: {
        schema: { $ref: schemaRef(name) },
        ...(problem.example ? { examples: { [name]: { $ref: `#/components/examples/${name}` } } } : {}),
      },
    },
  };
}

/** One response per status of a group: any of the group's problems with that status. */
function statusResponses(group: GroupModel, model: CatalogModel): [string, JsonObject][] {
  const statuses = [...new Set(group.problems.flatMap((p) => p.statuses))].sort((a, b) => a - b);
  return statuses.map((status) => {
    // A problem returned with several statuses is in the response of each.
    const problems = group.problems.filter((p) => p.statuses.includes(status));
    const names = problems.map((p) => openApiNames.problem(p.globalName));
    const withExamples = problems.filter((p) => p.example);
    return [
      openApiNames.groupStatus(group.name, status),
      {
        description: `HTTP ${status}: ${problems.map((p) => `\`${p.code}\``).join(', ')} (${commonMarkText(group.title[model.defaultLocale]!)})`,
        headers: { [openApiNames.contentLanguage]: { $ref: headerRef } },
        content: {
          [MEDIA_TYPE]: {
            schema: {
              oneOf: names.map((n) => ({ $ref: schemaRef(n) })),
              discriminator: { propertyName: 'type', mapping: Object.fromEntries(problems.map((p, i) => [p.type, schemaRef(names[i]!)])) },
            },
            ...(withExamples.length
              ? { examples: Object.fromEntries(withExamples.map((p) => [openApiNames.problem(p.globalName), { $ref: `#/components/examples/${openApiNames.problem(p.globalName)}` }])) }
              : {}),
          },
        },
      },
    ];
  });
}

/**
 * A problem schema as OpenAPI tools read it: the base problem in an `allOf` rather than a `$ref` with
 * sibling keywords (valid JSON Schema 2020-12, but openapi-typescript and Redocly misread it).
 */
function withoutRefSiblings(schema: JsonObject): JsonObject {
  if (!('$ref' in schema) || Object.keys(schema).length === 1) return schema;
  const { $ref, ...rest } = schema;
  return { allOf: [{ $ref: $ref! }, rest] };
}

/** The two OpenAPI versions written, each to its own document. */
type Version = '3.1' | '3.0';

/**
 * What both documents hold, built once: each version's `schemas` section (each problem's schema, JSON
 * Schema 2020-12, written for 3.1 and converted for 3.0), and the text of the responses, examples and
 * headers, which are the same in 3.1 and 3.0 (indented under `components`). Each schema, response and
 * example is written as soon as it is built, so that its objects die young: kept for the second document,
 * the schemas of 10,000 problems were copied by every young-generation garbage collection meanwhile.
 */
function body(model: CatalogModel): { schemas: { readonly [version in Version]: string }; sharedText: string } {
  const schemas: { [version in Version]: string[] } = { '3.1': [], '3.0': [] };
  const addSchema = (name: string, schema: JsonObject) => {
    schemas['3.1'].push(component(name, withoutRefSiblings(schema)));
    schemas['3.0'].push(component(name, toOpenApi30(schema)));
  };
  addSchema(openApiNames.base, baseProblemSchema());
  const responses: string[] = [];
  const examples: string[] = [];
  for (const group of model.groups) {
    for (const problem of group.problems) {
      const name = openApiNames.problem(problem.globalName);
      const { examples: _examples, ...schema } = problemSchema(problem, model, schemaRef(openApiNames.base));
      // OpenAPI descriptions are CommonMark: a plain-text catalog's description is escaped to render as written.
      if (model.textFormat === 'plain' && typeof schema['description'] === 'string') schema['description'] = commonMarkText(schema['description']);
      addSchema(name, schema);
      responses.push(component(name, problemResponse(problem, model)));
      if (problem.example) examples.push(component(name, { summary: problem.title[model.defaultLocale]!, value: problem.example }));
    }
    for (const [name, response] of statusResponses(group, model)) responses.push(component(name, response));
  }
  const headers: JsonObject = {
    [openApiNames.contentLanguage]: {
      description: 'Language of the human-readable members (title, detail) of the problem.',
      schema: { type: 'string' },
      example: model.defaultLocale,
    },
  };
  return { schemas: { '3.1': section('schemas', schemas['3.1']), '3.0': section('schemas', schemas['3.0']) }, sharedText: section('responses', responses) + section('examples', examples) + toYaml({ headers }, '  ') };
}

/** One named component, as lines under a `components` section (names are unique: the identifier rule claims them). */
const component = (name: string, value: JsonObject): string => toYaml({ [name]: value }, '    ');

/** A `components` section from its components' lines, as the YAML writer writes a map (`{}` when empty). */
const section = (key: 'schemas' | 'responses' | 'examples', components: readonly string[]): string =>
  components.length ? `  ${key}:\n${components.join('')}` : `  ${key}: {}\n`;

/** One document's text. Its `components` come last: the schemas of this version, then the shared part. */
function documentText(model: CatalogModel, version: Version, sourceName: string, schemas: string, sharedText: string): string {
  const head = {
    openapi: version === '3.1' ? '3.1.0' : '3.0.3',
    info: {
      title: model.title[model.defaultLocale]!,
      version: model.catalogVersion,
      description: `Problem types of ${model.name}, as reusable components (RFC 9457). ${commonMarkText(banner(sourceName))}`,
    },
    paths: {},
  };
  return `${toYaml(head)}components:\n${schemas}${sharedText}`;
}

/** Keywords an OpenAPI 3.0 Schema Object accepts as they are. */
const OPENAPI_30_KEYWORDS = new Set([
  'title', 'multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems',
  'maxProperties', 'minProperties', 'required', 'enum', 'description', 'format', 'default', 'deprecated', 'readOnly', 'writeOnly', '$ref',
]);
const SUBSCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf']);

/**
 * A JSON Schema 2020-12 object as an OpenAPI 3.0 Schema Object. What 3.0 cannot say is kept as an
 * `x-json-schema-{keyword}` extension (documentation only) rather than silently dropped.
 */
export function toOpenApi30(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  const sub = (s: Json): Json => (s !== null && typeof s === 'object' && !Array.isArray(s) ? toOpenApi30(s as JsonObject) : s);
  // A `$ref` with siblings is ignored by 3.0 tools: move the siblings into an allOf.
  if ('$ref' in schema && Object.keys(schema).length > 1) {
    const { $ref, ...rest } = schema;
    return { allOf: [{ $ref: $ref! }, toOpenApi30(rest)] };
  }
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_30_KEYWORDS.has(key)) out[key] = value;
    else if (key === 'const') out['enum'] = [value];
    else if (key === 'examples' && Array.isArray(value)) {
      if (value.length) out['example'] = value[0]!;
    } else if (key === 'type') {
      const types = Array.isArray(value) ? (value as string[]) : [value as string];
      const nonNull = types.filter((t) => t !== 'null');
      if (types.includes('null')) out['nullable'] = true;
      if (nonNull.length === 1) out['type'] = nonNull[0]!;
      else if (nonNull.length > 1) out['anyOf'] = nonNull.map((t) => ({ type: t }));
    } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
      out[key] = true;
    } else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]));
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = sub(value);
    } else if (key === 'additionalProperties') {
      out[key] = value;
    } else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(sub);
    } else if (key === 'discriminator') {
      out[key] = value;
    } else if (!key.startsWith('$')) {
      out[`x-json-schema-${key}`] = value;
    }
  }
  return out;
}


function emitOpenApi(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>): GeneratedFile[] {
  const header = `# ${lineComment(banner(options.sourceName))}\n`;
  const { schemas, sharedText } = body(model);
  return [
    { path: 'openapi/openapi.yaml', contents: header + documentText(model, '3.1', options.sourceName, schemas['3.1'], sharedText) },
    { path: 'openapi/openapi-3.0.yaml', contents: header + documentText(model, '3.0', options.sourceName, schemas['3.0'], sharedText) },
  ];
}

export const openApiEmitter: Emitter = { name: 'openapi', emit: (model, options) => filesOnly(emitOpenApi(model, options)) };
