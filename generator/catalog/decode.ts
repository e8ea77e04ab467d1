/**
 * Decoding the catalog's bytes, apart from the YAML reader so that the no-change shortcut can place the
 * last run's warnings without loading it.
 */

/**
 * The catalog's bytes as text: UTF-8 (a byte-order mark is skipped), or UTF-16 with its byte-order mark.
 * Bytes that are not UTF-8 are refused at the first bad byte (never replaced by U+FFFD in the outputs).
 */
export function decodeCatalog(bytes: Uint8Array): { text: string } | { partial: string; offset: number; message: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  const text = new TextDecoder('utf-8').decode(bytes);
  // U+FFFD in the decoded text is either written in the file (EF BF BD) or a replaced bad byte.
  let byteOffset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let from = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) {
    byteOffset += Buffer.byteLength(text.slice(from, i));
    from = i;
    if (bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd) continue;
    const bad = bytes[byteOffset]!;
    const hint = bad >= 0x80 && bad <= 0xff ? ` (the file looks like Latin-1 or Windows-1252: '${String.fromCharCode(bad)}'?)` : '';
    return {
      partial: text,
      offset: i,
      message: `the file is not valid UTF-8: byte 0x${bad.toString(16).toUpperCase().padStart(2, '0')} cannot start or continue a character here${hint}; save the catalog as UTF-8`,
    };
  }
  return { text };
}

/** NUL and lone surrogates (reachable through escapes like "\\0" or "\\uD800"): no output can carry them. */
export const FORBIDDEN_CHARACTER = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
