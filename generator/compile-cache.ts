/**
 * A V8 code cache for the CommonJS libraries a thread loads: what Node 22 does with
 * `module.enableCompileCache()`, for Node 20, which has no such thing. Compiling ts-morph's bundles (the
 * TypeScript compiler, 12 MB of JavaScript) and the functions they run took the worker about 0.25 s of
 * every run; taking the code V8 produced last time takes about 0.1 s.
 *
 * - One cache file per thread name and V8 version, in `.cache/error-catalog/` of the `node_modules`
 *   folder that holds the libraries (beside the code it caches; no folder is made anywhere else).
 * - Only files under that `node_modules` are cached. An entry is used only while its file has the same
 *   size, modification and change times and inode as when it was cached (as the stat cache does); V8
 *   itself rejects code made by another version or with other flags. Anything else compiles as usual.
 * - The file is written whole to a temporary name and renamed, only when something was compiled anew.
 * - A file whose code may call `import()` is compiled as usual: V8 drops how a script's `import()`
 *   resolves when it reuses cached code. es-module-lexer finds those calls (in code, not in strings or
 *   comments), once per file: the verdict is kept in the cache with the file's key. The lexer is loaded
 *   only when the cache may meet a file it does not know (see enableCompileCache).
 * - A cache is never needed: any failure to read or write it is the same as having none.
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { Module, createRequire } from 'node:module';
import { statKey, writeCacheFile } from './cache-files.js';

interface Entry {
  readonly file: string;
  readonly key: string;
  /** Empty for a file that calls `import()`: it is compiled as usual. */
  readonly code: Uint8Array;
}

interface Loaded {
  readonly file: string;
  readonly key: string;
  /** Absent for a file compiled as usual (it calls `import()`). */
  readonly script: vm.Script | undefined;
  /** The code from the cache, when V8 took it. */
  readonly cached: Uint8Array | undefined;
}

/** Whether a CommonJS source may call `import()` (if the lexer cannot read it, it may). */
function callsImport(lexer: typeof import('es-module-lexer'), source: string): boolean {
  try {
    return lexer.parse(source)[0].some((i) => i.type === 'dynamic');
  } catch {
    return true;
  }
}

type Extension = (module: Module, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Extension> })._extensions;

/**
 * Where the generator keeps what it compiled (libraries' code here, templates in templates.ts):
 * `.cache/error-catalog/` of the `node_modules` folder that holds its libraries; none when there is no
 * such folder or when ERROR_CATALOG_COMPILE_CACHE=0.
 */
export const compileCacheFolder = (): string | undefined => cacheFolderIn(librariesFolder());

const cacheFolderIn = (libraries: string | undefined): string | undefined =>
  libraries && process.env['ERROR_CATALOG_COMPILE_CACHE'] !== '0' ? path.join(libraries, '.cache', 'error-catalog') : undefined;

/**
 * The `node_modules` folder that holds the generator's libraries, if there is one: the outermost, which
 * also holds those installed nested or in a store (pnpm's `node_modules/.pnpm`).
 */
function librariesFolder(): string | undefined {
  const resolved = createRequire(import.meta.url).resolve('yaml');
  const at = resolved.indexOf(`${path.sep}node_modules${path.sep}`);
  return at < 0 ? undefined : resolved.slice(0, at + '/node_modules'.length);
}

/**
 * Cache file layout: 4 bytes of index length (UTF-8 JSON: [file, key, length, crc32][]), the index, then
 * each entry's code. V8 checks that code was made by its version with its flags, but not that its bytes
 * are intact (damaged code can crash the process): the CRC-32 of each entry's code does.
 */
function readCache(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  try {
    const data = fs.readFileSync(file);
    const indexLength = data.readUInt32LE(0);
    let offset = 4 + indexLength;
    for (const [name, key, length, crc] of JSON.parse(data.subarray(4, offset).toString('utf8')) as [string, string, number, number][]) {
      const code = data.subarray(offset, offset + length);
      if (code.length !== length || crc32(code) !== crc) return new Map(); // truncated or damaged: no cache
      entries.set(name, { file: name, key, code });
      offset += length;
    }
  } catch {
    return new Map(); // none yet, or unreadable: compile as usual
  }
  return entries;
}

