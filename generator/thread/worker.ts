/**
 * The second thread (see pool.ts): it runs the TypeScript emitter and the JSON Schemas emitter, started in
 * the order asked, while the main thread runs the others. It loads the TypeScript emitter, and with it ts-morph
 * and json-schema-to-typescript, as soon as it starts: in parallel with the main thread reading the catalog.
 *
 * The compile cache of its libraries is this thread's business, saved once the TypeScript is made.
 *
 * Once the emitters are done, it writes files for the main thread's writer (write-files.ts): a new
 * output folder's files, handed over in batches while the main thread encodes and hashes the next ones.
 *
 * Messages in: { id, name, options, model? } (no model: the one of the last message that had one), or
 * { id, write } (files to write, packed as the emitters' are). Out: { id, packed } (the files' UTF-8 bytes
 * in transferred buffers, see packed.ts), { id } (written) or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../catalog/model.js';
import type { GeneratedFile } from '../emit/types.js';
import { enableCompileCache } from '../compile-cache.js';
import { Packed, unpack } from './packed.js';
import type { PackedFiles } from './packed.js';
import { FileWriter } from './write-files.js';
import type { SecondThreadEmitter, ThreadOptions } from './pool.js';

const compileCache = await enableCompileCache('typescript-emitter');
const libraries = import('../emit/typescript/emit.js'); // loading now, while the main thread reads the catalog

type Runner = (model: CatalogModel, options: ThreadOptions, take: (file: GeneratedFile) => void) => Promise<void>;

const runners: Record<SecondThreadEmitter, Runner> = {
  typescript: async (model, options, take) => {
    await libraries;
    const { emitTypeScriptCached } = await import('../emit/typescript/index.js');
    await emitTypeScriptCached(model, options, take); // each file handed over as soon as it is printed
    compileCache.save();
  },
  'json-schema': async (model, options, take) => {
    const { emitJsonSchemas } = await import('../emit/json-schema.js');
    emitJsonSchemas(model, options).forEach(take);
  },
};

let model: CatalogModel | undefined;
/** The writer of the output folder being written, by its session. */
let writing: { session: number; writer: FileWriter } | undefined;

/** A request: run an emitter (on the model sent last, when it carries none), or write files (see write-files.ts). */
type Request = { id: number; name: SecondThreadEmitter; options: ThreadOptions; model?: CatalogModel } | { id: number; write: PackedFiles; session: number };

parentPort!.on('message', async (message: Request) => {
  try {
    if ('write' in message) {
      if (writing?.session !== message.session) writing = { session: message.session, writer: new FileWriter() };
      await writing.writer.write(unpack(message.write).map((file) => [file.path, file.contents as Uint8Array] as const));
      parentPort!.postMessage({ id: message.id });
      return;
    }
    if (message.model) model = message.model;
    const packed = new Packed();
    await runners[message.name](model!, message.options, (file) => packed.add(file.path, file.contents));
    parentPort!.postMessage({ id: message.id, packed: packed.message() }, packed.chunks);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: { message: (error as Error).message, stack: (error as Error).stack } });
  }
});
