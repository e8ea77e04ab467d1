/**
 * The TypeScript emitter's worker thread (see pool.ts). It loads the emitter, and with it ts-morph and
 * json-schema-to-typescript, as soon as it starts: in parallel with the main thread reading the catalog.
 *
 * The caches are this thread's business, not the emitter's: the compile cache of its libraries, and the
 * member types the emitter was given and found (members.ts), saved once the files are made.
 *
 * Messages in: { id, model, options }. Out: { id, packed } (the files' UTF-8 bytes in transferred
 * buffers, see packed.ts) or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../../catalog/model.js';
import type { EmitOptions } from '../types.js';
import { enableCompileCache } from '../../compile-cache.js';
import { Packed } from './packed.js';

const compileCache = await enableCompileCache('typescript-emitter');
const loaded = import('./emit.js');

parentPort!.on('message', async (message: { id: number; model: CatalogModel; options: EmitOptions }) => {
  try {
    const { emitTypeScript, memberTypesCache } = await loaded;
    const packed = new Packed();
    const known = memberTypesCache();
    await emitTypeScript(message.model, message.options, (file) => packed.add(file.path, file.contents), known);
    known.save();
    compileCache.save();
    parentPort!.postMessage({ id: message.id, packed: packed.message() }, packed.chunks);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: { message: (error as Error).message, stack: (error as Error).stack } });
  }
});
