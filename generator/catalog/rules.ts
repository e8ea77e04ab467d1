/**
 * Semantic rules: what the catalog schema cannot say. Each rule is a small named function over the
 * loaded value. Rules run even when the shape is partly wrong, so they read the value defensively and
 * skip what is not of the expected shape (the schema diagnostics already cover it).
 */
import type { Diagnostic, RuleId } from '../diagnostics.js';
import { pointerToPath } from './load.js';
import type { LoadedSource, Path } from './load.js';
import { MAX_SCHEMA_DEPTH, STANDARD_MEMBERS, TEXT_FIELDS, parseTemplate, placeholders, splitMember } from './derive.js';
import { checkRedos, depthOf, linearRegExp, patternsOf, re2Problem } from './patterns.js';
import type { RedosVerdict } from './patterns.js';
import { RESERVED_NAMES, errorIdentifiers, globalErrorName, groupIdentifiers, groupName, normalizeBase, typeUri, anchorOf } from '../naming.js';
import { closest } from '../diagnostics.js';
import { createAjv, standaloneCode } from './ajv.js';
import type { Ajv2020 } from './ajv.js';
import { loadPrecompiled } from './schema-files.js';
import { MemberVerdicts, errorsText } from './member-validators.js';
import type { CompiledMember, MemberVerdict } from './member-validators.js';

type Obj = { readonly [key: string]: unknown };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/**
 * A value of the input as a message shows it: a string as it is, anything else as JSON. Never `String(v)`
 * on an input value: an object whose `toString` is not a function (`{ toString: null }`) makes it throw.
 */
function shown(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v; // a value JSON cannot write
  }
}

/** A group and one of its errors as found in the value, with their paths. */
interface ErrorEntry {
  readonly group: Obj;
  readonly groupPath: Path;
  readonly error: Obj;
  readonly path: Path;
}

