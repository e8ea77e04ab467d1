/**
 * validate: the catalog's shape (catalog.schema.json, checked by Ajv) and then the semantic rules
 * (rules.ts). Every problem found becomes a positioned Diagnostic; all are collected, none stops the others.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from './ajv.js';
import { catalogSchemaUrl, loadPrecompiled, schemaHash } from './schema-files.js';
import { closest, sortDiagnostics } from '../diagnostics.js';
import type { Diagnostic, RuleId } from '../diagnostics.js';
import { pointerToPath } from './load.js';
import type { LoadedSource, Path } from './load.js';
import type { RawText } from './derive.js';
import { checkSemantics } from './rules.js';
import { compileCacheFolder } from '../compile-cache.js';
import { lintCatalog } from './lints.js';

/** The catalog as written, once it has passed validation. */
export interface RawCatalog {
  readonly version: 1;
  readonly name: string;
  readonly catalogVersion?: string;
  readonly package?: { readonly name?: string };
  readonly title: RawText;
  readonly intro?: RawText;
  readonly typeBase: string;
  readonly locales: readonly string[];
  readonly textFormat?: 'plain' | 'markdown';
  readonly example?: string;
  readonly typescript?: { readonly style?: 'enum' | 'const' };
  readonly schemaBase?: string;
  readonly pages?: { readonly perGroup?: boolean };
  readonly groups: readonly RawGroup[];
}

export interface RawGroup {
  readonly id: string;
  readonly name?: string;
  readonly title?: RawText;
  readonly description?: RawText;
  readonly typeBase?: string;
  readonly errors: readonly RawError[];
}

export interface RawError {
  readonly code: string;
  readonly name?: string;
  readonly type?: string;
  readonly status: number | readonly number[];
  readonly title: RawText;
  readonly description?: RawText;
  readonly resolution?: RawText;
  readonly detail?: RawText;
  readonly extensions?: { readonly [member: string]: RawExtension };
  readonly example?: { readonly [member: string]: unknown };
  readonly deprecated?: boolean | RawText;
  readonly removed?: { readonly since: string; readonly replacedBy?: string; readonly note?: RawText };
  readonly since?: string;
  readonly deprecatedSince?: string;
}

export type RawExtension = { readonly optional?: boolean } & { readonly [keyword: string]: unknown };

export interface ValidationResult {
  /** The catalog, present only when there are no errors (warnings allowed). */
  readonly catalog?: RawCatalog;
  readonly diagnostics: readonly Diagnostic[];
}


interface CatalogValidator {
  readonly validate: (data: unknown) => boolean;
  readonly errors: () => readonly ErrorObject[];
  /** `$defs` entry name of each definition, by its JSON, to tell which definition an Ajv error comes from. */
  readonly defNames: Map<string, string>;
}

let catalogValidatorCache: CatalogValidator | undefined;
function catalogValidator(): CatalogValidator {
  // The compiled schema is immutable and carries no state between runs, so it is safe to share.
  if (!catalogValidatorCache) {
    const text = readFileSync(catalogSchemaUrl, 'utf8');
    const schema = JSON.parse(text) as { $defs: Record<string, object> };
    const defNames = new Map(Object.entries(schema.$defs).map(([name, def]) => [JSON.stringify(def), name] as const));
    // Built by `npm run build` from this very schema, or compiled now.
    const validate: ValidateFunction | ReturnType<typeof loadPrecompiled> & object =
      loadPrecompiled('catalog.cjs', schemaHash(text)) ?? createAjv({ allErrors: true, verbose: true }).compile(schema);
    catalogValidatorCache = { validate: (data) => validate(data), errors: () => validate.errors ?? [], defNames };
  }
  return catalogValidatorCache;
}

/**
 * Validates a loaded catalog: structure first, then every semantic rule. `cache`: the folder where extension
 * members' verdicts are kept between runs (member-validators.ts; none: judge every schema anew).
 */
