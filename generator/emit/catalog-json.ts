/**
 * catalog.json: the resolved catalog (type URIs, identifiers, texts in every locale, parsed details,
 * examples) for tools that would rather not parse YAML or re-derive anything.
 */
import type { CatalogModel } from '../catalog/model.js';
import { banner } from './types.js';
import { filesOnly } from './types.js';
import type { EmitOptions, Emitter, GeneratedFile } from './types.js';
import { stableJson } from './json.js';

function emitCatalogJson(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>): GeneratedFile[] {
  // `problems` repeats the groups' problems; the file lists them once, under their groups. A problem's
  // `status` is as the catalog wrote it: a number, or the list when there are several (no `statuses`).
  const { example, groups, problems: _problems, removed: _removed, textFormat, catalogVersion, packageName, ...rest } = model;
  const document = {
    $comment: banner(options.sourceName),
    ...rest,
    catalogVersion,
    ...(packageName !== model.name ? { packageName } : {}),
    ...(textFormat !== 'plain' ? { textFormat } : {}),
    example: example ? { group: example.group, code: example.code } : undefined,
    // Every entry, tombstones included (they carry `removed`); positions are the generator's bookkeeping.
    groups: groups.map(({ entries, ...group }) => ({
      ...group,
      problems: entries.map(({ statuses, position: _position, ...problem }) => ({ ...problem, status: statuses.length > 1 ? statuses : problem.status })),
    })),
  };
  return [{ path: 'catalog.json', contents: stableJson(document) }];
}

export const catalogJsonEmitter: Emitter = { name: 'catalog-json', emit: (model, options) => filesOnly(emitCatalogJson(model, options)) };
