/**
 * The TypeScript emitter (see emit.ts). Its module graph (ts-morph, json-schema-to-typescript) takes
 * about half a second to load, so it is imported on first use, and the emitter is marked `heavy`: the
 * CLI runs it on a worker thread that loads it while the main thread reads and validates the catalog.
 */
import type { Emitter } from '../types.js';

export const typescriptEmitter: Emitter = {
  name: 'typescript',
  heavy: true,
  warmUp: () => import('./emit.js'),
  emit: async (model, options) => (await import('./emit.js')).emitTypeScript(model, options),
};