export function validateCatalog(loaded: LoadedSource, cache: string | undefined = compileCacheFolder()): ValidationResult {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (loaded.value === undefined) return { diagnostics: sortDiagnostics(diagnostics) };

  const { validate, errors, defNames } = catalogValidator();
  if (!validate(loaded.value)) diagnostics.push(...schemaDiagnostics(errors(), loaded, defNames));
  diagnostics.push(...checkSemantics(loaded.value, loaded, cache));

  const valid = !diagnostics.some((d) => d.severity === 'error');
  // Lints look at a valid catalog only: what it may still get wrong.
  if (valid) diagnostics.push(...lintCatalog(loaded.value as RawCatalog, loaded));
  const sorted = dedupe(sortDiagnostics(diagnostics));
  return valid ? { catalog: loaded.value as RawCatalog, diagnostics: sorted } : { diagnostics: sorted };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describePath(path: Path): string {
  if (path.length === 0) return 'the catalog';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}


/** What a failed `pattern` means, by the `$defs` entry it belongs to. */
const PATTERN_RULES: Record<string, { rule: RuleId; message: (value: string) => string }> = {
  slug: {
    rule: 'code-format',
    message: (v) => `'${v}' is not a valid id: use lowercase letters, digits and single hyphens, like 'whatsapp-provisioning'`,
  },
  code: {
    rule: 'code-format',
    message: (v) =>
      v === ''
        ? 'a code cannot be empty'
        : `'${v}' is not a valid code: use letters, digits, '-', '_' and '.', starting and ending with a letter or digit (at most 128), like 'number-in-use', '22P02' or 'INVALID_ARGUMENT'`,
  },
  identifier: {
    rule: 'identifier-format',
    message: (v) => `'${v}' is not a PascalCase identifier (letters and digits, starting with a capital)`,
  },
  locale: { rule: 'locale-format', message: (v) => `'${v}' is not a locale tag such as 'en', 'fr' or 'pt-BR'` },
  baseUri: { rule: 'uri-format', message: (v) => uriMessage(v, false) },
  typeUri: { rule: 'uri-format', message: (v) => uriMessage(v, true) },
  text: { rule: 'empty-text', message: () => 'text is empty' },
  nonEmptyString: { rule: 'empty-text', message: () => 'text is empty' },
  deprecation: { rule: 'empty-text', message: () => 'text is empty' },
};

const ALLOWED_SCHEMES = ['https', 'http', 'urn', 'tag'];

/** Why a type or schema URI is refused. */
function uriMessage(value: string, fragmentAllowed: boolean): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
  if (scheme !== undefined && !ALLOWED_SCHEMES.includes(scheme)) {
    return `'${scheme}:' is not allowed in a type or schema URI: use https:, http:, urn: or tag: (type URIs end up in links and $ids)`;
  }
  if (scheme === undefined) return `'${value}' is not an absolute URI: write it with its scheme, like 'https://example.com/errors'`;
  if (!fragmentAllowed && value.includes('#')) return `'${value}' holds a '#': a base URI has no fragment (the code becomes the fragment)`;
  return `'${value}' is not a valid ${scheme}: URI (no spaces; https: and http: need a host)`;
}

