/**
 * Fingerprints for the no-change shortcut: one hash of everything an output depends on. Two runs with the
 * same fingerprint produce the same bytes, so when the output folder still holds exactly what the last
 * run wrote (each file checked against its recorded hash), there is nothing to do.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sha256 = () => createHash('sha256');

/** The hash of one file's contents, as the manifest records it. */
export const contentHash = (contents: string | Uint8Array): string => sha256().update(contents).digest('base64url');

let generatorHash: string | undefined;

/**
 * The generator itself: its version and its sources, so that a new version — or a changed build — never
 * takes an old output for up to date. `npm run build` hashes the sources into the validators folder
 * (what an old build left behind cannot change it); without that file, every compiled module is hashed.
 * Computed once per process (it cannot change).
 */
export function generatorFingerprint(): string {
  if (generatorHash === undefined) {
    // The package.json as installed (its version) always counts; then the sources' hash of the build.
    const hash = sha256().update(readFileSync(new URL('../../package.json', import.meta.url)));
    try {
      generatorHash = hash.update(readFileSync(new URL('../validators/generator-fingerprint.txt', import.meta.url))).digest('base64url');
      return generatorHash;
    } catch {
      // not built by `npm run build`: hash what runs
    }
    const dir = fileURLToPath(new URL('./', import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort();
    for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(`${dir}/${file}`));
    generatorHash = hash.digest('base64url');
  }
  return generatorHash;
}

/** The fingerprint of a run's inputs, from labelled parts (catalog bytes, its name, templates, options). */
export function inputsFingerprint(parts: readonly (readonly [label: string, value: string | Uint8Array])[]): string {
  const hash = sha256().update(generatorFingerprint());
  for (const [label, value] of parts) hash.update(`\0${label}\0${value.length}\0`).update(value);
  return hash.digest('base64url');
}
