/**
 * A run's first step: read its inputs, once, and stop there when nothing changed. On its own, and light,
 * so that the CLI can answer an unchanged `generate` or `check` before it loads the pipeline (YAML,
 * Handlebars, TypeScript): it needs only the file system and a hash.
 *
 * The inputs are the catalog's bytes, its file name, the template folder's files, the options that change
 * the output, and the generator itself (see fingerprint.ts); the real run goes on with what was read here.
 * When the output folder's manifest records that very fingerprint and every file it lists is on disk with
 * the bytes it was written with, the folder is what a run would produce.
 */
import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCatalog } from './catalog/decode.js';
import { SourceMap } from './diagnostics.js';
import { InputError } from './errors.js';
import type { Diagnostic } from './diagnostics.js';
import { contentHash, hashOpenFile, inputsFingerprint } from './fingerprint.js';
import { pruneCacheFiles, statKey, writeCacheFile } from './cache-files.js';
import { MANIFEST, absent, inside, isSafe, readManifest } from './write.js';
import type { Manifest } from './write.js';
import { readTemplateFiles } from './template-files.js';
import type { TemplateFile } from './template-files.js';
import type { PipelineOptions, PipelineResult } from './index.js';

export const defaultTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The catalog's bytes; a missing or unreadable file is an InputError. */
export async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new InputError(e.code === 'ENOENT' ? `cannot read '${file}': no such file` : `cannot read '${file}': ${e.message}`, { cause: error });
  }
}

/** An unreadable template folder as an InputError; anything else as it is. */
function templatesError(dir: string, error: unknown): unknown {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR' || e.code === 'EACCES') {
    return new InputError(`cannot read the templates folder '${dir}': ${e.code === 'ENOENT' ? 'no such folder' : e.message}`, { cause: error });
  }
  return error;
}

/** What a run reads before anything else, once: the catalog's bytes, the template files, their fingerprint. */
export interface RunInputs {
  readonly bytes: Buffer;
  readonly templates: readonly TemplateFile[];
  /** Everything the output depends on; absent with a chosen set of emitters (no shortcut then). */
  readonly fingerprint?: string;
}

/** Reads a run's inputs. A missing catalog or template folder is an InputError. */
export async function readInputs(options: PipelineOptions): Promise<RunInputs> {
  const dir = options.templates ?? defaultTemplatesDir;
  const [bytes, templates] = await Promise.all([readInput(options.catalog), readTemplateFiles(dir).catch((error: unknown) => Promise.reject(templatesError(dir, error)))]);
  if (options.emitters) return { bytes, templates };
  const fingerprint = inputsFingerprint([
    ['catalog', bytes],
    ['source name', path.basename(options.catalog)],
    ...templates.map((t) => ['template ' + t.path, t.bytes] as const),
    ['strict', String(options.strict === true)],
  ]);
  return { bytes, templates, fingerprint };
}

/**
 * Whether the shortcut may answer at all, known without reading anything: not with `--force`, and not for
 * an output folder without the writer's manifest (a first run, a new folder).
 */
export const mayAnswer = (options: Pick<PipelineOptions, 'out' | 'force'>): boolean => !options.force && fs.existsSync(path.join(options.out, MANIFEST));

/**
 * The answer of an unchanged run, or undefined when the real run must decide: with `--force`, with a
 * chosen set of emitters, when an input changed, or when an output file was edited, deleted or replaced.
 */
export async function shortcut(command: 'generate' | 'check', options: PipelineOptions, inputs: RunInputs): Promise<PipelineResult | undefined> {
  if (options.force || inputs.fingerprint === undefined) return undefined;
  const fresh = await upToDateOutput(options.out, inputs.fingerprint, options.statCache);
  if (!fresh) return undefined;
  const common = { diagnostics: fresh.warnings, sources: fresh.warnings.length ? [catalogSource(options.catalog, inputs.bytes)] : [], shortcut: { hashed: fresh.hashed } };
  if (command === 'check') return { ...common, drift: { modified: [], firstDifference: {}, missing: [], stale: [] } };
  return { ...common, report: { written: [], unchanged: fresh.files.filter((f) => f !== MANIFEST), removed: [] } };
}

/** The catalog's text, decoded as the loader does: the last run's warnings were positioned in it. */
function catalogSource(file: string, bytes: Uint8Array): SourceMap {
  const decoded = decodeCatalog(bytes);
  return new SourceMap(file, 'text' in decoded ? decoded.text : decoded.partial);
}

