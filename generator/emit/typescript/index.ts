/**
 * The TypeScript emitter (see emit.ts), with the member types of the compile cache. The registry runs it
 * on the second thread (see ../thread/), which calls `emitTypeScriptCached` itself to hand each file over
 * as soon as it is printed.
 */
import { filesOnly } from '../types.js';
import type { EmitOptions, Emitter, GeneratedFile } from '../types.js';
import type { CatalogModel } from '../../catalog/model.js';

/** The TypeScript files, with the compile cache's member types, saved once the files are made. `take`: see emitTypeScript. */
export async function emitTypeScriptCached(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>, take?: (file: GeneratedFile) => void): Promise<GeneratedFile[]> {
  const { emitTypeScript, memberTypesCache } = await import('./emit.js');
  const known = memberTypesCache();
  const files = await emitTypeScript(model, options, take, known);
  known.save();
  return files;
}

export const typescriptEmitter: Emitter = { name: 'typescript', emit: async (model, options) => filesOnly(await emitTypeScriptCached(model, options)) };
