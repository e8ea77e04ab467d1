/**
 * The TypeScript emitter (see emit.ts). Its libraries (ts-morph, which loads the TypeScript compiler, and
 * json-schema-to-typescript) take about half a second to load, so it runs on a worker thread that
 * `prepare` starts before the catalog is read: the libraries load on the second core meanwhile. The
 * output is the same on either thread; without a usable worker it runs here.
 */
import { filesOnly } from '../types.js';
import type { EmitOptions, Emitter, GeneratedFile } from '../types.js';
import type { CatalogModel } from '../../catalog/model.js';
import { EmitWorker } from './pool.js';

let worker: EmitWorker | undefined;

export const typescriptEmitter: Emitter = {
  name: 'typescript',
  prepare: () => {
    if (!worker?.usable) worker = new EmitWorker();
  },
  emit: async (model, options) => filesOnly(worker?.usable ? await worker.emit(model, options) : await here(model, options)),
};

/** The emitter on this thread, with the member types of the compile cache, as the worker runs it. */
async function here(model: CatalogModel, options: EmitOptions): Promise<GeneratedFile[]> {
  const { emitTypeScript, memberTypesCache } = await import('./emit.js');
  const known = memberTypesCache();
  const files = await emitTypeScript(model, options, undefined, known);
  known.save();
  return files;
}
