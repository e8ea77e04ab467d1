/**
 * The main thread's side of the emit worker (worker.ts): sends it a model, gets files back.
 */
import { Worker } from 'node:worker_threads';
import type { CatalogModel } from '../catalog/model.js';
import type { EmitOptions, GeneratedFile } from './types.js';

export class EmitWorker {
  private readonly worker = new Worker(new URL('./worker.js', import.meta.url));
  private readonly pending = new Map<number, { resolve: (files: GeneratedFile[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker.on('message', (message: { id: number; files?: GeneratedFile[]; error?: { message: string; stack?: string } }) => {
      const request = this.pending.get(message.id);
      if (!request) return;
      this.pending.delete(message.id);
      if (message.error) request.reject(Object.assign(new Error(message.error.message), { stack: message.error.stack }));
      else request.resolve(message.files!);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the emit worker stopped (exit code ${code})`)));
  }

  private failAll(error: Error): void {
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }

  /** Runs the registered emitter `name` on the worker. */
  emit(name: string, model: CatalogModel, options: EmitOptions): Promise<GeneratedFile[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, emitter: name, model, options });
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
