/**
 * The TypeScript emitter (see emit.ts). Its libraries (ts-morph, which loads the TypeScript compiler, and
 * json-schema-to-typescript) take about half a second to load, so it runs on a worker thread that
 * `prepare` starts before the catalog is read: the libraries load on the second core meanwhile. The
 * output is the same on either thread; without a usable worker it runs here.
 */
import { filesOnly } from '../types.js';
import type { Emitter } from '../types.js';
import { EmitWorker } from './pool.js';

let worker: EmitWorker | undefined;

export const typescriptEmitter: Emitter = {
  name: 'typescript',
  prepare: () => {
    if (!worker?.usable) worker = new EmitWorker();
  },
  emit: async (model, options) => {
    const files = worker?.usable ? await worker.emit(model, options) : await (await import('./emit.js')).emitTypeScript(model, options);
    return filesOnly(files);
  },
};
