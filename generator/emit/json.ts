/**
 * JSON serialization for generated files: two-space indent, LF, trailing newline. Key order is the
 * order the model and emitters build objects in, which is fixed, so the bytes are too.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
