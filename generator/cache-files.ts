/**
 * The files the generator keeps only to save work (the shortcut's stat cache, the compile cache of
 * libraries and templates). A cache is never needed: each is written whole or not at all, a folder keeps
 * a bounded number of them, and any failure only means the work is done again. Light: node:fs only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What identifies a file's version without reading it, as git's index does: size, modification and change times, inode. */
export const statKey = (stat: fs.BigIntStats): string => `${stat.size} ${stat.mtimeNs} ${stat.ctimeNs} ${stat.ino}`;

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
