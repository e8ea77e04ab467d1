/**
 * The files the generator keeps only to save work (the shortcut's stat cache, the compile cache of
 * libraries, templates and extension members). A cache is never needed: each is written whole or not at
 * all, a folder keeps a bounded number of them, and any failure only means the work is done again.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { contentHash } from './fingerprint.js';

const require = createRequire(import.meta.url);

/**
 * What identifies a file's version without reading it, as git's index does: size, modification and change
 * times, inode. Plain numbers (milliseconds with a fraction, finer than a microsecond), not BigInts: an
 * unchanged run takes it for every output file, and BigInt stats cost it ~10 ms at 4,000 files.
 */
export const statKey = (stat: fs.Stats): string => `${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${stat.ino}`;

/** Writes a cache file whole (a temporary file renamed), or not at all (a read-only folder, a full disk). */
export function writeCacheFile(file: string, data: Uint8Array | string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true }); // nothing left behind
  }
}

/** Keeps the `keep` most recently written files of `dir` whose names `ours` accepts, and removes the others. */
export function pruneCacheFiles(dir: string, ours: (name: string) => boolean, keep: number): void {
  try {
    const files = fs.readdirSync(dir).filter(ours);
    if (files.length <= keep) return;
    const byAge = files.map((name) => ({ file: path.join(dir, name), at: fs.statSync(path.join(dir, name)).mtimeMs })).sort((a, b) => b.at - a.at);
    for (const { file } of byAge.slice(keep)) fs.rmSync(file, { force: true });
  } catch {
    // tidying only
  }
}

/**
 * A cache file of texts by key, for one kind of work: `<kind>-<hash of what the texts depend on>.<extension>`
 * in `folder` (JSON: `[key, text, hash of text][]`); `dependsOn` is called only when there is a folder. Only
 * the entries whose text still has its hash are read: a damaged one is made again, never used. `save` writes the texts this run used or made, then older
 * ones, up to `limits.entries` (or all this run's, if more), and keeps the `limits.files` most recently
 * written files of its kind. Without a folder nothing is kept.
 */
export class TextCache {
  private readonly file: string | undefined;
  private readonly saved = new Map<string, string>();
  private readonly used = new Map<string, string>();
  private added = false;

  constructor(
    private readonly folder: string | undefined,
    private readonly kind: string,
    dependsOn: () => unknown,
    private readonly limits: { readonly entries: number; readonly files: number },
    private readonly extension = 'json',
  ) {
    this.file = folder && path.join(folder, `${kind}-${contentHash(JSON.stringify(dependsOn()))}.${extension}`);
    if (!this.file) return;
    try {
      const entries = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(entries)) return;
      for (const entry of entries) {
        if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string' && entry[2] === contentHash(entry[1])) this.saved.set(entry[0], entry[1]);
      }
    } catch {
      // none yet, or unreadable: made again
    }
  }

  get(key: string): string | undefined {
    const text = this.used.get(key) ?? this.saved.get(key);
    if (text !== undefined) this.used.set(key, text);
    return text;
  }

  set(key: string, text: string): void {
    this.used.set(key, text);
    this.added = true;
  }

  /** Writes the file if a text was made anew. */
  save(): void {
    if (!this.file || !this.folder || !this.added) return;
    const older = [...this.saved].filter(([key]) => !this.used.has(key));
    const kept = [...this.used, ...older].slice(0, Math.max(this.limits.entries, this.used.size));
    writeCacheFile(this.file, JSON.stringify(kept.map(([key, text]) => [key, text, contentHash(text)])));
    const ours = new RegExp(`^${this.kind}-[\\w-]+\\.${this.extension}$`);
    pruneCacheFiles(this.folder, (name) => ours.test(name), this.limits.files);
  }
}

/** The version of the package `name` as installed here (its package.json need not be exported): part of a cache's key. */
export function installedVersion(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name) return String(manifest.version);
    } catch {
      // not this folder: look further up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
