/**
 * A YAML writer for the documents the OpenAPI emitter builds: JSON values only (maps, lists, strings,
 * finite numbers, booleans, null), block style, two-space indent, keys in the order built. It writes a
 * string plain only when it cannot be read as anything else, and double-quoted otherwise (a JSON string
 * literal is a valid YAML double-quoted scalar once the characters YAML wants escaped are escaped), so the
 * rules fit in a few lines. A test checks that `yaml` reads back exactly what was written, on random
 * documents; it is several times faster than a general-purpose dumper on 14 MB documents.
 */

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Words a YAML 1.1 or 1.2 reader may take for something other than a string. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** A string that is plain in every YAML reader: an identifier-like word, paths and dots, no indicator first. */
const PLAIN = /^[A-Za-z_$/][A-Za-z0-9_$./-]*$/;
/** What YAML wants escaped in a double-quoted scalar beyond what JSON escapes (DEL, C1 controls, BOM, line separators). */
const EXTRA_ESCAPES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

export function yamlScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a JSON number: ${value}`);
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`; // JSON.stringify would copy it for nothing
  return JSON.stringify(value).replace(EXTRA_ESCAPES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** What JSON escapes (quote, backslash, controls, lone surrogates; paired ones go the long way too) and EXTRA_ESCAPES. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

const isCollection = (v: Json): v is readonly Json[] | { readonly [key: string]: Json } => v !== null && typeof v === 'object';
function isEmpty(v: readonly Json[] | { readonly [key: string]: Json }): boolean {
  if (Array.isArray(v)) return v.length === 0;
  for (const _ in v) return false;
  return true;
}
const emptyOf = (v: readonly Json[] | { readonly [key: string]: Json }) => (Array.isArray(v) ? '[]' : '{}');

/**
 * Where lines go: every CHUNK lines are joined into one flat string, so that the lines die young instead
 * of piling up in the heap as a million small strings the garbage collector copies from space to space.
 */
class Lines {
  private readonly chunks: string[] = [];
  private lines: string[] = [];

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length === CHUNK) {
      this.chunks.push(this.lines.join('\n'));
      this.lines = [];
    }
  }

  text(): string {
    if (this.lines.length) this.chunks.push(this.lines.join('\n'));
    return this.chunks.join('\n');
  }
}
const CHUNK = 4096;

/**
 * Appends the lines of `value` at `indent` to `out`; `first` is what the first line starts with (`- ` of a
 * list item). `keys` holds each key as written (documents repeat the same few keys thousands of times).
 */
function write(value: Json, indent: string, out: Lines, first: string, keys: Map<string, string>): void {
  if (!isCollection(value) || isEmpty(value)) {
    out.push(`${first}${isCollection(value) ? emptyOf(value) : yamlScalar(value)}`);
    return;
  }
  let lead = first;
  const next = indent + '  ';
  if (Array.isArray(value)) {
    for (const item of value as readonly Json[]) {
      write(item, next, out, `${lead}- `, keys);
      lead = indent;
    }
    return;
  }
  const map = value as { readonly [key: string]: Json };
  for (const key in map) {
    const item = map[key]!;
    let written = keys.get(key);
    if (written === undefined) keys.set(key, (written = yamlScalar(key)));
    const head = `${lead}${written}:`;
    lead = indent;
    if (isCollection(item) && !isEmpty(item)) {
      out.push(head);
      write(item, next, out, next, keys);
    } else {
      out.push(`${head} ${isCollection(item) ? emptyOf(item) : yamlScalar(item)}`);
    }
  }
}

/**
 * A JSON value as a YAML document (LF, ending with a newline); with `indent`, as lines that go on a
 * mapping or list written with that indentation (the OpenAPI emitter writes a shared part once this way).
 */
export function toYaml(value: Json, indent = ''): string {
  const out = new Lines();
  write(value, indent, out, indent, new Map());
  return out.text() + '\n';
}
