/**
 * The catalogue of diagnostics: every rule the generator can report is declared here once, with its
 * severity and a one-line summary. Stages return `Diagnostic[]`; only the CLI prints them.
 */

export type Severity = 'error' | 'warning';

/** Every rule id, its severity and what it means. */
export const RULES = {
  encoding: { severity: 'error', summary: 'the file is not UTF-8 (or UTF-16 with a byte-order mark)' },
  'forbidden-character': { severity: 'error', summary: 'a text holds NUL or a lone surrogate, which no output can keep' },
  'yaml-syntax': { severity: 'error', summary: 'the file is not valid YAML' },
  'yaml-duplicate-key': { severity: 'error', summary: 'a mapping has the same key twice' },
  'yaml-alias-limit': { severity: 'error', summary: 'aliases expand past the safety limit (alias bomb)' },
  'yaml-warning': { severity: 'warning', summary: 'the YAML parser warns about the file' },
  'unknown-key': { severity: 'error', summary: 'a key the catalog format does not have' },
  'missing-field': { severity: 'error', summary: 'a required field is absent' },
  'wrong-type': { severity: 'error', summary: 'a value has the wrong type' },
  'invalid-value': { severity: 'error', summary: 'a value is outside what the field allows' },
  'code-format': { severity: 'error', summary: 'a code holds characters other than letters, digits, -, _ and ., or a group id is not a lowercase slug' },
  'member-name': { severity: 'error', summary: 'an extension member name is empty or holds a brace or a control character' },
  'identifier-format': { severity: 'error', summary: 'a TypeScript name override is not PascalCase' },
  'locale-format': { severity: 'error', summary: 'a locale is not a BCP 47 tag' },
  'uri-format': { severity: 'error', summary: 'a URI is not absolute, or a base URI holds a #' },
  'uri-scheme': { severity: 'error', summary: 'a type or schema URI uses a scheme other than https:, http:, urn: or tag:' },
  'status-range': { severity: 'error', summary: 'an HTTP status is not an integer in 400–599 (or a list of them)' },
  'empty-text': { severity: 'error', summary: 'a text is empty or blank' },
  'duplicate-code': { severity: 'error', summary: 'two errors of a group have the same code' },
  'duplicate-group': { severity: 'error', summary: 'two groups have the same id' },
  'duplicate-type-uri': { severity: 'error', summary: 'two errors have the same type URI' },
  'duplicate-locale': { severity: 'error', summary: 'a locale is listed twice' },
  'detail-syntax': { severity: 'error', summary: 'a detail template has a malformed placeholder' },
  'detail-unknown-placeholder': { severity: 'error', summary: 'a detail placeholder names no extension member' },
  'detail-optional-placeholder': { severity: 'error', summary: 'a detail placeholder names an optional member' },
  'extension-shadows-member': { severity: 'error', summary: 'an extension member has the name of a standard member' },
  'extension-schema-invalid': { severity: 'error', summary: 'an extension member schema is not valid JSON Schema' },
  'schema-too-deep': { severity: 'error', summary: 'an extension member schema nests deeper than the limit (64 levels)' },
  'pattern-redos': { severity: 'error', summary: 'a pattern backtracks catastrophically (ReDoS) on some input' },
  'pattern-unsupported': { severity: 'error', summary: 'a pattern uses backreferences or lookaround, which RE2 cannot run in linear time' },
  'pattern-unchecked': { severity: 'warning', summary: 'a pattern could not be checked: no ReDoS verdict in time, or a reviewed pattern RE2 cannot run' },
  'example-invalid': { severity: 'error', summary: 'an example does not match the error it illustrates' },
  'example-reference': { severity: 'error', summary: 'the catalog example names no error with an example' },
  'locale-undeclared': { severity: 'error', summary: 'a translation is in a locale the catalog does not declare' },
  'translation-missing': { severity: 'warning', summary: 'a translated text lacks a declared locale (falls back to the default)' },
  'tombstone-replacement': { severity: 'error', summary: "a removed problem's replacedBy names no live problem" },
  'page-anchor-collision': { severity: 'warning', summary: 'one page for all groups cannot give a fragment used in two groups its anchor' },
  'identifier-collision': { severity: 'error', summary: 'two entries produce the same TypeScript identifier' },
  'lint-detail-placeholders': { severity: 'warning', summary: "lint: a translated detail template's placeholders differ from the default locale's" },
  'lint-retry-after': { severity: 'warning', summary: 'lint: a 429 or 503 problem says nothing of Retry-After' },
  'lint-401-authentication': { severity: 'warning', summary: 'lint: a 401 problem never mentions authentication' },
  'lint-405-allow': { severity: 'warning', summary: 'lint: a 405 problem does not document the Allow header' },
  'lint-status-class': { severity: 'warning', summary: 'lint: a 5xx status for a problem titled as a client error' },
  'lint-title-placeholder': { severity: 'warning', summary: 'lint: a title with placeholders (titles must not vary)' },
  'lint-no-resolution': { severity: 'warning', summary: 'lint: a problem without a resolution' },
  'lint-duplicate-title': { severity: 'warning', summary: 'lint: two problems of a group with the same title' },
  'template-syntax': { severity: 'error', summary: 'a handlebars template does not parse' },
  'template-strings': { severity: 'error', summary: 'a page strings file is not a JSON object of strings' },
  'template-render': { severity: 'error', summary: 'a template fails while rendering (e.g. a field the data does not have)' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleId = keyof typeof RULES;

/** A problem in an input file, positioned (1-based line and column, end exclusive). */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly rule: RuleId;
  readonly message: string;
}

/** A span of a source file, as 0-based offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Turns offsets into 1-based line/column for one source text. */
export class SourceMap {
  private starts: number[] | undefined;

  constructor(readonly file: string, readonly text: string) {}

  /** Where each line starts, found when a position is first asked for (most runs have nothing to report). */
  get lineStarts(): readonly number[] {
    if (!this.starts) {
      this.starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo]! + 1 };
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  /** A diagnostic at a 1-based line and column (a zero-width span). */
  diagnosticAt(rule: RuleId, line: number, column: number, message: string): Diagnostic {
    const start = (this.lineStarts[line - 1] ?? this.text.length) + column - 1;
    return this.diagnostic(rule, { start, end: start + 1 }, message);
  }

  diagnostic(rule: RuleId, span: Span, message: string): Diagnostic {
    const start = this.position(span.start);
    const end = this.position(Math.max(span.end, span.start));
    return {
      file: this.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: RULES[rule].severity,
      rule,
      message,
    };
  }
}

/** Orders diagnostics by file, position, then rule: the order they are printed in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...diagnostics].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** `--strict`: the lints (rules `lint-*`) become errors. */
export const strictly = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.map((d) => (d.rule.startsWith('lint-') ? { ...d, severity: 'error' } : d));

/**
 * `FILE:LINE:COLUMN: severity[rule]: message` followed by a code frame of the line with a caret
 * under the span (one line; a span that runs on is underlined to the end of its first line).
 */
export function formatDiagnostic(d: Diagnostic, source: SourceMap | undefined): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}[${d.rule}]: ${d.message}`;
  if (!source) return head;
  let text = source.lineText(d.line);
  let column = d.column;
  let width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, text.length - d.column + 1);
  // A long line (minified YAML, a hostile file) is shown as a window around the column.
  const WINDOW = 60;
  if (text.length > 2 * WINDOW + 20) {
    const start = Math.max(0, column - 1 - WINDOW);
    const end = Math.min(text.length, column - 1 + WINDOW);
    text = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
    column = column - start + (start > 0 ? 1 : 0);
  }
  width = Math.max(1, Math.min(width, text.length - column + 1));
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  const lead = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
  return `${head}\n${pad} |\n${gutter} | ${text}\n${pad} | ${lead}${'^'.repeat(width)}`;
}

/** Edit distance, for did-you-mean suggestions. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