/** What a rule sees: the value and a way to report at a path. */
class RuleContext {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly value: Obj,
    private readonly loaded: LoadedSource,
    private readonly cache: string | undefined,
  ) {}

  report(rule: RuleId, path: Path, message: string, options: { key?: boolean } = {}): void {
    this.diagnostics.push(this.loaded.source.diagnostic(rule, this.loaded.locate(path, options), message));
  }

  /** Reports on `needle` inside the value at `path` when it is written there once, on the whole value otherwise. */
  reportWithin(rule: RuleId, path: Path, needle: string, message: string): void {
    const span = this.loaded.locate(path);
    const written = this.loaded.source.text.slice(span.start, span.end);
    const at = written.indexOf(needle);
    const narrowed = needle !== '' && at !== -1 && written.indexOf(needle, at + 1) === -1 ? { start: span.start + at, end: span.start + at + needle.length } : span;
    this.diagnostics.push(this.loaded.source.diagnostic(rule, narrowed, message));
  }

  line(path: Path): number {
    return this.loaded.source.position(this.loaded.locate(path).start).line;
  }

  private groupList: { group: Obj; path: Path }[] | undefined;
  private errorList: ErrorEntry[] | undefined;

  /** The groups that are maps, with their paths (computed once; every rule walks them). */
  groups(): { group: Obj; path: Path }[] {
    const groups = this.value['groups'];
    this.groupList ??= Array.isArray(groups) ? groups.flatMap((group, i) => (isObj(group) ? [{ group, path: ['groups', i] }] : [])) : [];
    return this.groupList;
  }

  /** Every error that is a map, with its group and path (computed once). */
  errors(): ErrorEntry[] {
    this.errorList ??= this.groups().flatMap(({ group, path: groupPath }) => {
      const errors = group['errors'];
      if (!Array.isArray(errors)) return [];
      return errors.flatMap((error, j) =>
        isObj(error) ? [{ group, groupPath, error, path: [...groupPath, 'errors', j] }] : [],
      );
    });
    return this.errorList;
  }

  locales(): string[] {
    const locales = this.value['locales'];
    return Array.isArray(locales) ? locales.filter((l): l is string => typeof l === 'string') : [];
  }

  /** Visits every text of the catalog, with the path of what holds it and its field (a path is made only when needed). */
  eachText(visit: (text: unknown, owner: Path, field: string) => void): void {
    const visitAll = (owner: Obj, base: Path, fields: readonly string[]) => {
      for (const field of fields) if (owner[field] !== undefined) visit(owner[field], base, field);
    };
    visitAll(this.value, [], TEXT_FIELDS.catalog);
    for (const { group, path } of this.groups()) visitAll(group, path, TEXT_FIELDS.group);
    for (const { error, path } of this.errors()) visitAll(error, path, TEXT_FIELDS.error);
  }

  /** One Ajv per run for the catalog's own schemas, so no state leaks between runs; made only to judge a schema not judged before. */
  private ajv: Ajv2020 | undefined;
  private meta: ReturnType<typeof loadPrecompiled> | null | undefined;
  private members: MemberVerdicts | undefined;
  private readonly compiled = new Map<string, CompiledMember>();
  /** The same, by the schema object as found in the value: three rules ask for each member's. */
  private readonly compiledFor = new WeakMap<Obj, CompiledMember>();

  /** An extension member's schema, judged once per distinct schema (and kept between runs): a validator, or what is wrong with it. */
  compileMember(schema: Obj): CompiledMember {
    const known = this.compiledFor.get(schema);
    if (known) return known;
    const json = memberSchema(schema);
    const key = JSON.stringify(json);
    let result = this.compiled.get(key);
    if (!result) {
      this.members ??= new MemberVerdicts(this.cache);
      result = this.members.member(key, () => this.judge(json));
      this.compiled.set(key, result);
    }
    this.compiledFor.set(schema, result);
    return result;
  }

  private judge(schema: Obj): MemberVerdict {
    if (depthOf(schema).depth > MAX_SCHEMA_DEPTH) return { problem: 'too deep', tooDeep: true };
    // Schemas are checked against the meta-schema by the precompiled validator when there is one,
    // which spares Ajv compiling the meta-schema (~0.1 s) on every run.
    this.meta ??= loadPrecompiled('meta-2020.cjs') ?? null;
    // Examples are checked with RE2 only, reviewed patterns included: no catalog can make a run backtrack.
    this.ajv ??= createAjv({ allErrors: true, validateSchema: this.meta === null, code: { source: true, regExp: linearRegExp } });
    return compileSchema(this.ajv, this.meta, schema);
  }

  /** Writes what was judged anew to the cache (see member-validators.ts). */
  finish(): void {
    this.members?.save();
  }

  private readonly verdicts = new Map<string, RedosVerdict>();

  /** recheck's verdict on a pattern, once per distinct pattern per run. */
  redos(pattern: string): RedosVerdict {
    let verdict = this.verdicts.get(pattern);
    if (!verdict) {
      verdict = checkRedos(pattern);
      this.verdicts.set(pattern, verdict);
    }
    return verdict;
  }
}

/** Reports every value seen twice, at the later place, naming the line of the first. */
function reportDuplicates<T>(
  ctx: RuleContext,
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  pathOf: (item: T) => Path,
  report: (item: T, key: string, firstLine: number, first: T) => void,
): void {
  const first = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, item);
    else report(item, key, ctx.line(pathOf(seen)), seen);
  }
}

function duplicateGroups(ctx: RuleContext): void {
  reportDuplicates(
    ctx,
    ctx.groups(),
    ({ group }) => str(group['id']),
    ({ path }) => [...path, 'id'],
    ({ path }, id, line) => ctx.report('duplicate-group', [...path, 'id'], `group id '${id}' is already used by the group on line ${line}`),
  );
}

function duplicateCodes(ctx: RuleContext): void {
  for (const { group, path } of ctx.groups()) {
    const errors = Array.isArray(group['errors']) ? group['errors'] : [];
    const entries = errors.flatMap((error, j) => (isObj(error) ? [{ error, path: [...path, 'errors', j] as Path }] : []));
    reportDuplicates(
      ctx,
      entries,
      ({ error }) => str(error['code']),
      (e) => [...e.path, 'code'],
      (e, code, line) =>
        ctx.report('duplicate-code', [...e.path, 'code'], `code '${code}' is already used in group '${shown(group['id'])}' on line ${line}`),
    );
  }
}

