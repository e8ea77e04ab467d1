/**
 * write: the only code that touches the output folder.
 *
 * - Writes only files whose bytes changed; removes files it generated before (listed in its manifest)
 *   and no longer generates; never writes or deletes outside the output folder, nor through a symlink.
 * - All or nothing: new contents go to temporary files first, then replace the targets; if any step
 *   fails, every step already done is undone and the folder is left as it was.
 * - `checkOutput` computes the same plan without writing and reports every out-of-date file.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs';
import type { Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { GeneratedFile } from './files.js';
import type { Diagnostic } from './diagnostics.js';
import { contentHash } from './fingerprint.js';

/** The file in the output folder that lists what the generator wrote there (so it knows what to remove). */
export const MANIFEST = '.error-catalog-manifest.json';

/** Raised when the output cannot be written safely; the output folder is as it was. */
export class WriteError extends Error {
  override readonly name = 'WriteError';
  /** The signal that stopped the writing, when one did (the CLI exits with 128 + its number, as a shell does). */
  readonly signal?: NodeJS.Signals;

  constructor(message: string, options?: ErrorOptions & { readonly signal?: NodeJS.Signals }) {
    super(message, options);
    if (options?.signal) this.signal = options.signal;
  }
}

/** The signals that stop a command-line program: Ctrl-C, a CI job cancelled, a terminal closed. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `write` with the stop signals held off: nothing else listening for one, it would end the process
 * between two renames and leave the output folder half old, half new. A signal that comes meanwhile is
 * noted; `stopped()` then throws, at the writer's next step, and the writer undoes what it did. The
 * error carries the signal. One that comes after the last step, when all is written, is sent again once
 * the signals are let go: it does what it would have done. A program that listens for a signal itself
 * keeps it: it is not held off.
 *
 * Writings under way at once in one process (a program generating several folders) share the holding: a
 * signal stops each of them at its next step, and is let go, or sent again, only when the last is done, so
 * that one writing's end never ends the process in the middle of another's. It is sent again unless a
 * writing stopped for it (its caller got the signal with the error, and decides).
 */
const holding = { writings: 0, held: [] as NodeJS.Signals[], received: undefined as NodeJS.Signals | undefined, reported: false };
const note = (signal: NodeJS.Signals) => (holding.received ??= signal);

async function holdingSignals<T>(write: (stopped: () => void) => Promise<T>): Promise<T> {
  if (holding.writings++ === 0) {
    Object.assign(holding, { received: undefined, reported: false, held: STOP_SIGNALS.filter((signal) => process.listenerCount(signal) === 0) });
    for (const signal of holding.held) process.on(signal, note);
  }
  try {
    return await write(() => {
      if (holding.received) throw new WriteError(`interrupted by ${holding.received}`, { signal: holding.received });
    });
  } catch (error) {
    // The writer wraps what it throws; the signal stays known on the error the caller gets.
    const { received } = holding;
    if (received && error instanceof WriteError) {
      holding.reported = true;
      if (!error.signal) throw new WriteError(error.message, { cause: error.cause, signal: received });
    }
    throw error;
  } finally {
    if (--holding.writings === 0) {
      for (const signal of holding.held) process.off(signal, note);
      if (holding.received && !holding.reported) process.kill(process.pid, holding.received);
    }
  }
}

export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

export interface Drift {
  /** On disk with other contents. */
  readonly modified: readonly string[];
  /** For each modified file, the first line (1-based) where the disk differs from what would be generated. */
  readonly firstDifference: { readonly [path: string]: number };
  /** Generated but absent from the disk. */
  readonly missing: readonly string[];
  /** Generated before (in the manifest), no longer generated, still on disk. */
  readonly stale: readonly string[];
}

/** The file-system calls the writer makes; tests replace one to inject a failure. */
export interface WriterIo {
  readonly writeFile: (file: string, data: string | Uint8Array) => Promise<void>;
  readonly rename: (from: string, to: string) => Promise<void>;
  readonly unlink: (file: string) => Promise<void>;
  /** Where a new output folder's files can be written on another thread (none: they are written with `writeFile`). */
  readonly batch?: () => BatchWriter | undefined;
}

/**
 * Writes the files of a new output folder on another thread while this one encodes and hashes the next
 * (the pipeline's second thread, see thread/batch.ts).
 */
