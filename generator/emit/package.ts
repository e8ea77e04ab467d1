/**
 * The output folder as a package of its own, for other repos to install with zero dependencies:
 *
 *   package.json    name and version from the catalog (`package.name`, `catalogVersion`), `exports` for the
 *                   TypeScript (`.js` + `.d.ts`), the JSON Schemas, the OpenAPI documents, the pages, the site and
 *                   catalog.json; no dependencies, no scripts
 *   schemas.json    the index of the JSON Schema files: each file's path and `$id`, to load them all
 *                   without listing a folder
 */
import type { CatalogModel } from '../catalog/model.js';
import { schemaNames } from '../naming.js';
import { banner } from './types.js';
import { filesOnly } from './types.js';
import type { EmitOptions, Emitter, GeneratedFile } from './types.js';
import { stableJson } from './json.js';

const typescript = { types: './typescript/index.d.ts', default: './typescript/index.js' };

function emitPackage(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>): GeneratedFile[] {
  const base = model.schemaBase;
  const schemas = [
    { path: 'schemas/problem.json', $id: schemaNames.base(base) },
    ...model.groups.map((g) => ({ path: schemaNames.groupPath(g.id), $id: schemaNames.group(base, g.id) })),
    { path: 'schemas/catalog.json', $id: schemaNames.catalog(base) },
  ];
  const manifest = {
    name: model.packageName,
    version: model.catalogVersion,
    description: `Problem types of ${model.name} (RFC 9457): TypeScript types and helpers, JSON Schemas, OpenAPI components, reference pages. ${banner(options.sourceName)}`,
    type: 'module',
    sideEffects: false,
    exports: {
      '.': typescript,
      './typescript': typescript,
      './catalog.json': './catalog.json',
      './schemas.json': './schemas.json',
      './schemas/*': './schemas/*',
      './openapi/*': './openapi/*',
      './docs/*': './docs/*',
      './site/*': './site/*',
      './package.json': './package.json',
    },
    files: ['typescript/**/*.js', 'typescript/**/*.d.ts', 'typescript/package.json', 'typescript/src/', 'schemas/', 'schemas.json', 'openapi/', 'docs/', 'site/', 'catalog.json'],
  };
  return [
    { path: 'package.json', contents: stableJson(manifest) },
    { path: 'schemas.json', contents: stableJson({ $comment: banner(options.sourceName), schemas }) },
  ];
}

export const packageEmitter: Emitter = { name: 'package', emit: (model, options) => filesOnly(emitPackage(model, options)) };
