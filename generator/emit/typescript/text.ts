/**
 * Turning catalog texts into TypeScript source safely: string literals and JSDoc. Every text of the
 * catalog reaches generated code through these two functions only.
 */

/** A double-quoted string literal whose value is exactly `value` (line and paragraph separators escaped too). */
export function stringLiteral(value: string): string {
  let literal = literals.get(value);
  if (literal === undefined) {
    literal = JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    if (literals.size === MAX_LITERALS) literals.clear();
    literals.set(value, literal);
  }
  return literal;
}
/** Each text's literal, made once: every module is described once per flavor, so each text is asked for three times. */
const literals = new Map<string, string>();
const MAX_LITERALS = 100_000;

/**
 * Text made harmless inside a JSDoc block: `*​/` cannot end the comment, a line cannot start a tag with
 * `@`, and line separators become newlines. The reader sees the same words.
 */
export function docText(value: string): string {
  return value
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/@/g, '\\@');
}

/** JSDoc paragraphs, skipping absent ones, joined by blank lines. */
export function docParagraphs(...paragraphs: (string | undefined)[]): string {
  return paragraphs
    .filter((p): p is string => p !== undefined && p !== '')
    .map(docText)
    .join('\n\n');
}
