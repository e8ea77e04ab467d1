/**
 * The main thread's side of the TypeScript emitter's worker (worker.ts): sends it a model, gets files back.
 * One worker serves every run of the process (it holds no state between runs); it keeps the process alive
 * only while a request is pending, so an idle worker never delays exit.
 */
import { Worker } from 'node:worker_threads';
import type { CatalogModel } from '../../catalog/model.js';
import type { EmitOptions, GeneratedFile } from '../types.js';
import { unpack } from './packed.js';
import type { PackedFiles } from './packed.js';

export class EmitWorker {
  private readonly worker = new Worker(new URL('./worker.js', import.meta.url));
  private readonly pending = new Map<number, { resolve: (files: GeneratedFile[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failed: Error | undefined;

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
      else request.resolve(unpack(message.packed!));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the TypeScript emitter's worker stopped (exit code ${code})`)));
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

  /** Runs the TypeScript emitter on the worker. */
  emit(model: CatalogModel, options: EmitOptions): Promise<GeneratedFile[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, model, options });
    });
  }
}