export interface BatchWriter {
  /**
   * Queues a file that does not exist yet (its folders are made as needed) and returns the hash of its
   * bytes. Bytes are handed over, not copied: the caller does not read them again.
   */
  add(file: string, contents: string | Uint8Array): string;
  /** Resolves once every queued file is written; rejects with the first failure, once no write is in flight any more. */
  finish(): Promise<void>;
}

export const defaultIo: WriterIo = {
  // The callback form: at 4,000 files, the promise form's file handles cost this thread 60–80 ms more.
  writeFile: (file, data) => new Promise((resolve, reject) => writeFile(file, data, { flag: 'wx' }, (error) => (error ? reject(error) : resolve()))),
  rename: fs.rename,
  unlink: fs.unlink,
};

interface PlannedFile {
  readonly path: string;
  readonly absolute: string;
  /** A new folder's files keep their text (encoded as each is written); others are compared, so encoded. */
  readonly contents: string | Uint8Array;
  /** Current bytes on disk; undefined when the file does not exist. */
  readonly previous: Uint8Array | undefined;
}

/** A file's bytes: its text as UTF-8, or the bytes an emitter gave. */
const bytesOf = (contents: string | Uint8Array): Uint8Array => (typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

/** Whether a planned file's bytes are those on disk already. */
const unchanged = (f: PlannedFile): boolean => f.previous !== undefined && sameBytes(f.previous, bytesOf(f.contents));

interface Plan {
  readonly root: string;
  /** The output folder does not exist yet: everything is new, and it can appear at once. */
  readonly fresh: boolean;
  readonly files: readonly PlannedFile[];
  readonly stale: readonly { path: string; absolute: string; previous: Uint8Array }[];
  /** The files the last run wrote, as its manifest lists them (none for a folder without one). */
  readonly owned: ReadonlySet<string>;
}

/**
 * A safe relative path: `/`-separated segments, none empty, `.` or `..`, without a backslash or NUL, and not
 * starting with a drive letter (`C:`). One expression, as it is tested for every path of a manifest.
 */
const SAFE_PATH = /^(?![A-Za-z]:)(?!\.\.?(?:\/|$))[^/\\\0]+(?:\/(?!\.\.?(?:\/|$))[^/\\\0]+)*$/;

/**
 * A safe relative path (see assertSafeRelativePath) inside `root` (absolute), as an absolute path: what
 * `path.join` gives, without its normalizing on POSIX, where thousands of paths are made per run.
 */
export const inside =
  path.sep === '/' ? (root: string, relative: string): string => (root.endsWith('/') ? root + relative : `${root}/${relative}`) : (root: string, relative: string): string => path.join(root, relative);

/** Throws unless `p` is a safe relative path: `/`-separated, normalized, no `..`, no absolute or drive path. */
export function assertSafeRelativePath(p: string): void {
  if (!SAFE_PATH.test(p)) throw new WriteError(`refusing to write '${p}': output paths must be relative, normalized and stay inside the output folder`);
}

/** `lstat`, or undefined when nothing is there (ENOTDIR: a file stands where a folder on the way should be; the caller finds which). */
const lstatOrUndefined = (p: string) => fs.lstat(p).catch(absent);

/** Why `p`, which `lstat` found, cannot serve as a folder (itself, or what its symlink leads to), or undefined if it can. */
async function whyNotAFolder(p: string, stat: Stats): Promise<string | undefined> {
  if (!stat.isSymbolicLink()) return stat.isDirectory() ? undefined : 'is not a folder';
  const target = await fs.stat(p).catch((e: NodeJS.ErrnoException) => (e.code === 'ELOOP' ? undefined : absent(e)));
  return target?.isDirectory() ? undefined : `is a symbolic link to '${await fs.readlink(p)}', which ${target ? 'is not a folder' : 'does not exist'}`;
}

/** Nothing there (ENOENT), or a file where a folder on the way should be (ENOTDIR): undefined; any other error is thrown. */
export function absent(e: NodeJS.ErrnoException): undefined {
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
  throw e;
}

/**
 * Every directory between the root and the file must be a real directory (or absent), never a symlink.
 * `checked` remembers the folders already looked at in this run (most files share them).
 */
async function assertNoSymlinkOnTheWay(root: string, relative: string, checked: Map<string, Promise<'dir' | 'absent'>>): Promise<void> {
  const parts = relative.split('/');
  let current = root;
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part);
    let state = checked.get(current);
    if (!state) {
      const dir = current;
      state = lstatOrUndefined(dir).then((stat) => {
        if (!stat) return 'absent';
        if (stat.isSymbolicLink()) throw new WriteError(`refusing to write through symlink '${dir}'`);
        if (!stat.isDirectory()) throw new WriteError(`cannot write '${relative}': '${dir}' is not a directory`);
        return 'dir';
      });
      checked.set(current, state);
    }
    if ((await state) === 'absent') return;
  }
}

