/**
 * catalog.json: the resolved catalog (type URIs, identifiers, texts in every locale, parsed details,
 * examples) for tools that would rather not parse YAML or re-derive anything.
 */
import type { CatalogModel } from '../catalog/model.js';
import { banner } from './types.js';
import type { EmitOptions, Emitter, GeneratedFile } from './types.js';
import { stableJson } from './json.js';

function emitCatalogJson(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>): GeneratedFile[] {
  // `problems` repeats the groups' problems; the file lists them once, under their groups.
  const { example, groups, problems: _problems, ...rest } = model;
  const document = {
    $comment: banner(options.sourceName),
    ...rest,
    example: example ? { group: example.group, code: example.code } : undefined,
    groups,
  };
  return [{ path: 'catalog.json', contents: stableJson(document) }];
}

export const catalogJsonEmitter: Emitter = { name: 'catalog-json', emit: emitCatalogJson };