function duplicateTypeUris(ctx: RuleContext): void {
  const raw = str(ctx.value['typeBase']);
  if (raw === undefined) return;
  const base = normalizeBase(raw);
  reportDuplicates(
    ctx,
    ctx.errors(),
    ({ group, error }) => {
      const id = str(group['id']);
      const code = str(error['code']);
      if (id === undefined || code === undefined) return undefined;
      return typeUri(base, { id, typeBase: str(group['typeBase']) }, { code, type: str(error['type']) });
    },
    (e) => [...e.path, e.error['type'] !== undefined ? 'type' : 'code'],
    (e, uri, line, first) => {
      // The same code twice in a group is reported once, as a duplicate code.
      if (first.group === e.group && first.error['code'] === e.error['code'] && e.error['type'] === undefined && first.error['type'] === undefined) return;
      ctx.report('duplicate-type-uri', [...e.path, e.error['type'] !== undefined ? 'type' : 'code'], `type URI '${uri}' is already the type of the error on line ${line}`);
    },
  );
}

/** One page for every group (`pages.perGroup: false`) cannot give repeated fragments each their own anchor. */
function pageAnchors(ctx: RuleContext): void {
  const pages = ctx.value['pages'];
  const raw = str(ctx.value['typeBase']);
  if (!isObj(pages) || pages['perGroup'] !== false || raw === undefined) return;
  const seen = new Map<string, string>();
  for (const { group, error } of ctx.errors()) {
    const id = str(group['id']);
    const code = str(error['code']);
    if (id === undefined || code === undefined) continue;
    const anchor = anchorOf({ type: typeUri(normalizeBase(raw), { id, typeBase: str(group['typeBase']) }, { code, type: str(error['type']) }), code });
    const other = seen.get(anchor);
    if (other !== undefined && other !== id) {
      ctx.report('page-anchor-collision', ['pages', 'perGroup'], `the fragment '#${anchor}' is used in groups '${other}' and '${id}': on one page, '${id}/${code}' gets the anchor '${id}-${code}' and its type URI does not land on it; remove 'perGroup: false' to give each group its page`);
      return;
    }
    seen.set(anchor, id);
  }
}

function extensionsOf(error: Obj): [string, Obj][] {
  const extensions = error['extensions'];
  if (!isObj(extensions)) return [];
  return Object.entries(extensions).flatMap(([name, schema]) => (isObj(schema) ? [[name, schema] as [string, Obj]] : []));
}

function detailPlaceholders(ctx: RuleContext): void {
  for (const { error, path } of ctx.errors()) {
    const detail = error['detail'];
    const variants: [string, Path][] =
      typeof detail === 'string'
        ? [[detail, [...path, 'detail']]]
        : isObj(detail)
          ? Object.entries(detail).flatMap(([locale, t]) => (typeof t === 'string' ? [[t, [...path, 'detail', locale]] as [string, Path]] : []))
          : [];
    const members = new Map(extensionsOf(error));
    for (const [template, at] of variants) {
      const parsed = parseTemplate(template);
      for (const e of parsed.errors) {
        const written = /^\{[^{}\s]*\}?|^[\s\S]/.exec(template.slice(e.index))![0];
        ctx.reportWithin('detail-syntax', at, written, `detail template, character ${e.index + 1}: ${e.message}`);
      }
      for (const name of placeholders(parsed)) {
        const member = members.get(name);
        if (member === undefined) {
          const declared = [...members.keys()];
          const guess = closest(name, declared);
          ctx.reportWithin(
            'detail-unknown-placeholder',
            at,
            `{${name}}`,
            `placeholder {${name}} names no extension member of '${shown(error['code'])}'` +
              (guess ? ` (did you mean {${guess}}?)` : declared.length ? ` (declared: ${declared.join(', ')})` : ' (it declares none)'),
          );
        } else if (member['optional'] === true) {
          ctx.reportWithin('detail-optional-placeholder', at, `{${name}}`, `placeholder {${name}} names optional member '${name}': the detail could not be rendered without it; make it required`);
        }
      }
    }
  }
}