/**
 * Runs `fn` over `items`, at most `limit` at once (file operations overlap in libuv's thread pool).
 * After a failure no new item starts, and it rejects only once every started one has settled, so the
 * caller can undo exactly what was done.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}

const CONCURRENCY = 32;

async function readPrevious(absolute: string, relative: string): Promise<Uint8Array | undefined> {
  const stat = await lstatOrUndefined(absolute);
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) throw new WriteError(`refusing to replace symlink '${absolute}'`);
  if (!stat.isFile()) throw new WriteError(`cannot write '${relative}': '${absolute}' is not a regular file`);
  return fs.readFile(absolute);
}

/** What the manifest records: the fingerprint of the inputs, each file it wrote with its hash, the warnings. */
export interface Manifest {
  readonly inputs?: string;
  readonly files: { readonly [path: string]: string | null };
  readonly warnings: readonly Diagnostic[];
}

/** Whether a path may be in a manifest: safe (see assertSafeRelativePath), and not the manifest's own. */
export const isSafe = (f: string): boolean => f !== MANIFEST && SAFE_PATH.test(f);

/**
 * The manifest of the output folder. No manifest (a first run) is an empty one; so is one that is not
 * what this writer writes (hand-edited, truncated): it is then trusted for nothing, neither to remove a
 * file nor to skip a run. Unreadable for another reason (permissions) is an error.
 */
