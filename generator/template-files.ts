/**
 * Reads a template folder's files: the `*.hbs` templates and partials and the `strings/*.json` page strings,
 * by relative path in code-point order. Light on purpose (no Handlebars): the no-change shortcut hashes
 * these bytes, and the same bytes are then parsed by templates.ts, so a run reads the folder once.
 */
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

export interface TemplateFile {
  /** `/`-separated, relative to the folder. */
  readonly path: string;
  readonly bytes: Buffer;
}

async function walk(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The folder's template files. Throws (ENOENT, ENOTDIR, EACCES…) only when it cannot be read. */
export async function readTemplateFiles(dir: string): Promise<TemplateFile[]> {
  const names = (await walk(dir)).filter((n) => n.endsWith('.hbs') || /^strings\/[^/]+\.json$/.test(n));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(names.map(async (name) => ({ path: name, bytes: await readFile(path.join(dir, name)) })));
}
