/**
 * The main thread's side of the second thread (worker.ts): sends it a model and the name of an emitter
 * that runs there, gets that emitter's files back; or sends it files to write (batch.ts). One worker
 * serves every run of the process; it keeps the process alive only while a request is pending, so an
 * idle worker never delays exit.
 *
 * The model is sent once for all the requests about it: a request about the model sent last carries none
 * (copying the model costs this thread 60–80 ms at 10,000 errors).
 */
import { Worker } from 'node:worker_threads';
import type { CatalogModel } from '../catalog/model.js';
import type { EmitOptions, GeneratedFile } from '../emit/types.js';
import { unpack } from './packed.js';
import type { PackedFiles } from './packed.js';

/** The emitters the second thread can run (worker.ts has one runner for each). */
export const SECOND_THREAD = ['typescript', 'json-schema'] as const;
export type SecondThreadEmitter = (typeof SECOND_THREAD)[number];

/** What a request carries besides the model: all these emitters read. */
export type ThreadOptions = Pick<EmitOptions, 'sourceName'>;

/** The buffers of files the worker made (they can go back to it whole, to be written there). */
export const madeThere = new WeakSet<ArrayBuffer>();

export class EmitWorker {
  private readonly worker = new Worker(new URL('./worker.js', import.meta.url));
  private readonly pending = new Map<number, { resolve: (files: GeneratedFile[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failed: Error | undefined;
  /** The model the worker holds: the last one sent. */
  private sent: WeakRef<CatalogModel> | undefined;

  constructor() {
    this.worker.unref();
    // An unref() before the thread is online does not always hold: say it again once it is.
    this.worker.on('online', () => {
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('message', (message: { id: number; packed?: PackedFiles; error?: { message: string; stack?: string } }) => {
      const request = this.pending.get(message.id);
      if (!request) return;
      this.settle(message.id);
      if (message.error) request.reject(Object.assign(new Error(message.error.message), { stack: message.error.stack }));
      else if (message.packed) {
        for (const chunk of message.packed.chunks) madeThere.add(chunk);
        request.resolve(unpack(message.packed));
      } else request.resolve([]);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the emitters' worker thread stopped (exit code ${code})`)));
  }

  /** Whether it can still take requests (a worker that crashed cannot). */
  get usable(): boolean {
    return this.failed === undefined;
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private failAll(error: Error): void {
    this.failed ??= error;
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }

  /**
   * Writes files on the worker (see write-files.ts), the chunks transferred, not copied. `session`: one
   * output folder's writing (the worker judges the disk's speed anew for each).
   */
  write(files: PackedFiles, session: number): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: () => resolve(), reject });
      this.worker.ref();
      this.worker.postMessage({ id, write: files, session }, [...files.chunks]);
    });
  }

  /** Runs the emitter `name` on the worker. Requests start in the order they are made. */
  emit(name: SecondThreadEmitter, model: CatalogModel, options: EmitOptions): Promise<GeneratedFile[]> {
    const id = this.nextId++;
    const known = this.sent?.deref() === model;
    this.sent = new WeakRef(model);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      const sent: ThreadOptions = { sourceName: options.sourceName };
      this.worker.postMessage(known ? { id, name, options: sent } : { id, name, options: sent, model });
    });
  }
}
