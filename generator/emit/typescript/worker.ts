/**
 * The TypeScript emitter's worker thread (see pool.ts). It loads the emitter, and with it ts-morph and
 * json-schema-to-typescript, as soon as it starts: in parallel with the main thread reading the catalog.
 *
 * Messages in: { id, model, options }. Out: { id, paths, ends, bytes } (the files' UTF-8 bytes, one after
 * the other in one transferred buffer) or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../../catalog/model.js';
import type { EmitOptions } from '../types.js';
import { enableCompileCache } from '../../compile-cache.js';

const compileCache = await enableCompileCache('typescript-emitter');
const loaded = import('./emit.js');

parentPort!.on('message', async (message: { id: number; model: CatalogModel; options: EmitOptions }) => {
  try {
    const { emitTypeScript } = await loaded;
    const files = await emitTypeScript(message.model, message.options);
    compileCache.save();
    // The texts go as their UTF-8 bytes, in one buffer handed over whole (not copied), each file's end
    // after the other's: the main thread neither copies nor decodes them, and writes the bytes as they are.
    const ends: number[] = [];
    let length = 0;
    for (const file of files) ends.push((length += Buffer.byteLength(file.contents)));
    const bytes = Buffer.from(new ArrayBuffer(length));
    files.forEach((file, i) => bytes.write(file.contents as string, i === 0 ? 0 : ends[i - 1]!, 'utf8'));
    parentPort!.postMessage({ id: message.id, paths: files.map((f) => f.path), ends, bytes: bytes.buffer }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: { message: (error as Error).message, stack: (error as Error).stack } });
  }
});