function schemaDiagnostics(errors: readonly ErrorObject[], loaded: LoadedSource, defNames: Map<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (rule: RuleId, path: Path, message: string, key = false) =>
    out.push(loaded.source.diagnostic(rule, loaded.locate(path, { key }), message));

  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const where = describePath(path);
    // The `$defs` entry whose keyword failed, e.g. `slug` for a code that does not match its pattern.
    const def = defNames.get(JSON.stringify(error.parentSchema));
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params['additionalProperty']);
        const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const guess = closest(key, allowed);
        report(
          'unknown-key',
          [...path, key],
          `unknown key '${key}' in ${where}` + (guess ? ` (did you mean '${guess}'?)` : `; allowed keys: ${allowed.join(', ')}`),
          true,
        );
        break;
      }
      case 'required':
        report('missing-field', path, `${where} is missing required field '${String(error.params['missingProperty'])}'`);
        break;
      case 'propertyNames':
        break; // the failing name is reported by the nested error
      case 'maxLength':
        report(def === 'slug' ? 'code-format' : 'invalid-value', path, `${where} is longer than ${String(error.params['limit'])} characters`);
        break;
      case 'minLength':
      case 'pattern': {
        const propertyName = (error.propertyName ?? error.params['propertyName']) as string | undefined;
        const value = String(propertyName ?? error.data);
        const known = def ? PATTERN_RULES[def] : undefined;
        if (propertyName !== undefined && def !== 'locale') {
          report('member-name', [...path, propertyName], `${JSON.stringify(value)} is not a valid member name: it must not be empty or hold '{', '}' or a control character`, true);
        } else if (propertyName !== undefined) {
          report('locale-format', [...path, propertyName], `'${value}' is not a locale tag such as 'en', 'fr' or 'pt-BR'`, true);
        } else if (known) {
          const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
          const badScheme = (def === 'baseUri' || def === 'typeUri') && scheme !== undefined && !ALLOWED_SCHEMES.includes(scheme);
          report(badScheme ? 'uri-scheme' : known.rule, path, `${where}: ${known.message(value)}`);
        } else {
          report('invalid-value', path, `${where} must match ${String(error.params['pattern'])}`);
        }
        break;
      }
      case 'format':
        report('uri-format', path, `${where}: '${String(error.data)}' is not a valid ${String(error.params['format'])}`);
        break;
      case 'minimum':
      case 'maximum':
        report('status-range', path, `${where}: HTTP status ${String(error.data)} is outside 400–599 (problem types are client or server errors)`);
        break;
      case 'type':
        if (def === 'status' || (path.length > 1 && path[path.length - 2] === 'status')) {
          report('status-range', path, `${where} must be an integer HTTP status in 400–599 or a list of them, not ${describeValue(error.data, loaded, path)}`);
        } else {
          const quote = typeof error.data === 'number' || typeof error.data === 'boolean' ? `; write it in quotes ("${sourceText(loaded, path)}") if it is meant as text` : '';
          report('wrong-type', path, `${where} must be ${describeType(error, def)}, not ${describeValue(error.data, loaded, path)}${quote}`);
        }
        break;
      case 'minProperties':
        report('empty-text', path, `${where} is an empty map: give at least one locale`);
        break;
      case 'minItems':
        report(def === 'status' ? 'status-range' : 'invalid-value', path, `${where} must not be empty`);
        break;
      case 'uniqueItems':
        report(
          def === 'status' ? 'status-range' : 'duplicate-locale',
          [...path, Math.max(Number(error.params['i']), Number(error.params['j']))],
          `${where} lists ${JSON.stringify((error.data as unknown[])[Number(error.params['i'])])} twice`,
        );
        break;
      case 'const':
        report('invalid-value', path, `${where} must be ${JSON.stringify(error.params['allowedValue'])}, not ${JSON.stringify(error.data)}`);
        break;
      case 'enum':
        report('invalid-value', path, `${where} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(error.data)}`);
        break;
      default:
        report('invalid-value', path, `${where} ${error.message ?? 'is invalid'}`);
    }
  }
  return out;
}

function describeType(error: ErrorObject, def: string | undefined): string {
  if (def === 'text') return 'a text (a string, or a map of locale to string)';
  if (def === 'deprecation') return 'true, false or a text';
  const type = error.params['type'] as string | string[];
  const names: Record<string, string> = { object: 'a map', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false' };
  return (Array.isArray(type) ? type : [type]).map((t) => names[t] ?? t).join(' or ');
}

/** A value as the user wrote it: scalars by their source text (`1.10`, not `1.1`). */
function describeValue(value: unknown, loaded: LoadedSource, path: Path): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${sourceText(loaded, path)}`;
}

function sourceText(loaded: LoadedSource, path: Path): string {
  const span = loaded.locate(path);
  return loaded.source.text.slice(span.start, span.end);
}