/**
 * Whether the output folder holds what the last run wrote: the manifest records these very inputs, and every
 * file it lists is on disk, a regular file (no symlink on the way), with the hash recorded. Returns the
 * files and the warnings of that run, or undefined whenever anything differs — a changed input, an edited,
 * deleted or symlinked file, an old or foreign manifest: the real run decides.
 *
 * With a stat cache, a file whose size, times and inode are those it had when an earlier run hashed it is
 * not read again (as git's index does). Any write to a file changes its ctime, which no tool can set back;
 * a file is remembered only when its ctime was already `RACY_MARGIN` old when it was looked at, so that a
 * write in the same tick of a coarse file-system clock cannot go unseen. The manifest is remembered so too:
 * once every file it lists is, the cache holds what the run needs of it (its inputs, its warnings; the files
 * and hashes are the cache's own), and the manifest is not read while its key is unchanged. The cache only
 * ever saves reading: it never holds a hash the manifest has not.
 */
async function upToDateOutput(outDir: string, inputs: string, cacheDir: string | undefined): Promise<{ files: string[]; warnings: readonly Diagnostic[]; hashed: number } | undefined> {
  const root = path.resolve(outDir);
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, `${contentHash(root).slice(0, 24)}.json`);
  const cached = cacheFile ? readStatCache(cacheFile, root) : NO_CACHE;
  const lookedAt = Date.now(); // before any file is looked at
  const manifestStat = lstatIfAny(path.join(root, MANIFEST));
  const manifestKey = manifestStat?.isFile() ? statKey(manifestStat) : undefined;
  const manifest = await recorded(root, cached, manifestKey);
  if (!manifest) return undefined; // whatever is wrong, the real run will say it
  const { entries } = manifest;
  if (manifest.inputs !== inputs || entries.length === 0) return undefined;
  const remembered: string[] = []; // the stat cache's next entries, as it stores them
  let hashed = 0;
  // Synchronous on purpose: a few thousand small reads go faster one after another than through the
  // thread pool, and nothing else runs meanwhile. The first difference ends the look.
  const real = new Set<string>(); // folders found real (not a symlink, not a file), as relative paths
  for (let i = 0; i < entries.length; i += 3) {
    const file = entries[i]!;
    const known = entries[i + 1]!;
    const hash = entries[i + 2]!;
    // A file's folder and its ancestors are looked at once, with the first file in it (most files share them).
    const slash = file.lastIndexOf('/');
    if (slash !== -1 && !real.has(file.slice(0, slash))) {
      for (let end = file.indexOf('/'); end !== -1 && end <= slash; end = file.indexOf('/', end + 1)) {
        const folder = file.slice(0, end);
        if (real.has(folder)) continue;
        if (lstatIfAny(inside(root, folder))?.isDirectory() !== true) return undefined;
        real.add(folder);
      }
    }
    const absolute = inside(root, file);
    const stat = lstatIfAny(absolute);
    if (!stat?.isFile()) return undefined;
    const key = statKey(stat);
    if (key !== known) {
      // The bytes as they are, hashed as they were written (UTF-8): no decoding on the way.
      if (hashRegularFile(absolute) !== hash) return undefined;
      hashed++;
      if (stat.ctimeMs >= lookedAt - RACY_MARGIN) continue; // too recent to be remembered
    }
    remembered.push(file, key, hash);
  }
  // The manifest, remembered once every file is and it is old enough itself.
  const whole = remembered.length === entries.length && manifestKey !== undefined && manifestStat!.ctimeMs < lookedAt - RACY_MARGIN;
  const manifestPart = whole ? { key: manifestKey, inputs, warnings: manifest.warnings } : undefined;
  if (cacheFile && remembered.length && (hashed || (manifestPart && cached.manifest?.key !== manifestPart.key))) writeStatCache(cacheFile, root, remembered, manifestPart);
  const files: string[] = [];
  for (let i = 0; i < entries.length; i += 3) files.push(entries[i]!);
  return { files: files.sort(), warnings: manifest.warnings, hashed };
}

/**
 * What the manifest records, as `[file, stat key, hash, …]` (the stat cache's own form): the stat key is the
 * one the cache remembers for that file and hash, or '' when it has none. From the stat cache alone while
 * the manifest keeps the key it had then, else from the manifest as read; undefined when it cannot be read
 * or lists a file without a hash.
 */
