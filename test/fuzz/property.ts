/**
 * The fuzzing property, shared by the test (`fuzz.test.ts`, seeded, ~200 runs) and `npm run fuzz`
 * (`run.ts`, for a chosen time or count): structural mutations of the default and the hazards catalog
 * — deleted and retyped keys at every depth, deep nesting, regular expressions with their attack strings,
 * lone surrogates and NUL, huge strings, prototype names in every position — and what must hold for each:
 *
 *   - generate returns diagnostics (exit 0 or 1), never throws (that would be exit 2 and a stack trace);
 *   - a rejection has only positioned diagnostics and leaves the output folder byte for byte as it was;
 *   - after an accepted generate, check finds the folder up to date.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { check, generate } from '../../generator/index.js';
import { isUpToDate } from '../../generator/write.js';
import { RULES } from '../../generator/diagnostics.js';
import { snapshot } from '../helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

/** Patterns that backtrack catastrophically, each with an input that makes a backtracking engine hang. */
export const ATTACKS: readonly [string, string][] = [
  ['(a+)+$', `${'a'.repeat(61)}!`],
  ['^(\\w+\\s?)*$', `${'word '.repeat(30)}!`],
  ['(x|x)*y', 'x'.repeat(64)],
  ['^(a|aa)+$', `${'a'.repeat(60)}b`],
];
const SAFE_PATTERNS = ['^[a-z]+$', '^\\d{3}-\\d{4}$', '[A-Z]'];
const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Every path into a JSON value (the root excluded). */
function paths(value: Json, at: Segment[] = [], out: Segment[][] = []): Segment[][] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...at, i]), paths(v, [...at, i], out)));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.push([...at, k]), paths(v, [...at, k], out));
  return out;
}

const setOwn = (target: Record<string, Json>, key: string, value: Json) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** A copy of `root` with `edit` applied to the parent of `at` (by key), defining keys (never assigning `__proto__`). */
function mutateAt(root: Json, at: Segment[], edit: (parent: Record<string, Json> | Json[], key: Segment) => void): Json {
  const copy = structuredClone(root);
  let parent = copy as Record<string, Json> | Json[];
  for (const s of at.slice(0, -1)) parent = (parent as Record<string, Json>)[s as string] as Record<string, Json>;
  edit(parent, at[at.length - 1]!);
  return copy;
}

const deep = (levels: number, leaf: Json): Json => {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { type: 'array', items: v };
  return v;
};

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\uD83D', '\uDC00x', 'a\u0000b', '\u2028', '{x}', '{{', '}', '</script>', '*/', '${x}', ...PROTO),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.integer({ min: 30, max: 700 }).map((n) => deep(n, { type: 'string' })),
);

type Mutation = (value: Json) => fc.Arbitrary<Json>;

/** The mutations: each picks a place in the catalog value and changes it. */
const mutations: Mutation[] = [
  // delete a key or an item
  (v) => fc.constantFrom(...paths(v)).map((at) => mutateAt(v, at, (p, k) => (Array.isArray(p) ? p.splice(k as number, 1) : delete p[k as string]))),
  // retype a value
  (v) => fc.tuple(fc.constantFrom(...paths(v)), anyValue).map(([at, x]) => mutateAt(v, at, (p, k) => (Array.isArray(p) ? (p[k as number] = x) : setOwn(p, k as string, x)))),
  // add a key with a prototype name, or a random one, to some map
  (v) =>
    fc.tuple(fc.constantFrom(...paths(v).filter((at) => at.length > 0)), fc.oneof(fc.constantFrom(...PROTO), fc.string({ maxLength: 8 })), anyValue).map(([at, key, x]) =>
      mutateAt(v, at, (p, k) => {
        const target = (p as Record<string, Json>)[k as string];
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) setOwn(target as Record<string, Json>, key, x);
      }),
    ),
  // an extension member with a pattern (vulnerable, safe or unsupported), its example a matching attack string
  (v) =>
    fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...ATTACKS), fc.constantFrom(...SAFE_PATTERNS.map((p) => [p, 'abc'] as [string, string])), fc.constant(['(a)\\1', 'aa'] as [string, string])), fc.oneof(fc.constantFrom(...PROTO), fc.constant('m')), fc.boolean()).map(
      ([n, [pattern, attack], member, reviewed]) => {
        const copy = structuredClone(v) as { groups: { errors: Record<string, Json>[] }[] };
        const errors = Array.isArray(copy?.groups) ? copy.groups.flatMap((g) => (Array.isArray(g?.errors) ? g.errors.filter((e) => e !== null && typeof e === 'object' && !Array.isArray(e)) : [])) : [];
        if (errors.length === 0) return v;
        const error = errors[n % errors.length]!;
        const isMap = (x: Json | undefined): x is Record<string, Json> => x !== null && typeof x === 'object' && !Array.isArray(x);
        const extensions = isMap(error['extensions']) ? error['extensions'] : {};
        setOwn(extensions, member, { type: 'string', pattern, ...(reviewed ? { patternsReviewed: true } : {}) });
        error['extensions'] = extensions;
        const example = isMap(error['example']) ? error['example'] : {};
        setOwn(example, member, attack);
        error['example'] = example;
        return copy as unknown as Json;
      },
    ),
];

