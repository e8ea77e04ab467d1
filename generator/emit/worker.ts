/**
 * A worker thread that runs heavy emitters (see Emitter.heavy). Started before the catalog is read, it
 * loads the emitter registry (and with it their libraries) in parallel with the main thread's work.
 *
 * Messages in: { id, emitter, model, options }. Out: { id, files } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../catalog/model.js';
import type { EmitOptions } from './types.js';

const registry = import('./index.js');
// Load the heavy emitters' own modules now, before any request arrives.
const ready = registry.then(async ({ emitters }) => {
  for (const e of emitters) if (e.heavy && e.warmUp) await e.warmUp();
  return emitters;
});

parentPort!.on('message', async (message: { id: number; emitter: string; model: CatalogModel; options: EmitOptions }) => {
  try {
    const emitter = (await ready).find((e) => e.name === message.emitter);
    if (!emitter) throw new Error(`no emitter named '${message.emitter}'`);
    parentPort!.postMessage({ id: message.id, files: await emitter.emit(message.model, message.options) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: { message: (error as Error).message, stack: (error as Error).stack } });
  }
});