function writeCache(file: string, entries: readonly Entry[]): void {
  const index = Buffer.from(JSON.stringify(entries.map((e) => [e.file, e.key, e.code.length, crc32(e.code)])), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(index.length, 0);
  writeCacheFile(file, Buffer.concat([head, index, ...entries.map((e) => e.code)]));
}

/**
 * A library's source text. Most are ASCII, which decodes as Latin-1 without a UTF-8 pass: Node 20's
 * `readFileSync(file, 'utf8')` takes ~20 ms for TypeScript's 9 MB bundle, this ~3 ms (the worker waits for it).
 */
function readSource(filename: string): string {
  const bytes = fs.readFileSync(filename);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** The key of a library loaded without the lexer: it matches no file, so the next run decides it. */
const UNDECIDED = '';

export interface CompileCache {
  /** Writes the cache if a library was compiled anew; call it once the thread has done its work (the code V8 keeps then includes the functions that ran). */
  save(): void;
  /** The files loaded so far: with code from the cache, compiled here, or left to Node's loader (they call `import()`, or were not decided); whether the lexer was loaded. */
  counts(): { cached: number; compiled: number; plain: number; lexer: boolean };
}

/**
 * Starts caching the compiled code of the CommonJS libraries this thread loads from now on, from
 * `folder` (default: the `node_modules` folder holding the generator's libraries).
 */
export async function enableCompileCache(name: string, folder = librariesFolder()): Promise<CompileCache> {
  const cacheFolder = cacheFolderIn(folder);
  if (!folder || !cacheFolder) return { save: () => {}, counts: () => ({ cached: 0, compiled: 0, plain: 0, lexer: false }) };
  const file = path.join(cacheFolder, `compile-${name}-v8-${process.versions.v8}.bin`);
  const previous = readCache(file);
  // Each file's key, taken once (the check below and the loader both want it).
  const keys = new Map<string, string>();
  const keyOf = (filename: string): string => {
    let key = keys.get(filename);
    if (key === undefined) keys.set(filename, (key = statKey(fs.statSync(filename))));
    return key;
  };
  const unchanged = (filename: string, key: string): boolean => {
    try {
      return keyOf(filename) === key;
    } catch {
      return false; // gone
    }
  };
  // The lexer (~10 ms) tells whether a library met for the first time calls import(). A cache whose every
  // library is unchanged will most likely be asked for those alone: then it is not loaded, and a library
  // met anyway is left to Node and noted as undecided, so that the next run loads the lexer and decides.
  let lexer: typeof import('es-module-lexer') | undefined;
  if (previous.size === 0 || ![...previous].every(([filename, entry]) => unchanged(filename, entry.key))) {
    lexer = await import('es-module-lexer'); // its WebAssembly is compiled here, on the thread that caches
    await lexer.init();
  }
  const loaded: Loaded[] = [];
  const plain = extensions['.js']!;
  // A `.cjs` file is CommonJS; a `.js` one unless the nearest package.json says "type": "module". Node's own loader takes the others.
  const types = new Map<string, boolean>();
  const isCommonJs = (dir: string): boolean => {
    if (!dir.startsWith(folder + path.sep)) return true; // no package.json on the way: CommonJS, Node's default
    let known = types.get(dir);
    if (known === undefined) {
      let type: unknown;
      try {
        type = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: unknown }).type;
      } catch {
        type = undefined; // no package.json here (or not one to read): the parent folder's decides
      }
      known = type === undefined ? isCommonJs(path.dirname(dir)) : type !== 'module';
      types.set(dir, known);
    }
    return known;
  };
  extensions['.js'] = (module, filename) => {
    if (!filename.startsWith(folder + path.sep)) return plain(module, filename);
    const commonJs = filename.endsWith('.cjs') || (filename.endsWith('.js') && isCommonJs(path.dirname(filename)));
    if (!commonJs) return plain(module, filename);
    const key = keyOf(filename);
    const entry = previous.get(filename);
    const known = entry?.key === key ? entry : undefined;
    if (known && known.code.length === 0) {
      loaded.push({ file: filename, key, script: undefined, cached: known.code });
      return plain(module, filename);
    }
    let source = readSource(filename);
    if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    if (!known && (!lexer || callsImport(lexer, source))) {
      loaded.push({ file: filename, key: lexer ? key : UNDECIDED, script: undefined, cached: undefined });
      return plain(module, filename);
    }
    if (source.startsWith('#!')) source = `//${source.slice(2)}`; // a hashbang is a comment to Node's own loader too
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
      filename,
      ...(known ? { cachedData: known.code } : {}),
    });
    loaded.push({ file: filename, key, script, cached: known && !script.cachedDataRejected ? known.code : undefined });
    const base = createRequire(filename);
    const require = Object.assign((id: string) => module.require(id), { resolve: base.resolve, cache: base.cache, main: base.main, extensions: base.extensions });
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  };
  let saved = false;
  return {
    counts: () => ({
      cached: loaded.filter((l) => l.script && l.cached).length,
      compiled: loaded.filter((l) => l.script && !l.cached).length,
      plain: loaded.filter((l) => !l.script).length,
      lexer: lexer !== undefined,
    }),
    save() {
      if (saved || loaded.every((l) => l.cached)) return;
      saved = true;
      writeCache(file, loaded.map((l) => ({ file: l.file, key: l.key, code: l.cached ?? l.script?.createCachedData() ?? new Uint8Array() })));
    },
  };
}
