/** Shared test helpers: the CLI run in-process, temporary folders, folder snapshots. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../generator/cli.js';
import type { Diagnostic } from '../generator/diagnostics.js';
import * as assertion from 'uvu/assert';

/** The repository root (tests run from .build/test/). */
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = path.join(root, 'test', 'fixtures');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process, capturing what it prints. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const temporary: string[] = [];
process.on('exit', () => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A new empty temporary folder, removed when the process exits. */
export function tempDir(prefix = 'error-catalog-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Writes `text` as a catalog file in a new temporary folder and returns its path. */
export function catalogFile(text: string, name = 'catalog.yaml'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

/** Validates a catalog text through the CLI (`--format json`) and returns the exit code and diagnostics. */
export async function diagnose(text: string): Promise<{ code: number; diagnostics: Diagnostic[] }> {
  const result = await cli('validate', '--catalog', catalogFile(text), '--format', 'json');
  return { code: result.code, diagnostics: JSON.parse(result.stdout) as Diagnostic[] };
}

/** Every entry under `dir` (files with contents, symlinks with targets, folders), keyed by relative path. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string) => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isSymbolicLink()) out.set(rel, `symlink -> ${fs.readlinkSync(full)}`);
      else if (entry.isDirectory()) {
        out.set(rel + '/', 'dir');
        walk(full);
      } else out.set(rel, fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** A small valid catalog; `patch` edits lines of it in tests. */
export const MINIMAL = `version: 1
name: demo
title: Demo errors
typeBase: https://example.com/errors
locales: [en, fr]
groups:
  - id: orders
    title: { en: Orders, fr: Commandes }
    errors:
      - code: not-found
        status: 404
        title: Order not found
        description: No order has this id.
        resolution: Check the id.
      - code: out-of-stock
        status: 409
        title: Out of stock
        detail: Only {available} left of {sku}.
        extensions:
          available: { type: integer, minimum: 0 }
          sku: { type: string }
        example: { available: 2, sku: A-1, instance: /orders/7 }
        resolution: Order fewer, or wait for a restock.
`;

/** Asserts that `run` rejects, with an error matching `expected` (a pattern of its message, or a predicate). */
export async function rejects(run: () => Promise<unknown>, expected: RegExp | ((e: unknown) => boolean)): Promise<void> {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new assertion.Assertion({ message: 'expected a rejection', operator: 'rejects', expects: expected, actual: 'resolved', generated: false });
  const ok = expected instanceof RegExp ? expected.test((error as Error).message) : expected(error);
  if (!ok) throw new assertion.Assertion({ message: `unexpected error: ${(error as Error).message}`, operator: 'rejects', expects: expected, actual: error, generated: false });
}
