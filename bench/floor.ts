/**
 * What the bench compares runs with: the least such a run could take. Usage:
 *
 *   node floor.js start         nothing: Node's own start and exit (any run of a Node CLI takes this)
 *   node floor.js read OUT      reads and hashes every file under OUT, one after the other (what a check
 *                               without a stat cache cannot skip: the bytes on disk are what it verifies)
 *   node floor.js create OUT TO makes OUT's folders and files again under TO, empty, one after the other:
 *                               what the disk asks of any cold run at that moment, before a byte is
 *                               written (the kernel's cost per new file swings by 30× on this machine)
 *
 * Prints how many files it read, or, for `create`, `{ "ms": … }`: the time of the creating alone.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashOpenFile } from '../generator/fingerprint.js';

const [what, out, to] = process.argv.slice(2);
if (what === 'start') {
  process.stdout.write('0\n');
} else if (what === 'read') {
  let files = 0;
  for (const entry of readdirSync(out!, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const fd = openSync(path.join(entry.parentPath, entry.name), 'r');
    hashOpenFile(fd, fstatSync(fd).size); // the hash the check compares with the manifest, read as the check reads it
    closeSync(fd);
    files++;
  }
  if (files === 0) throw new Error(`no file under '${out}'`);
  process.stdout.write(`${files}\n`);
} else if (what === 'create') {
  const entries = readdirSync(out!, { recursive: true, withFileTypes: true }).map((e) => ({ file: e.isFile(), relative: path.relative(out!, path.join(e.parentPath, e.name)) }));
  const folders = entries.filter((e) => !e.file).map((e) => e.relative).sort(); // a parent sorts before its children
  const made = entries.filter((e) => e.file).map((e) => e.relative);
  if (made.length === 0) throw new Error(`no file under '${out}'`);
  const start = performance.now();
  mkdirSync(to!);
  for (const folder of folders) mkdirSync(path.join(to!, folder));
  for (const file of made) closeSync(openSync(path.join(to!, file), 'wx'));
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, files: made.length, folders: folders.length })}\n`);
} else {
  throw new Error(`unknown floor '${what}'`);
}
