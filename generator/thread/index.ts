/**
 * The second thread, behind registry entries: `onSecondThread(emitter)` is the same emitter, run on a
 * worker thread when one can be started (see pool.ts and worker.ts), and on this thread otherwise. The
 * output is the same on either thread. The pipeline knows only `prepare`, which starts the worker before
 * the catalog is read, and that an emitter with `prepare` is handed the model first.
 *
 * Two run there: the TypeScript emitter, whose libraries take about half a second to load (they load on
 * the second core while this one reads the catalog), and the JSON Schemas, which balance the two threads.
 * Then, idle, it writes the files of a new output folder for the writer (`secondThreadBatch`).
 */
import { filesOnly } from '../emit/types.js';
import type { Emitter } from '../emit/types.js';
import { EmitWorker, SECOND_THREAD } from './pool.js';
import { ThreadBatch } from './batch.js';
import type { BatchWriter } from '../write.js';

let worker: EmitWorker | undefined;

export function onSecondThread(emitter: Emitter): Emitter {
  const name = SECOND_THREAD.find((n) => n === emitter.name);
  if (!name) throw new Error(`the second thread cannot run the emitter '${emitter.name}': it runs ${SECOND_THREAD.join(', ')}`);
  return {
    name,
    prepare: () => {
      if (!worker?.usable) worker = new EmitWorker();
    },
    emit: async (model, options) => (worker?.usable ? filesOnly(await worker.emit(name, model, options)) : emitter.emit(model, options)),
  };
}

/**
 * Where the writer can write a new output folder's files: on the second thread, once this run's emitters
 * are done there (see batch.ts). Undefined when no emitter started it, or it cannot take requests.
 */
export const secondThreadBatch = (): BatchWriter | undefined => (worker?.usable ? new ThreadBatch(worker) : undefined);