async function recorded(root: string, cached: StatCache, manifestKey: string | undefined): Promise<{ inputs?: string; warnings: readonly Diagnostic[]; entries: readonly string[] } | undefined> {
  if (cached.manifest && manifestKey === cached.manifest.key) return { ...cached.manifest, entries: cached.entries };
  let manifest: Manifest;
  try {
    manifest = await readManifest(root);
  } catch {
    return undefined;
  }
  const known = new Map<string, number>(); // a file's place in the cache's entries
  for (let i = 0; i < cached.entries.length; i += 3) known.set(cached.entries[i]!, i);
  const entries: string[] = [];
  for (const [file, hash] of Object.entries(manifest.files)) {
    if (hash === null) return undefined; // an old manifest: no hash to check against
    const at = known.get(file);
    entries.push(file, at !== undefined && cached.entries[at + 2] === hash ? cached.entries[at + 1]! : '', hash);
  }
  return { ...manifest, entries };
}

/** Longer than the coarsest file-system clock in use (HFS+ and FAT count whole seconds), in milliseconds. */
const RACY_MARGIN = 2000;

/**
 * What a stat cache holds: each file as the shortcut last hashed it, `[path, stat key, hash, …]` (see
 * statKey), and the manifest's key, inputs and warnings once it holds every file the manifest lists.
 */
interface StatCache {
  readonly entries: readonly string[];
  readonly manifest?: { readonly key: string; readonly inputs: string; readonly warnings: readonly Diagnostic[] };
}

const NO_CACHE: StatCache = { entries: [] };

/** The stat cache of `root` (JSON: `{ root, manifest?, files: [path, stat, hash, …] }`); none, or not ours, is empty. */
function readStatCache(file: string, root: string): StatCache {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { root?: unknown; files?: unknown; manifest?: unknown };
    if (parsed.root !== root || !Array.isArray(parsed.files) || parsed.files.length % 3 !== 0) return NO_CACHE;
    const entries = parsed.files as unknown[];
    for (let i = 0; i < entries.length; i += 3) {
      // Damaged: not strings, or a path the manifest would not hold.
      if (typeof entries[i] !== 'string' || !isSafe(entries[i] as string) || typeof entries[i + 1] !== 'string' || typeof entries[i + 2] !== 'string') return NO_CACHE;
    }
    const m = parsed.manifest as { key?: unknown; inputs?: unknown; warnings?: unknown } | undefined;
    const manifest = m && typeof m.key === 'string' && typeof m.inputs === 'string' && Array.isArray(m.warnings) ? { key: m.key, inputs: m.inputs, warnings: m.warnings as Diagnostic[] } : undefined;
    return manifest ? { entries: entries as string[], manifest } : { entries: entries as string[] };
  } catch {
    return NO_CACHE; // none yet, or not ours: every file is hashed
  }
}

/** Output folders remembered at most: each has one cache file; the least recently written go first. */
const CACHED_FOLDERS = 64;

/** Best effort: a cache that cannot be written only means the next run reads every file again. */
function writeStatCache(file: string, root: string, entries: readonly string[], manifest: StatCache['manifest']): void {
  writeCacheFile(file, JSON.stringify({ root, ...(manifest ? { manifest } : {}), files: entries }));
  pruneCacheFiles(path.dirname(file), (name) => STAT_CACHE_FILE.test(name), CACHED_FOLDERS);
}

/** A stat cache file's name: the start of its output folder's hash. */
const STAT_CACHE_FILE = /^[\w-]{24}\.json$/;

/**
 * What `lstat` says of a path, or undefined when nothing is there: missing (ENOENT), or a file where a
 * folder on the way should be (ENOTDIR: `--out` names a file, say). The real run reports the latter.
 */
function lstatIfAny(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    return absent(error as NodeJS.ErrnoException);
  }
}

/** The hash of a regular file's bytes, not followed through a symlink; undefined for anything else or an error. */
function hashRegularFile(file: string): string | undefined {
  const noFollow = fs.constants.O_NOFOLLOW as number | undefined;
  let fd: number | undefined;
  try {
    if (noFollow === undefined && !fs.lstatSync(file).isFile()) return undefined; // no O_NOFOLLOW (Windows)
    fd = fs.openSync(file, fs.constants.O_RDONLY | (noFollow ?? 0));
    const stat = fs.fstatSync(fd);
    return stat.isFile() ? hashOpenFile(fd, stat.size) : undefined;
  } catch {
    return undefined; // missing, a symlink (ELOOP), unreadable: the real run reports it
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