function extensionShadows(ctx: RuleContext): void {
  for (const { error, path } of ctx.errors()) {
    for (const [name] of extensionsOf(error)) {
      if (STANDARD_MEMBERS.includes(name)) {
        ctx.report('extension-shadows-member', [...path, 'extensions', name], `extension member '${name}' has the name of a standard problem member (${STANDARD_MEMBERS.join(', ')})`, { key: true });
      }
    }
  }
}

/** The member's JSON Schema without the catalog's own flags (`optional`, `patternsReviewed`). */
export function memberSchema(schema: Obj): Obj {
  return splitMember(schema).schema;
}

function extensionSchemas(ctx: RuleContext): void {
  for (const { error, path } of ctx.errors()) {
    for (const [name, schema] of extensionsOf(error)) {
      const { problem, at, tooDeep } = ctx.compileMember(schema);
      if (tooDeep) {
        const { depth, deepest } = depthOf(memberSchema(schema));
        ctx.report(
          'schema-too-deep',
          [...path, 'extensions', name, ...deepest.slice(0, MAX_SCHEMA_DEPTH)],
          `schema of extension member '${name}' nests ${depth} levels deep; at most ${MAX_SCHEMA_DEPTH} are allowed (no real payload needs more, and validators recurse on it)`,
        );
      } else if (problem) {
        const where: Path = [...path, 'extensions', name, ...(at?.path ?? [])];
        ctx.report('extension-schema-invalid', where, `schema of extension member '${name}' is not valid JSON Schema 2020-12: ${problem}`, { key: at?.key ?? at === undefined });
      }
    }
  }
}

/**
 * Every regular expression of an extension schema: RE2 must be able to run it (the generator checks
 * examples with RE2 only), and recheck must find no catastrophic backtracking — unless the member says
 * `patternsReviewed: true`.
 */
function schemaPatterns(ctx: RuleContext): void {
  for (const { error, path } of ctx.errors()) {
    for (const [name, raw] of extensionsOf(error)) {
      // A schema too deep is reported once, by extensionSchemas (compileMember is cached per schema).
      if (ctx.compileMember(raw).tooDeep) continue;
      const { schema, patternsReviewed } = splitMember(raw);
      for (const found of patternsOf(schema)) {
        const at: Path = [...path, 'extensions', name, ...found.path];
        const unsupported = re2Problem(found.pattern);
        if (patternsReviewed) {
          // Reviewed: no ReDoS check; but the generator still runs nothing but RE2, so say what goes unchecked.
          if (unsupported) ctx.report('pattern-unchecked', at, `reviewed pattern ${JSON.stringify(found.pattern)} of member '${name}': ${unsupported}, so examples are not checked against it`, { key: found.key });
          continue;
        }
        if (unsupported) {
          ctx.report('pattern-unsupported', at, `pattern ${JSON.stringify(found.pattern)} of member '${name}': ${unsupported}; rewrite it, or set 'patternsReviewed: true' on the member once reviewed`, { key: found.key });
          continue;
        }
        const verdict = ctx.redos(found.pattern);
        if (verdict.status === 'vulnerable') {
          ctx.report(
            'pattern-redos',
            at,
            `pattern ${JSON.stringify(found.pattern)} of member '${name}' backtracks catastrophically (${verdict.complexity ?? 'super-linear'} time) on input like ${verdict.attack ?? 'a crafted string'}: every validator built from the generated schemas would hang on such a request body; rewrite it, or set 'patternsReviewed: true' on the member once reviewed`,
            { key: found.key },
          );
        } else if (verdict.status === 'unknown') {
          ctx.report('pattern-unchecked', at, `pattern ${JSON.stringify(found.pattern)} of member '${name}' could not be proven free of catastrophic backtracking in the time allowed; review it, then set 'patternsReviewed: true' on the member`, { key: found.key });
        }
      }
    }
  }
}

const REFERENCE_KEYWORDS = new Set(['$ref', '$dynamicRef', '$defs', 'definitions', '$anchor', '$dynamicAnchor']);
const NAMED_SUBSCHEMAS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);

