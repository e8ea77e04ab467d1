/**
 * Derivations shared by validation and the model, each in one function, so that what validation
 * checks (unique type URIs, known placeholders) is exactly what the model produces.
 */

/** A catalog text as written: a string in the default locale, or a map locale → string. */
export type RawText = string | { readonly [locale: string]: string };

/** A piece of a detail template: literal text or a placeholder naming an extension member. */
export type TemplateSegment = { readonly text: string } | { readonly member: string };

export interface ParsedTemplate {
  readonly segments: readonly TemplateSegment[];
  /** Malformed braces, with the 0-based index in the template where each starts. */
  readonly errors: readonly { readonly index: number; readonly message: string }[];
}

/** A member name between braces: any characters but braces and control characters (member names hold none). */
const PLACEHOLDER = /^\{([^{}\u0000-\u001f\u007f]+)\}/;

/**
 * Parses a detail template: `{member}` is a placeholder (`{balance}`, `{invalid-params}`), `{{` and `}}`
 * are literal braces, any other brace is an error.
 */
export function parseTemplate(template: string): ParsedTemplate {
  const segments: TemplateSegment[] = [];
  const errors: { index: number; message: string }[] = [];
  let text = '';
  for (let i = 0; i < template.length; ) {
    const ch = template[i]!;
    const next = template[i + 1];
    if ((ch === '{' && next === '{') || (ch === '}' && next === '}')) {
      text += ch;
      i += 2;
    } else if (ch === '{') {
      const match = PLACEHOLDER.exec(template.slice(i));
      if (match) {
        if (text) segments.push({ text });
        text = '';
        segments.push({ member: match[1]! });
        i += match[0].length;
      } else {
        const snippet = template.slice(i, i + 12).split('}')[0]!.split('\n')[0];
        errors.push({
          index: i,
          message: `'${snippet}${template.slice(i).includes('}') ? '}' : ''}' is not a placeholder: write {member} with a member name, or {{ for a literal brace`,
        });
        text += ch;
        i += 1;
      }
    } else if (ch === '}') {
      errors.push({ index: i, message: `unmatched '}': write }} for a literal brace` });
      text += ch;
      i += 1;
    } else {
      text += ch;
      i += 1;
    }
  }
  if (text) segments.push({ text });
  return { segments, errors };
}

/** The members a template's placeholders name, in order of first use. */
export function placeholders(template: ParsedTemplate): string[] {
  const seen = new Set<string>();
  for (const s of template.segments) if ('member' in s) seen.add(s.member);
  return [...seen];
}

/** Where texts live in a catalog, as paths relative to the catalog, a group or an error. */
export const TEXT_FIELDS = {
  catalog: ['title', 'intro'],
  group: ['title', 'description'],
  error: ['title', 'description', 'resolution', 'detail', 'deprecated'],
} as const;

/** The texts that `textFormat: markdown` makes CommonMark (titles and detail templates stay plain text). */
export const MARKDOWN_FIELDS: ReadonlySet<string> = new Set(['description', 'resolution', 'deprecated']);

/**
 * A member as written, split into the catalog's own flags — `optional` (the member may be absent) and
 * `patternsReviewed` (its regular expressions are reviewed; no ReDoS check) — and its JSON Schema
 * (rest properties copy a `__proto__` key as data).
 */
export function splitMember(raw: { readonly [key: string]: unknown }): { optional: boolean; patternsReviewed: boolean; schema: { [key: string]: unknown } } {
  const { optional, patternsReviewed, ...schema } = raw;
  return { optional: optional === true, patternsReviewed: patternsReviewed === true, schema };
}

/**
 * Sets `key` as an own data property. Member names may be anything, `__proto__` included, and assigning
 * that one would set the object's prototype instead: every object keyed by member names is built with this.
 */
export function defineOwn<T>(target: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Deepest nesting an extension member's schema may have: far beyond real schemas, far below where a validator's recursion overflows. */
export const MAX_SCHEMA_DEPTH = 64;

/** Members every problem has (RFC 9457 §3.1); extension members may not reuse them. */
export const STANDARD_MEMBERS: readonly string[] = ['type', 'title', 'status', 'detail', 'instance'];
