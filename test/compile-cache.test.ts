/**
 * The compile cache (generator/compile-cache.ts), each case in a new Node process (it hooks the thread's
 * CommonJS loader): libraries load the same with it as without, their code comes from the cache the
 * second time, and a changed library, a library calling import(), an ES module and a damaged cache all
 * load right.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { root, tempDir } from './helpers.js';

const cacheModule = pathToFileURL(path.join(root, '.build', 'generator', 'compile-cache.js')).href;

/** A node_modules folder with one package of each kind the loader meets. */
function libraries(): string {
  const folder = path.join(tempDir(), 'node_modules');
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  };
  write('plain/package.json', '{ "name": "plain", "main": "index.js" }');
  write('plain/index.js', "'use strict';\nconst helper = require('./helper');\nexports.answer = () => helper.twice(21) + ':' + __filename.endsWith('index.js') + ':' + (module.exports === exports) + ':' + typeof require.resolve('./helper');\n");
  write('plain/helper.js', '\uFEFF#!/usr/bin/env node\nexports.twice = (n) => n * 2;\n');
  write('dynamic/package.json', '{ "name": "dynamic", "main": "index.cjs", "type": "module" }');
  write('dynamic/index.cjs', "const loaded = import('./esm.js');\nexports.answer = async () => (await loaded).value + ' (the word import( in a string)';\n");
  write('dynamic/esm.js', "export const value = 'from an ES module';\n");
  // Outside the cached folder: Node's own loader, untouched.
  fs.writeFileSync(path.join(path.dirname(folder), 'outside.js'), "module.exports = 'outside';\n");
  write('strings/package.json', '{ "name": "strings" }');
  write('strings/index.js', "exports.answer = () => \"import('x') in a string, and import (in) a comment: // import(\";\n");
  return folder;
}

/** Loads the three libraries with the cache on, prints what they answer and where their code came from. */
function load(folder: string, extra = false): { answers: string[]; counts: { cached: number; compiled: number; plain: number; lexer: boolean } } {
  const script = `
    import { createRequire } from 'node:module';
    const { enableCompileCache } = await import(${JSON.stringify(cacheModule)});
    const cache = await enableCompileCache('test', ${JSON.stringify(folder)});
    const require = createRequire(${JSON.stringify(path.join(folder, 'x.js'))});
    const answers = [require('plain').answer(), await require('dynamic').answer(), require('strings').answer(), require('../outside.js'), ...(${extra} ? [require('later').answer()] : [])];
    cache.save();
    console.log(JSON.stringify({ answers, counts: cache.counts() }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.is(run.stderr, '', 'nothing on stderr (no warning either)');
  assert.is(run.status, 0);
  return JSON.parse(run.stdout) as ReturnType<typeof load>;
}

const ANSWERS = ['42:true:true:string', 'from an ES module (the word import( in a string)', "import('x') in a string, and import (in) a comment: // import(", 'outside'];

test('libraries load the same from the cache as compiled; a library calling import() is left to Node, each time', () => {
  const folder = libraries();
  const first = load(folder);
  assert.equal(first.answers, ANSWERS);
  assert.equal(first.counts, { cached: 0, compiled: 3, plain: 1, lexer: true });
  const cacheFiles = fs.readdirSync(path.join(folder, '.cache', 'error-catalog'));
  assert.is(cacheFiles.length, 1, cacheFiles.join(', '));
  const second = load(folder);
  assert.equal(second.answers, ANSWERS);
  assert.equal(second.counts, { cached: 3, compiled: 0, plain: 1, lexer: false }, 'every library known and unchanged: no lexer');
  assert.equal(fs.readdirSync(path.join(folder, '.cache', 'error-catalog')), cacheFiles, 'nothing left behind');
});

test('a library changed since it was cached (same size and modification time) is compiled again, never served stale', () => {
  const folder = libraries();
  load(folder);
  const file = path.join(folder, 'plain', 'helper.js');
  const { atime, mtime } = fs.statSync(file);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('n * 2', 'n + n')); // same length
  fs.utimesSync(file, atime, mtime);
  const after = load(folder);
  assert.equal(after.answers, ANSWERS);
  assert.equal(after.counts, { cached: 2, compiled: 1, plain: 1, lexer: true });
  fs.writeFileSync(file, 'exports.twice = (n) => n * 3;\n');
  assert.is(load(folder).answers[0], '63:true:true:string');
});

test('a library the cache has not seen, met while every other is known: left to Node, then decided by the next run', () => {
  const folder = libraries();
  load(folder);
  assert.equal(load(folder).counts, { cached: 3, compiled: 0, plain: 1, lexer: false });
  fs.mkdirSync(path.join(folder, 'later'));
  fs.writeFileSync(path.join(folder, 'later', 'package.json'), '{ "name": "later" }');
  fs.writeFileSync(path.join(folder, 'later', 'index.js'), "exports.answer = () => 'later';\n");
  const met = load(folder, true);
  assert.equal(met.answers, [...ANSWERS, 'later']);
  assert.equal(met.counts, { cached: 3, compiled: 0, plain: 2, lexer: false }, 'loaded by Node, noted as undecided');
  const decided = load(folder, true);
  assert.equal(decided.answers, [...ANSWERS, 'later']);
  assert.equal(decided.counts, { cached: 3, compiled: 1, plain: 1, lexer: true }, 'the lexer loaded to decide it; compiled and kept');
  assert.equal(load(folder, true).counts, { cached: 4, compiled: 0, plain: 1, lexer: false });
});

test('a damaged or truncated cache is no cache', () => {
  const folder = libraries();
  load(folder);
  const dir = path.join(folder, '.cache', 'error-catalog');
  const [name] = fs.readdirSync(dir);
  const file = path.join(dir, name!);
  const bytes = fs.readFileSync(file);
  for (const damaged of [bytes.subarray(0, bytes.length - 100), Buffer.concat([bytes.subarray(0, 4), Buffer.from('not json'), bytes.subarray(12)]), Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.alloc(0)]) {
    fs.writeFileSync(file, damaged);
    assert.equal(load(folder).answers, ANSWERS);
  }
  // Code bytes garbled in place: V8 rejects them and the file compiles anew.
  const garbled = Buffer.from(bytes);
  for (let i = bytes.length - 64; i < bytes.length; i++) garbled[i] = 0x5a;
  fs.writeFileSync(file, garbled);
  assert.equal(load(folder).answers, ANSWERS);
});

test('ERROR_CATALOG_COMPILE_CACHE=0 turns the cache off', () => {
  const folder = libraries();
  const script = `const { enableCompileCache } = await import(${JSON.stringify(cacheModule)}); const c = await enableCompileCache('test', ${JSON.stringify(folder)}); console.log(JSON.stringify(c.counts()));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ERROR_CATALOG_COMPILE_CACHE: '0' } });
  assert.is(run.status, 0, run.stderr);
  assert.not.ok(fs.existsSync(path.join(folder, '.cache')));
});

test.run();