/** The first keyword of `keywords` used anywhere in a schema (names under `properties` are not keywords). */
function findKeyword(schema: unknown, keywords: ReadonlySet<string>): string | undefined {
  if (Array.isArray(schema)) {
    for (const item of schema) {
      const found = findKeyword(item, keywords);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObj(schema)) return undefined;
  for (const [key, value] of Object.entries(schema)) {
    if (keywords.has(key)) return key;
    const found = NAMED_SUBSCHEMAS.has(key) && isObj(value) ? findKeyword(Object.values(value), keywords) : findKeyword(value, keywords);
    if (found) return found;
  }
  return undefined;
}

/** Keywords whose values are data or names, not schemas. */
const VALUE_KEYWORDS = new Set(['const', 'enum', 'examples', 'default', 'required', 'dependentRequired', 'description', 'title', '$comment']);

/**
 * A key no schema may have: a keyword named like a member of Object.prototype (`__proto__`, `hasOwnProperty`:
 * Ajv takes them for known keywords), or a property named `hasOwnProperty` (json-schema-to-typescript
 * cannot type it).
 */
function hostileKey(schema: unknown, path: Path = []): { path: Path; problem: string } | undefined {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) {
      const found = hostileKey(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObj(schema)) return undefined;
  for (const [key, value] of Object.entries(schema)) {
    if (key in Object.prototype) return { path: [...path, key], problem: `'${key}' is not a JSON Schema keyword` };
    if (VALUE_KEYWORDS.has(key)) continue;
    if (NAMED_SUBSCHEMAS.has(key) && isObj(value)) {
      for (const [name, sub] of Object.entries(value)) {
        if (name === 'hasOwnProperty') return { path: [...path, key, name], problem: `a property named 'hasOwnProperty' is not supported (no TypeScript type can be generated for it)` };
        const found = hostileKey(sub, [...path, key, name]);
        if (found) return found;
      }
      continue;
    }
    const found = hostileKey(value, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function compileSchema(ajv: Ajv2020, meta: ReturnType<typeof loadPrecompiled> | null, schema: Obj): MemberVerdict {
  const hostile = hostileKey(schema);
  if (hostile) return { problem: hostile.problem, at: { path: hostile.path, key: true } };
  const valid = meta ? meta(schema) : ajv.validateSchema(schema);
  if (!valid) {
    // The meta-schema reports one failure several ways (enum, then anyOf); the first says it best.
    const first = (meta ? meta.errors : ajv.errors)?.[0];
    const keyword = first?.instancePath.slice(1).replace(/\//g, '.') || 'schema';
    const at = { path: pointerToPath(first?.instancePath ?? ''), key: false };
    if (first?.keyword === 'enum') {
      const allowed = (first.params['allowedValues'] as unknown[]).map(String);
      const value = first.data ?? valueAt(schema, at.path);
      const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
      return { at, problem: `${keyword}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}` };
    }
    return { at, problem: `${keyword} ${first?.message ?? 'is invalid'}` };
  }
  if ('$id' in schema || '$schema' in schema) return { problem: "'$id' and '$schema' are set by the generator" };
  const reference = findKeyword(schema, REFERENCE_KEYWORDS);
  if (reference) return { problem: `'${reference}' is not supported: an extension member's schema must be self-contained` };
  try {
    return { code: standaloneCode(ajv, ajv.compile(schema)) };
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!;
    // A pattern RE2 cannot run is reported once, by the pattern rule; its examples go unchecked.
    if (/^error parsing regexp/.test(message)) return {};
    const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
    const path = unknown === undefined ? undefined : findKeyPath(schema, unknown);
    return { problem: message, ...(path ? { at: { path, key: true } } : {}) };
  }
}

function valueAt(schema: unknown, path: Path): unknown {
  let value = schema;
  for (const segment of path) value = isObj(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

/** The path of the first key named `key` in a schema (depth first). */
function findKeyPath(value: unknown, key: string, path: Path = []): Path | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findKeyPath(item, key, [...path, i]);
      if (found) return found;
    }
  } else if (isObj(value)) {
    if (key in value) return [...path, key];
    for (const [k, v] of Object.entries(value)) {
      const found = findKeyPath(v, key, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

function examples(ctx: RuleContext): void {
  for (const { error, path } of ctx.errors()) {
    const example = error['example'];
    if (!isObj(example)) continue;
    const at: Path = [...path, 'example'];
    const members = new Map(extensionsOf(error));
    for (const [key, value] of Object.entries(example)) {
      if (key === 'detail') {
        if (typeof value !== 'string') ctx.report('example-invalid', [...at, key], `example 'detail' must be a string`);
      } else if (key === 'instance') {
        // RFC 9457: a URI reference; the generated schemas check it, so the example must pass.
        const { validate } = ctx.compileMember({ type: 'string', format: 'uri-reference' });
        if (validate && !validate(value)) ctx.report('example-invalid', [...at, key], `example 'instance' must be a URI reference (RFC 9457), like '/traces/1234', not ${JSON.stringify(value)}`);
      } else if (key === 'status' && Array.isArray(error['status'])) {
        if (!(error['status'] as unknown[]).includes(value)) {
          ctx.report('example-invalid', [...at, key], `example 'status' must be one of the error's statuses (${(error['status'] as unknown[]).map(shown).join(', ')}), not ${JSON.stringify(value)}`);
        }
      } else if (key === 'type' || key === 'title' || key === 'status') {
        ctx.report('example-invalid', [...at, key], `example '${key}' is derived from the error; remove it`, { key: true });
      } else {
        const schema = members.get(key);
        if (!schema) {
          ctx.report('example-invalid', [...at, key], `example member '${key}' is not an extension member of '${shown(error['code'])}'`, { key: true });
        } else {
          const { validate } = ctx.compileMember(schema);
          if (validate && !validate(value)) ctx.report('example-invalid', [...at, key], `example member '${key}': ${errorsText(validate.errors)}`);
        }
      }
    }
    for (const [name, schema] of members) {
      if (schema['optional'] !== true && !Object.hasOwn(example, name)) {
        ctx.report('example-invalid', at, `example lacks required extension member '${name}'`);
      }
    }
  }
}

function catalogExample(ctx: RuleContext): void {
  const ref = str(ctx.value['example']);
  if (ref === undefined) return;
  const [groupId, code] = ref.split('/');
  const found = ctx.errors().find(({ group, error }) => group['id'] === groupId && error['code'] === code);
  if (!found) ctx.report('example-reference', ['example'], `example '${ref}' names no error of the catalog`);
  else if (!isObj(found.error['example'])) ctx.report('example-reference', ['example'], `example '${ref}' names an error that has no example`);
}

/** A tombstone's `replacedBy` names a live problem of the catalog. */
function tombstones(ctx: RuleContext): void {
  const live = new Set(ctx.errors().filter(({ error }) => !isObj(error['removed'])).map(({ group, error }) => `${shown(group['id'])}/${shown(error['code'])}`));
  for (const { error, path } of ctx.errors()) {
    const removed = error['removed'];
    const target = isObj(removed) ? str(removed['replacedBy']) : undefined;
    if (target !== undefined && !live.has(target)) ctx.report('tombstone-replacement', [...path, 'removed', 'replacedBy'], `replacedBy '${target}' names no live problem of the catalog`);
  }
}

function translations(ctx: RuleContext): void {
  const locales = ctx.locales();
  if (locales.length === 0) return;
  const [defaultLocale] = locales;
  const declared = new Set(locales);
  ctx.eachText((text, owner, field) => {
    if (!isObj(text)) return;
    const keys = Object.keys(text);
    // The usual case, with nothing to report: every locale of the catalog and no other.
    if (keys.length === locales.length && keys.every((key) => declared.has(key))) return;
    const path = [...owner, field];
    for (const key of keys) {
      if (!declared.has(key) && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(key)) {
        ctx.report('locale-undeclared', [...path, key], `translation in '${key}', which is not one of the catalog's locales (${locales.join(', ')})`, { key: true });
      }
    }
    if (keys.length === 0) return;
    const missing = locales.filter((l) => !keys.includes(l));
    if (missing.includes(defaultLocale!)) {
      ctx.report('translation-missing', path, `text has no '${defaultLocale}' (default locale) version; the first translation stands in for it`);
    }
    const others = missing.filter((l) => l !== defaultLocale);
    if (others.length) {
      ctx.report('translation-missing', path, `text has no ${others.map((l) => `'${l}'`).join(', ')} translation; the '${defaultLocale}' text is used`);
    }
  });
}

const GROUP_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CODE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9])?$/;

/**
 * Enum members need no check of their own: two errors of a group with the same member name also share
 * their catalog-wide name (group name + member name), which is checked here.
 */
function identifiers(ctx: RuleContext): void {
  // Every identifier the TypeScript output would declare, with the entry that declares it: one owner per
  // group or error, shared by its identifiers, so that a claim costs one look-up and no allocation.
  interface Owner {
    readonly what: string;
    readonly path: Path;
  }
  const owners = new Map<string, Owner>();
  const reported = new Set<string>();
  const claim = (identifier: string, owner: Owner) => {
    const other = owners.get(identifier);
    if (other?.what === owner.what) return; // the same entry (or one of the same name, reported as a duplicate)
    if (RESERVED_NAMES.has(identifier)) {
      if (reported.has(owner.what)) return;
      reported.add(owner.what);
      ctx.report('identifier-collision', owner.path, `${owner.what} would declare '${identifier}', a name the generated module already uses; set 'name' to choose another`);
    } else if (other) {
      // One diagnostic per pair of entries, naming the first identifier they share.
      const pair = `${other.what}\0${owner.what}`;
      if (reported.has(pair)) return;
      reported.add(pair);
      ctx.report('identifier-collision', owner.path, `${owner.what} and ${other.what} (line ${ctx.line(other.path)}) both become the TypeScript identifier '${identifier}'; set 'name' on one of them`);
    } else {
      owners.set(identifier, owner);
    }
  };
  // Claims go in document order, so a clash is reported at the later of the two entries.
  // Ids and codes of the wrong form are reported as such, not again as the names they would give.
  const wellFormed = (v: string | undefined, pattern: RegExp) => (v !== undefined && pattern.test(v) ? v : undefined);
  for (const { group, path } of ctx.groups()) {
    const id = wellFormed(str(group['id']), GROUP_ID);
    if (id === undefined) continue;
    const name = str(group['name']);
    const groupOwner: Owner = { what: `group '${id}'`, path: [...path, name ? 'name' : 'id'] };
    for (const identifier of Object.values(groupIdentifiers(groupName({ id, name })))) claim(identifier, groupOwner);
    const errors = Array.isArray(group['errors']) ? group['errors'] : [];
    errors.forEach((error, j) => {
      const code = isObj(error) ? wellFormed(str(error['code']), CODE) : undefined;
      if (!isObj(error) || code === undefined) return;
      const global = globalErrorName({ id, name }, { code, name: str(error['name']) });
      const owner: Owner = { what: `error '${id}/${code}'`, path: [...path, 'errors', j, error['name'] ? 'name' : 'code'] };
      for (const identifier of Object.values(errorIdentifiers(global))) claim(identifier, owner);
    });
  }
}

/** The semantic rules, in the order they run (diagnostics are sorted by position afterwards). */
export const semanticRules: readonly ((ctx: RuleContext) => void)[] = [
  duplicateGroups,
  duplicateCodes,
  duplicateTypeUris,
  pageAnchors,
  detailPlaceholders,
  extensionShadows,
  extensionSchemas,
  schemaPatterns,
  examples,
  catalogExample,
  tombstones,
  translations,
  identifiers,
];

/** Runs every semantic rule over a loaded catalog value. */
export function checkSemantics(value: unknown, loaded: LoadedSource, cache: string | undefined): Diagnostic[] {
  if (!isObj(value)) return [];
  const ctx = new RuleContext(value, loaded, cache);
  for (const rule of semanticRules) rule(ctx);
  ctx.finish();
  return ctx.diagnostics;
}
