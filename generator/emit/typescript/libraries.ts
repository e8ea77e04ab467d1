/**
 * The TypeScript emitter's libraries, loaded with `require`. Both are CommonJS: imported from an ES
 * module, Node would first scan their sources for the names they export (its CommonJS lexer, about
 * 0.1 s for ts-morph's bundles), which `require` does not need. json-schema-to-typescript (~45 ms) is
 * loaded only when an extension member's type is not in the compile cache (members.ts).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const tsMorph = require('ts-morph') as typeof import('ts-morph');
export const jsonSchemaToTypescript = (): typeof import('json-schema-to-typescript') => require('json-schema-to-typescript') as typeof import('json-schema-to-typescript');
