/**
 * The TypeScript emitter (see emit.ts), on this thread, with the member types of the compile cache. The
 * registry runs it on the second thread (see ../thread/), which does the same with its own caches.
 */
import { filesOnly } from '../types.js';
import type { Emitter } from '../types.js';

export const typescriptEmitter: Emitter = {
  name: 'typescript',
  emit: async (model, options) => {
    const { emitTypeScript, memberTypesCache } = await import('./emit.js');
    const known = memberTypesCache();
    const files = await emitTypeScript(model, options, undefined, known);
    known.save();
    return filesOnly(files);
  },
};
