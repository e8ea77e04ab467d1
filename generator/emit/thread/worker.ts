/**
 * The second thread (see pool.ts): it runs the TypeScript emitter and the JSON Schemas emitter, started in
 * the order asked, while the main thread runs the others. It loads the TypeScript emitter, and with it ts-morph
 * and json-schema-to-typescript, as soon as it starts: in parallel with the main thread reading the catalog.
 *
 * The compile cache of its libraries is this thread's business, saved once the TypeScript is made.
 *
 * Messages in: { id, name, options, model? } (no model: the one of the last message that had one).
 * Out: { id, packed } (the files' UTF-8 bytes in transferred buffers, see packed.ts) or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../../catalog/model.js';
import type { GeneratedFile } from '../types.js';
import { enableCompileCache } from '../../compile-cache.js';
import { Packed } from './packed.js';
import type { SecondThreadEmitter, ThreadOptions } from './pool.js';

const compileCache = await enableCompileCache('typescript-emitter');
const libraries = import('../typescript/emit.js'); // loading now, while the main thread reads the catalog

type Runner = (model: CatalogModel, options: ThreadOptions, take: (file: GeneratedFile) => void) => Promise<void>;

const runners: Record<SecondThreadEmitter, Runner> = {
  typescript: async (model, options, take) => {
    await libraries;
    const { emitTypeScriptCached } = await import('../typescript/index.js');
    await emitTypeScriptCached(model, options, take); // each file handed over as soon as it is printed
    compileCache.save();
  },
  'json-schema': async (model, options, take) => {
    const { emitJsonSchemas } = await import('../json-schema.js');
    emitJsonSchemas(model, options).forEach(take);
  },
};

let model: CatalogModel | undefined;

parentPort!.on('message', async (message: { id: number; name: SecondThreadEmitter; options: ThreadOptions; model?: CatalogModel }) => {
  if (message.model) model = message.model;
  try {
    const packed = new Packed();
    await runners[message.name](model!, message.options, (file) => packed.add(file.path, file.contents));
    parentPort!.postMessage({ id: message.id, packed: packed.message() }, packed.chunks);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: { message: (error as Error).message, stack: (error as Error).stack } });
  }
});
