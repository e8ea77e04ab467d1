/**
 * Turning catalog texts into TypeScript source safely: string literals and JSDoc. Every text of the
 * catalog reaches generated code through these two functions only.
 */

/** A double-quoted string literal whose value is exactly `value` (line and paragraph separators escaped too). */
export function stringLiteral(value: string): string {
  // Most texts hold nothing JSON escapes (quote, backslash, controls, lone surrogates) nor a line or
  // paragraph separator: their literal is the text in quotes, and JSON.stringify would copy it for nothing.
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
/** Any character JSON.stringify escapes, and U+2028/U+2029 (surrogates, even paired, go the long way). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/**
 * Text made harmless inside a JSDoc block: `*​/` cannot end the comment, a line cannot start a tag with
 * `@`, and line separators become newlines. The reader sees the same words.
 */
export function docText(value: string): string {
  if (!DOC_HAZARD.test(value)) return value;
  return value
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/@/g, '\\@');
}

const DOC_HAZARD = /[\r\u2028\u2029@]|\*\//;

/** JSDoc paragraphs, skipping absent ones, joined by blank lines. */
export function docParagraphs(...paragraphs: (string | undefined)[]): string {
  return paragraphs
    .filter((p): p is string => p !== undefined && p !== '')
    .map(docText)
    .join('\n\n');
}
