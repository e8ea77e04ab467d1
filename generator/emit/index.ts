/**
 * The emitter registry: every output the generator produces. Adding an output means writing one
 * emitter and listing it here; nothing else changes. Two run on a second thread (see thread/).
 */
import { catalogJsonEmitter } from './catalog-json.js';
import { typescriptEmitter } from './typescript/index.js';
import { jsonSchemaEmitter } from './json-schema.js';
import { openApiEmitter } from './openapi.js';
import { pagesEmitter } from './markdown.js';
import { packageEmitter } from './package.js';
import { onSecondThread } from '../thread/index.js';
import type { Emitter } from './types.js';

export const emitters: readonly Emitter[] = [catalogJsonEmitter, onSecondThread(typescriptEmitter), onSecondThread(jsonSchemaEmitter), openApiEmitter, pagesEmitter, packageEmitter];

export type { Emitter, EmitOptions, GeneratedFile } from './types.js';