export async function readManifest(root: string): Promise<Manifest> {
  const none: Manifest = { files: {}, warnings: [] };
  let text: string;
  try {
    text = await fs.readFile(path.join(root, MANIFEST), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return none;
    throw new WriteError(`cannot read '${path.join(root, MANIFEST)}': ${(error as Error).message}`);
  }
  let parsed: { inputs?: unknown; files?: unknown; warnings?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return none;
  }
  // Wave 1 wrote a list of paths; now a map of path → hash. A hand-edited manifest must not make the
  // writer delete anything outside the folder: unsafe paths are dropped.
  const entries: [string, string | null][] = Array.isArray(parsed.files)
    ? parsed.files.filter((f): f is string => typeof f === 'string').map((f) => [f, null])
    : parsed.files !== null && typeof parsed.files === 'object'
      ? Object.entries(parsed.files as Record<string, unknown>).map(([f, h]) => [f, typeof h === 'string' ? h : null])
      : [];
  return {
    ...(typeof parsed.inputs === 'string' ? { inputs: parsed.inputs } : {}),
    files: Object.fromEntries(entries.filter(([f]) => isSafe(f))),
    warnings: Array.isArray(parsed.warnings) ? (parsed.warnings as Diagnostic[]) : [],
  };
}

/** The manifest of `files`; `hashes` are those already computed (from the bytes written), by path. */
function manifestFile(files: readonly GeneratedFile[], record: ManifestRecord | undefined, hashes?: ReadonlyMap<string, string>): GeneratedFile {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest = {
    generator: 'error-catalog',
    ...(record ? { inputs: record.inputs } : {}),
    files: Object.fromEntries(sorted.map((f) => [f.path, hashes?.get(f.path) ?? contentHash(f.contents)])),
    ...(record?.warnings.length ? { warnings: record.warnings } : {}),
  };
  return { path: MANIFEST, contents: JSON.stringify(manifest, null, 2) + '\n' };
}

/** What a run records in the manifest for the next one: its inputs' fingerprint and its warnings. */
export interface ManifestRecord {
  readonly inputs: string;
  readonly warnings: readonly Diagnostic[];
}

/**
 * What writing `generated` into `outDir` takes. `manifest` (generate) adds the manifest to the files of an
 * existing folder; a new folder's manifest is made while it is written, from the bytes written (writeFresh);
 * `check` has none (the manifest is the writer's own bookkeeping, never drift).
 */
async function plan(outDir: string, generated: readonly GeneratedFile[], manifest?: { readonly record: ManifestRecord | undefined }): Promise<Plan> {
  const root = path.resolve(outDir);
  const rootStat = await lstatOrUndefined(root);
  if (rootStat) {
    const why = await whyNotAFolder(root, rootStat);
    if (why) throw new WriteError(`output folder '${outDir}' ${rootStat.isSymbolicLink() ? why : `exists and ${why}`}`);
  } else {
    // Not there yet (`generate` makes it, with the folders above it that are missing): the first one there must be a folder.
    let above = path.dirname(root);
    let stat = await lstatOrUndefined(above);
    while (!stat && path.dirname(above) !== above) stat = await lstatOrUndefined((above = path.dirname(above)));
    const why = stat && (await whyNotAFolder(above, stat));
    if (why) throw new WriteError(`output folder '${outDir}' cannot exist: '${above}' ${why}`);
  }
  const seen = new Set<string>();
  for (const file of generated) {
    assertSafeRelativePath(file.path);
    if (file.path === MANIFEST) throw new WriteError(`an emitter produced '${MANIFEST}', which the writer owns`);
    if (seen.has(file.path)) throw new WriteError(`two outputs have the same path '${file.path}'`);
    seen.add(file.path);
  }
  for (const file of generated) {
    const absolute = inside(root, file.path);
    if (!absolute.startsWith(root + path.sep)) throw new WriteError(`refusing to write '${file.path}' outside '${outDir}'`);
  }
  if (!rootStat) {
    const files = generated.map((file) => ({ path: file.path, absolute: inside(root, file.path), contents: file.contents, previous: undefined }));
    return { root, fresh: true, files, stale: [], owned: new Set() };
  }
  const all = manifest ? [...generated, manifestFile(generated, manifest.record)] : generated;
  const checked = new Map<string, Promise<'dir' | 'absent'>>();
  const files = await mapLimit(all, CONCURRENCY, async (file): Promise<PlannedFile> => {
    const absolute = inside(root, file.path);
    await assertNoSymlinkOnTheWay(root, file.path, checked);
    return { path: file.path, absolute, contents: bytesOf(file.contents), previous: await readPrevious(absolute, file.path) };
  });
  const owned = new Set(Object.keys((await readManifest(root)).files));
  const staleCandidates = [...owned].filter((old) => !seen.has(old));
  const stale = (
    await mapLimit(staleCandidates, CONCURRENCY, async (old) => {
      const absolute = inside(root, old);
      try {
        await assertNoSymlinkOnTheWay(root, old, checked);
        const previous = await readPrevious(absolute, old);
        return previous === undefined ? undefined : { path: old, absolute, previous };
      } catch (error) {
        // A symlink or a folder now stands where we once wrote a file: it is not ours to remove, and
        // leaving it is safe (nothing is written there). Any other failure is real.
        if (error instanceof WriteError) return undefined;
        throw error;
      }
    })
  ).filter((f): f is { path: string; absolute: string; previous: Uint8Array } => f !== undefined);
  return { root, fresh: false, files, stale, owned };
}

/** Compares what would be written with the disk; writes nothing. */
export async function checkOutput(outDir: string, generated: readonly GeneratedFile[]): Promise<Drift> {
  // The manifest is the writer's own bookkeeping: only the generated files count as drift.
  const { files, stale } = await plan(outDir, generated);
  const real = files.filter((f) => f.path !== MANIFEST);
  const modified = real.filter((f) => f.previous !== undefined && !unchanged(f));
  return {
    modified: modified.map((f) => f.path),
    firstDifference: Object.fromEntries(modified.map((f) => [f.path, firstDifferentLine(f.previous!, bytesOf(f.contents))])),
    missing: real.filter((f) => f.previous === undefined).map((f) => f.path),
    stale: stale.map((f) => f.path),
  };
}

function firstDifferentLine(a: Uint8Array, b: Uint8Array): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let line = 1;
  for (let j = 0; j < i; j++) if (a[j] === 10) line++;
  return line;
}

