/**
 * JSON Schemas (draft 2020-12), one file per group so that large catalogs stay at a few hundred files:
 *
 *   schemas/problem.json          the RFC 9457 base problem
 *   schemas/groups/{group}.json   the group's union, discriminated on `type`; each problem's own schema
 *                                 is embedded under `$defs/{code}` with its own `$id`
 *                                 ({schemaBase}/groups/{group}/{code}.json)
 *   schemas/catalog.json          the union of every problem of the catalog
 *
 * Every `$ref` is an absolute `$id`, so the files can be loaded into any validator in any order.
 */
import type { CatalogModel } from '../catalog/model.js';
import { banner } from './types.js';
import { filesOnly } from './types.js';
import type { EmitOptions, Emitter, GeneratedFile } from './types.js';
import { stableJson } from './json.js';
import { schemaNames } from '../naming.js';
import { baseProblemSchema, discriminatedUnion, problemSchema } from './problem-schema.js';

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export function emitJsonSchemas(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>): GeneratedFile[] {
  const base = model.schemaBase;
  const baseId = schemaNames.base(base);
  const groupId = (group: string) => schemaNames.group(base, group);
  const problemId = (group: string, code: string) => schemaNames.problem(base, group, code);
  const comment = banner(options.sourceName);
  const locale = model.defaultLocale;

  const files: GeneratedFile[] = [
    { path: 'schemas/problem.json', contents: stableJson({ $schema: DIALECT, $id: baseId, $comment: comment, ...baseProblemSchema() }) },
  ];
  for (const group of model.groups) {
    const defs: Record<string, object> = {};
    for (const p of group.problems) defs[p.code] = { $id: problemId(group.id, p.code), ...problemSchema(p, model, baseId) };
    const union = discriminatedUnion(
      group.problems.map((p) => ({ types: [p.type], ref: problemId(group.id, p.code) })),
      { $schema: DIALECT, $id: groupId(group.id), $comment: comment, title: group.title[locale]!, ...(group.description ? { description: group.description[locale]! } : {}) },
    );
    files.push({ path: schemaNames.groupPath(group.id), contents: stableJson({ ...union, $defs: defs }) });
  }
  const catalog = discriminatedUnion(
    model.groups.map((g) => ({ types: g.problems.map((p) => p.type), ref: groupId(g.id) })),
    { $schema: DIALECT, $id: schemaNames.catalog(base), $comment: comment, title: model.title[locale]! },
  );
  files.push({ path: 'schemas/catalog.json', contents: stableJson(catalog) });
  return files;
}

export const jsonSchemaEmitter: Emitter = { name: 'json-schema', emit: (model, options) => filesOnly(emitJsonSchemas(model, options)) };