/** A mutated catalog text: one to three mutations, written as JSON or as YAML. */
export function mutatedCatalog(base: Json): fc.Arbitrary<string> {
  const once = (v: Json) => fc.oneof(...mutations.map((m) => m(v)));
  return fc
    .tuple(once(base), fc.nat({ max: 2 }), fc.boolean())
    .chain(([first, more, asJson]) => (more === 0 ? fc.constant([first, asJson] as const) : once(first).map((second) => [second, asJson] as const)))
    .map(([value, asJson]) => (asJson ? JSON.stringify(value) : stringify(value, { lineWidth: 0 })));
}

/** The default and hazards catalogs, as values to mutate. */
export function baseCatalogs(root: string): Json[] {
  return [path.join(root, 'catalog.yaml'), path.join(root, 'test', 'fixtures', 'hazards', 'catalog.yaml')].map((f) => parse(fs.readFileSync(f, 'utf8')) as Json);
}

/** What must hold for one catalog text; throws with the reason when it does not. */
export async function holds(text: string, work: string, baseline: Map<string, string>, baselineOut: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(work, 'case-'));
  const catalog = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(catalog, text);
  const out = path.join(dir, 'out');
  fs.cpSync(baselineOut, out, { recursive: true });
  try {
    const result = await generate({ catalog, out });
    if (!result.report) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) throw new Error('rejected without an error');
      for (const d of result.diagnostics) {
        if (!(d.rule in RULES) || d.line < 1 || d.column < 1 || !d.message) throw new Error(`diagnostic without a position or rule: ${JSON.stringify(d)}`);
      }
      const after = snapshot(out);
      if (after.size !== baseline.size || [...baseline].some(([f, c]) => after.get(f) !== c)) throw new Error('a rejected catalog changed the output folder');
      return;
    }
    const drift = await check({ catalog, out });
    if (!drift.drift || !isUpToDate(drift.drift)) throw new Error(`check after generate is not up to date: ${JSON.stringify(drift.drift)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A work folder with the baseline output every case starts from (the default catalog's). */
export async function prepare(root: string): Promise<{ work: string; baselineOut: string; baseline: Map<string, string> }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'error-catalog-fuzz-'));
  const baselineOut = path.join(work, 'baseline');
  const result = await generate({ catalog: path.join(root, 'catalog.yaml'), out: baselineOut });
  if (!result.report) throw new Error('the default catalog does not generate');
  return { work, baselineOut, baseline: snapshot(baselineOut) };
}

/** The property over both base catalogs. */
export function property(root: string, prepared: { work: string; baselineOut: string; baseline: Map<string, string> }) {
  const bases = baseCatalogs(root);
  return fc.asyncProperty(
    fc.oneof(...bases.map((b) => mutatedCatalog(b))),
    (text) => holds(text, prepared.work, prepared.baseline, prepared.baselineOut),
  );
}
