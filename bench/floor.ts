/**
 * What the bench compares the no-change runs with: the least such a run could take. Usage:
 *
 *   node floor.js start       nothing: Node's own start and exit (any run of a Node CLI takes this)
 *   node floor.js read OUT    reads and hashes every file under OUT, one after the other (what a check
 *                             without a stat cache cannot skip: the bytes on disk are what it verifies)
 *
 * Prints how many files it read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { contentHash } from '../generator/fingerprint.js';

const [what, out] = process.argv.slice(2);
let files = 0;
if (what === 'read') {
  for (const entry of readdirSync(out!, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    contentHash(readFileSync(path.join(entry.parentPath, entry.name))); // the hash the check compares with the manifest
    files++;
  }
  if (files === 0) throw new Error(`no file under '${out}'`);
} else if (what !== 'start') {
  throw new Error(`unknown floor '${what}'`);
}
process.stdout.write(`${files}\n`);
