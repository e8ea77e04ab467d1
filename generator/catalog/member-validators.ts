/**
 * Extension members' schemas, each judged once and the verdicts kept between runs.
 *
 * Ajv compiles a member's schema to a validator. Its code (Ajv's standalone form: a CommonJS module) and
 * every verdict on a schema (what is wrong with it) are kept in the compile cache folder, in one file
 * (`members-<hash>.json`) named by the generator's fingerprint and the installed versions of Ajv,
 * ajv-formats and re2js. A run whose member schemas were all judged before loads no Ajv (~40 ms) and
 * compiles nothing.
 *
 * - Each entry is stored with its own hash: a damaged one is judged again, never run.
 * - A validator always runs from its code, freshly compiled or cached, so both paths run the same thing.
 * - The file keeps the entries of the last run first, then older ones (see TextCache).
 */
import { createRequire } from 'node:module';
import * as vm from 'node:vm';
import type { ErrorObject } from 'ajv';
import { TextCache, installedVersion } from '../cache-files.js';
import { generatorFingerprint } from '../fingerprint.js';
import type { Path } from './load.js';
import { linearRegExp } from './patterns.js';

const require = createRequire(import.meta.url);

/** A member's validator: Ajv's validate function, which leaves its errors on itself. */
export type MemberValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** What a member's schema was judged: the code of its validator, or what is wrong with it (neither: it cannot be checked safely). */
export interface MemberVerdict {
  readonly code?: string;
  readonly problem?: string;
  /** The schema nests deeper than MAX_SCHEMA_DEPTH: it is not compiled at all. */
  readonly tooDeep?: boolean;
  readonly at?: { readonly path: Path; readonly key: boolean };
}

export class MemberVerdicts {
  private readonly texts: TextCache;

  /** `folder`: where the cache file is (none: judge every schema anew). */
  constructor(folder: string | undefined) {
    // At most 256 entries (each one distinct member schema, 1–5 KB) unless a run uses more; 4 files (generator and library versions).
    this.texts = new TextCache(folder, 'members', () => [generatorFingerprint(), ['ajv', 'ajv-formats', 're2js'].map(installedVersion)], { entries: 256, files: 4 });
  }

  /**
   * The member whose schema's JSON text is `key`: as judged before, or judged now by `judge` (and then kept).
   * A cached verdict whose code does not run is judged again.
   */
  member(key: string, judge: () => MemberVerdict): CompiledMember {
    const cached = this.texts.get(key);
    const fromCache = cached === undefined ? undefined : compiled(parsed(cached));
    if (fromCache) return fromCache;
    const verdict = judge();
    this.texts.set(key, JSON.stringify(verdict));
    const fresh = compiled(verdict);
    if (!fresh) throw new Error(`the validator Ajv compiled for the member schema ${key} does not run`);
    return fresh;
  }

  /** Writes the cache file if a schema was judged anew. */
  save(): void {
    this.texts.save();
  }
}

/** A cached text as JSON, or undefined when it is none. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A member as the rules use it: its validator ready to run. */
export interface CompiledMember extends Omit<MemberVerdict, 'code'> {
  readonly validate?: MemberValidator;
}

/** The member a verdict describes; undefined for what is no verdict, or code that does not run (a damaged entry). */
function compiled(verdict: unknown): CompiledMember | undefined {
  if (verdict === null || typeof verdict !== 'object' || Array.isArray(verdict)) return undefined;
  const { code, ...rest } = verdict as MemberVerdict;
  if (code === undefined) return rest;
  if (typeof code !== 'string') return undefined;
  try {
    const module = { exports: {} as unknown };
    const define = vm.compileFunction(code, ['module', 'exports', 'require', 'linearRegExp'], { filename: 'member-validator.cjs' });
    define(module, module.exports, require, linearRegExp);
    return typeof module.exports === 'function' ? { ...rest, validate: module.exports as MemberValidator } : undefined;
  } catch {
    return undefined;
  }
}

/** A validator's errors as one line, as Ajv's `errorsText` writes them (`value/limit must be >= 0, …`). */
export function errorsText(errors: readonly ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'No errors';
  return errors.map((e) => `value${e.instancePath} ${String(e.message)}`).join(', ');
}
