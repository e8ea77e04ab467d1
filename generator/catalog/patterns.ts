/**
 * Regular expressions of extension schemas (`pattern`, `patternProperties`), which the generated schemas
 * and validators carry into every consumer, where they run against untrusted request bodies.
 *
 * - The generator itself only ever runs them with RE2 (re2js: linear time), so no catalog can stall a run.
 * - Each is checked for catastrophic backtracking with recheck, the standard ReDoS checker: a vulnerable
 *   pattern is refused with the attack string it found, unless the member says `patternsReviewed: true`.
 * - A pattern RE2 cannot run (backreferences, lookaround) is refused too, with the reason: the generator
 *   could not check examples against it safely.
 */
import { createRequire } from 'node:module';
import type { RE2JS as RE2 } from 're2js';

const require = createRequire(import.meta.url);

/** RE2, loaded on the first pattern (~15 ms; most catalogs have none). */
let re2: typeof RE2 | undefined;
const RE2JS = (): typeof RE2 => (re2 ??= (require('re2js') as { RE2JS: typeof RE2 }).RE2JS);

/** An object with `test`, as Ajv's `code.regExp` option wants: the pattern run by RE2, in linear time. */
export function linearRegExp(pattern: string, flags: string): { test: (input: string) => boolean } {
  const compiled = RE2JS().compile(pattern, flags.includes('i') ? RE2JS().CASE_INSENSITIVE : 0);
  return { test: (input) => compiled.test(input) };
}
// Ajv generates code that names the function; it must say where it comes from.
linearRegExp.code = 'linearRegExp';

/** Why RE2 cannot run `pattern`, or undefined when it can. */
export function re2Problem(pattern: string): string | undefined {
  try {
    RE2JS().compile(pattern);
    return undefined;
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, '');
    const what = /\\[1-9]|\\k</.test(pattern) ? 'a backreference' : /\(\?<?[=!]/.test(pattern) ? 'a lookaround' : 'syntax RE2 does not have';
    return `it uses ${what} (${message}), which cannot be matched in linear time`;
  }
}

export interface RedosVerdict {
  readonly status: 'safe' | 'vulnerable' | 'unknown';
  /** For a vulnerable pattern: the attack string, as a short expression (`'a' + 'a'.repeat(31) + '!'`). */
  readonly attack?: string;
  /** `exponential` or `polynomial`, when vulnerable. */
  readonly complexity?: string;
}

type Recheck = { checkSync: (source: string, flags: string, params?: object) => { status: string; attack?: { pattern: string }; complexity?: { type: string } } };
let recheck: Recheck | undefined;

/** recheck's verdict on one pattern (loaded on first use: most catalogs have no pattern). */
export function checkRedos(pattern: string): RedosVerdict {
  recheck ??= require('recheck') as Recheck;
  const result = recheck.checkSync(pattern, 'u', { timeout: 5000 });
  if (result.status === 'vulnerable') {
    return { status: 'vulnerable', ...(result.attack ? { attack: result.attack.pattern } : {}), ...(result.complexity ? { complexity: result.complexity.type } : {}) };
  }
  return { status: result.status === 'safe' ? 'safe' : 'unknown' };
}

/** Every regular expression in a schema, with its path: `pattern` values and `patternProperties` keys. */
export function patternsOf(schema: unknown, path: readonly (string | number)[] = []): { pattern: string; path: (string | number)[]; key: boolean }[] {
  const out: { pattern: string; path: (string | number)[]; key: boolean }[] = [];
  const walk = (value: unknown, at: (string | number)[], named: boolean) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...at, i], false));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (!named && key === 'pattern' && typeof v === 'string') out.push({ pattern: v, path: [...at, key], key: false });
      else if (!named && key === 'patternProperties' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        for (const [regex, sub] of Object.entries(v)) {
          out.push({ pattern: regex, path: [...at, key, regex], key: true });
          walk(sub, [...at, key, regex], false);
        }
      } else walk(v, [...at, key], !named && (key === 'properties' || key === 'dependentSchemas' || key === '$defs'));
    }
  };
  walk(schema, [...path], false);
  return out;
}

/** The nesting depth of a JSON value (a scalar is 0, `{}` and `[]` are 1). Iterative: any depth is safe to measure. */
export function depthOf(value: unknown): { depth: number; deepest: (string | number)[] } {
  let best = { depth: 0, deepest: [] as (string | number)[] };
  const stack: { value: unknown; depth: number; path: (string | number)[] }[] = [{ value, depth: 0, path: [] }];
  while (stack.length) {
    const { value: v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > best.depth) best = { depth: depth + 1, deepest: path };
    for (const [k, child] of Object.entries(v)) stack.push({ value: child, depth: depth + 1, path: [...path, Array.isArray(v) ? Number(k) : k] });
  }
  return best;
}