export const isUpToDate = (drift: Drift): boolean =>
  drift.modified.length === 0 && drift.missing.length === 0 && drift.stale.length === 0;

/** Brings the output folder to exactly `generated` (plus the manifest), all or nothing. */
export async function writeOutput(outDir: string, generated: readonly GeneratedFile[], io: WriterIo = defaultIo, record?: ManifestRecord): Promise<WriteReport> {
  const { root, fresh, files, stale, owned } = await plan(outDir, generated, { record });
  if (fresh) return holdingSignals((stopped) => writeFresh(outDir, root, files, io, record, stopped));
  const same = new Set(files.filter(unchanged));
  const changed = files.filter((f) => !same.has(f));
  // A file there that the last run did not write (a project's own package.json, with `--out .`) is not
  // the generator's to replace; one with the very bytes it would write is taken over.
  const foreign = changed.filter((f) => f.previous !== undefined && f.path !== MANIFEST && !owned.has(f.path)).map((f) => f.path).sort();
  if (foreign.length > 0) {
    const listed = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
    throw new WriteError(
      `refusing to replace ${foreign.length} file${foreign.length === 1 ? '' : 's'} in '${outDir}' that it did not write (not in its ${MANIFEST}): ${listed}; move ${foreign.length === 1 ? 'it' : 'them'} away, or choose another output folder`,
    );
  }
  const report: WriteReport = {
    written: changed.filter((f) => f.path !== MANIFEST).map((f) => f.path),
    unchanged: [...same].filter((f) => f.path !== MANIFEST).map((f) => f.path),
    removed: stale.map((f) => f.path),
  };
  if (changed.length === 0 && stale.length === 0) return report;
  await holdingSignals((stopped) => replaceFiles(outDir, root, changed, stale, io, stopped));
  return report;
}

/** Writes the changed files of an existing output folder and removes its stale ones, all or nothing. */
async function replaceFiles(outDir: string, root: string, changed: readonly PlannedFile[], stale: Plan['stale'], io: WriterIo, stopped: () => void): Promise<void> {
  const undo: (() => Promise<unknown>)[] = [];
  const temps = new Map<PlannedFile, string>();
  try {
    // 1. Folders, then every new content into a temporary file beside its target.
    for (const dir of [...new Set(changed.map((f) => path.dirname(f.absolute)))].sort()) {
      stopped();
      const created = await fs.mkdir(dir, { recursive: true });
      if (created !== undefined) undo.push(() => removeEmptyDirs(dir, created));
    }
    await mapLimit(changed, CONCURRENCY, async (file) => {
      stopped();
      const temp = path.join(path.dirname(file.absolute), `.${path.basename(file.absolute)}.${process.pid}.tmp`);
      temps.set(file, temp); // before the write: a failed write may still leave a partial file to remove
      await io.writeFile(temp, file.contents);
    });
    // 2. Replace targets (the manifest last), then remove stale files.
    const rename = async (file: PlannedFile) => {
      stopped();
      await io.rename(temps.get(file)!, file.absolute);
      temps.delete(file);
      undo.push(() => restore(file.absolute, file.previous));
    };
    await mapLimit(changed.filter((f) => f.path !== MANIFEST), CONCURRENCY, rename);
    await mapLimit(changed.filter((f) => f.path === MANIFEST), 1, rename);
    for (const file of stale) {
      stopped();
      await io.unlink(file.absolute);
      undo.push(() => restore(file.absolute, file.previous));
    }
  } catch (error) {
    const leftovers = [...temps.values()];
    const failures: unknown[] = [];
    for (const temp of leftovers) await fs.rm(temp, { force: true }).catch((e: unknown) => failures.push(e));
    for (const step of undo.reverse()) await step().catch((e: unknown) => failures.push(e));
    const suffix = failures.length ? ` (and ${failures.length} step(s) could not be undone)` : '; the output folder was left as it was';
    throw new WriteError(`writing '${outDir}' failed: ${(error as Error).message}${suffix}`, { cause: error });
  }
  for (const file of stale) {
    const [top] = file.path.split('/');
    if (file.path.includes('/')) await removeEmptyDirs(path.dirname(file.absolute), path.join(root, top!));
  }
}

/**
 * A new output folder is written whole beside its place, then renamed into it: it appears at once, or
 * not at all (on a failure the staging folder, and any parent folder made for it, is removed).
 */
