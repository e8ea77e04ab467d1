/**
 * Lints: what a valid catalog may still get wrong, as warnings (`--strict` makes them errors). Each is a
 * small named function over a catalog that passed validation, reporting at the place to fix.
 */
import type { Diagnostic, RuleId } from '../diagnostics.js';
import type { LoadedSource, Path } from './load.js';
import { parseTemplate, placeholders } from './derive.js';
import type { RawText } from './derive.js';
import type { RawCatalog, RawError } from './validate.js';

interface Entry {
  readonly error: RawError;
  readonly path: Path;
  readonly group: string;
}

type Lint = (catalog: RawCatalog, entries: readonly Entry[], report: (rule: RuleId, path: Path, message: string) => void) => void;

/** Every text of a field in every language it is written in. */
const allTexts = (text: RawText | undefined): string[] => (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text));
const defaultText = (catalog: RawCatalog, text: RawText): string => (typeof text === 'string' ? text : (text[catalog.locales[0]!] ?? Object.values(text)[0]!));
const statuses = (error: RawError): number[] => (typeof error.status === 'number' ? [error.status] : [...error.status]);
const mentions = (error: RawError, pattern: RegExp): boolean =>
  [error.title, error.description, error.resolution, error.detail].some((t) => allTexts(t).some((s) => pattern.test(s))) ||
  Object.entries(error.extensions ?? {}).some(([name, schema]) => pattern.test(name) || (typeof schema['description'] === 'string' && pattern.test(schema['description'])));
const ref = (e: Entry) => `'${e.group}/${e.error.code}'`;

/** A translated detail template names the same placeholders as the default locale's. */
const detailParity: Lint = (catalog, entries, report) => {
  for (const { error, path } of entries) {
    const detail = error.detail;
    if (detail === undefined || typeof detail === 'string') continue;
    const reference = [...placeholders(parseTemplate(defaultText(catalog, detail)))].sort().join(', ');
    for (const [locale, template] of Object.entries(detail)) {
      const names = [...placeholders(parseTemplate(template))].sort().join(', ');
      if (names !== reference) report('lint-detail-placeholders', [...path, 'detail', locale], `the ${locale} detail template uses {${names.replace(/, /g, '}, {')}} where the default locale's uses {${reference.replace(/, /g, '}, {')}}`);
    }
  }
};

/** 429 and 503 tell the client when to retry. */
const retryAfter: Lint = (_catalog, entries, report) => {
  for (const e of entries) {
    const which = statuses(e.error).filter((s) => s === 429 || s === 503);
    if (which.length && !mentions(e.error, /retry[-_ ]?after/i)) {
      report('lint-retry-after', [...e.path, 'status'], `${ref(e)} is returned with ${which.join(' and ')}: give it a 'retryAfter' member or document the Retry-After header, so that clients know when to retry`);
    }
  }
};

/** 401 says how to authenticate; 405 names the Allow header. */
const authAndAllow: Lint = (_catalog, entries, report) => {
  for (const e of entries) {
    if (statuses(e.error).includes(401) && !mentions(e.error, /auth|credential|token|api[- ]?key|log ?in|sign ?in|password/i)) {
      report('lint-401-authentication', [...e.path, 'status'], `${ref(e)} is a 401 whose texts never mention authentication: say which credentials are missing or wrong`);
    }
    if (statuses(e.error).includes(405) && !mentions(e.error, /\ballow\b/i)) {
      report('lint-405-allow', [...e.path, 'status'], `${ref(e)} is a 405: document the Allow header that lists the methods the resource accepts`);
    }
  }
};

/** The status class fits the words of the title: a validation error is not a 5xx. */
const statusClass: Lint = (catalog, entries, report) => {
  const clientWords = /\b(invalid|missing|malformed|required|not found|validation|unauthori[sz]ed|forbidden|bad request|too many)\b/i;
  for (const e of entries) {
    const title = defaultText(catalog, e.error.title);
    if (statuses(e.error).some((s) => s >= 500) && clientWords.test(title)) {
      report('lint-status-class', [...e.path, 'status'], `${ref(e)} is titled ${JSON.stringify(title)}, a client error, but is returned with a 5xx status (a server error)`);
    }
  }
};

/** A title is the same for every occurrence (RFC 9457): no placeholders. */
const titlePlaceholders: Lint = (_catalog, entries, report) => {
  for (const e of entries) {
    if (allTexts(e.error.title).some((t) => /\{[^{}\s]+\}/.test(t.replace(/\{\{|\}\}/g, '')))) {
      report('lint-title-placeholder', [...e.path, 'title'], `the title of ${ref(e)} looks like a template: a title must not vary from occurrence to occurrence (RFC 9457); put the varying part in 'detail'`);
    }
  }
};

/** Every live problem tells the client what to do. */
const resolution: Lint = (_catalog, entries, report) => {
  for (const e of entries) if (e.error.resolution === undefined && e.error.removed === undefined) report('lint-no-resolution', [...e.path, 'code'], `${ref(e)} has no resolution: tell the client what to do about it`);
};

/** Two problems of a group with one title cannot be told apart by a reader. */
const duplicateTitles: Lint = (catalog, entries, report) => {
  const seen = new Map<string, Entry>();
  for (const e of entries) {
    const key = `${e.group}\0${defaultText(catalog, e.error.title)}`;
    const first = seen.get(key);
    if (first) report('lint-duplicate-title', [...e.path, 'title'], `${ref(e)} has the title of ${ref(first)}: readers cannot tell them apart`);
    else seen.set(key, e);
  }
};

export const lints: readonly Lint[] = [detailParity, retryAfter, authAndAllow, statusClass, titlePlaceholders, resolution, duplicateTitles];

/** Runs every lint over a valid catalog. */
export function lintCatalog(catalog: RawCatalog, loaded: LoadedSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const entries = catalog.groups.flatMap((group, g) => group.errors.map((error, e) => ({ error, path: ['groups', g, 'errors', e] as Path, group: group.id })));
  const report = (rule: RuleId, path: Path, message: string) => out.push(loaded.source.diagnostic(rule, loaded.locate(path), message));
  for (const lint of lints) lint(catalog, entries, report);
  return out;
}
