/**
 * The TypeScript emitter's libraries, loaded with `require`. Both are CommonJS: imported from an ES
 * module, Node would first scan their sources for the names they export (its CommonJS lexer, about
 * 0.1 s for ts-morph's bundles), which `require` does not need.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const tsMorph = require('ts-morph') as typeof import('ts-morph');
export const jsonSchemaToTypescript = require('json-schema-to-typescript') as typeof import('json-schema-to-typescript');