async function writeFresh(outDir: string, root: string, files: readonly PlannedFile[], io: WriterIo, record: ManifestRecord | undefined, stopped: () => void): Promise<WriteReport> {
  let staging: string | undefined;
  const staged = (file: { readonly path: string }) => inside(staging!, file.path);
  let parentCreated: string | undefined;
  try {
    parentCreated = await fs.mkdir(path.dirname(root), { recursive: true });
    staging = await stagingFolder(root);
    // The staging folder is ours alone and new. Each of its folders is made once, after its parent, in the
    // thread pool alongside the writes: made one after the other on this thread, 1,000 folders held the
    // writes back by 0.1–0.6 s on a slow disk. `recursive` accepts a folder that exists already: on a
    // case-insensitive disk, `Docs/` and `docs/` are one folder.
    const folders = new Map<string, Promise<unknown>>([[staging, Promise.resolve()]]);
    const folder = (dir: string): Promise<unknown> => {
      let made = folders.get(dir);
      if (!made) folders.set(dir, (made = folder(path.dirname(dir)).then(() => fs.mkdir(dir, { recursive: true }))));
      return made;
    };
    // Each text is encoded once: the bytes written are the bytes hashed for the manifest.
    const hashes = new Map<string, string>();
    const batch = io.batch?.();
    if (batch) {
      // The other thread writes while this one encodes and hashes the next files.
      try {
        for (const file of files) hashes.set(file.path, batch.add(staged(file), file.contents));
      } catch (error) {
        await batch.finish().catch(() => undefined); // nothing in flight when the staging folder is removed
        throw error;
      }
      await batch.finish();
    } else {
      await mapLimit(files, CONCURRENCY, (file) => {
        stopped();
        const bytes = bytesOf(file.contents);
        hashes.set(file.path, contentHash(bytes));
        const target = staged(file);
        return folder(path.dirname(target)).then(() => io.writeFile(target, bytes));
      });
    }
    const manifest = manifestFile(files, record, hashes);
    await io.writeFile(staged(manifest), manifest.contents);
    stopped(); // the last moment: the folder appears whole with the rename, or not at all
    await io.rename(staging, root);
  } catch (error) {
    const failures: unknown[] = [];
    if (staging !== undefined) await fs.rm(staging, { recursive: true, force: true }).catch((e: unknown) => failures.push(e));
    if (parentCreated !== undefined) await removeEmptyDirs(path.dirname(root), parentCreated);
    const suffix = failures.length ? ' (and the staging folder could not be removed)' : '; the output folder was left as it was';
    throw new WriteError(`writing '${outDir}' failed: ${(error as Error).message}${suffix}`, { cause: error });
  }
  return { written: files.map((f) => f.path), unchanged: [], removed: [] };
}

/**
 * A new empty folder beside `root`, named `.{name}-{random}`, that becomes the output folder. Made with
 * `mkdir`, so that it has the permissions any new folder gets: `mkdtemp`'s are the owner's alone, and the
 * output folder would keep them, unreadable to anyone else (a web server serving the site, say).
 */
async function stagingFolder(root: string): Promise<string> {
  for (;;) {
    const dir = path.join(path.dirname(root), `.${path.basename(root)}-${randomBytes(6).toString('base64url')}`);
    try {
      await fs.mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function restore(absolute: string, previous: Uint8Array | undefined): Promise<void> {
  if (previous === undefined) {
    await fs.rm(absolute, { force: true });
    return;
  }
  const temp = `${absolute}.${process.pid}.restore.tmp`;
  await fs.writeFile(temp, previous);
  await fs.rename(temp, absolute);
}

/**
 * Removes `from` and then each parent while it is empty, stopping above `upTo` (which must be inside the
 * root). Tidying only: a folder that still holds something (ENOTEMPTY, EEXIST) or is already gone stops it
 * as intended, and any other failure leaves an empty folder behind, never a wrong file, so it stops too.
 */
async function removeEmptyDirs(from: string, upTo: string): Promise<void> {
  for (let dir = from; dir === upTo || dir.startsWith(upTo + path.sep); dir = path.dirname(dir)) {
    try {
      await fs.rmdir(dir);
    } catch {
      return;
    }
  }
}
