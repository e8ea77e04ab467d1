/**
 * The fast reader: js-yaml reads a catalog in a seventh of the time `yaml` takes and without a syntax tree
 * in memory. `yaml` stays the reader of record: it alone gives positions, duplicate-key and alias-bomb
 * diagnostics and the exact errors, so it runs whenever there is something to report (see load.ts).
 *
 * The two readers agree on plain documents but not on every corner of YAML (tabs, indentation indicators,
 * nested `- -` sequences, anchors, tags, null keys). So the fast reader answers only for text it can vouch
 * for, and returns undefined for anything else; the property test in test/property.test.ts checks on
 * random documents that whenever it answers, its data is exactly what `yaml` gives.
 */
import jsYaml from 'js-yaml';
import { FORBIDDEN_CHARACTER } from './decode.js';
import { defineOwn } from './derive.js';

/** Text with any of these takes the `yaml` path. */
const UNSURE = new RegExp(
  [
    '[\\t\\r\\0\\uFEFF]', // tabs, CR line ends, NUL, a BOM inside the text
    '^%', // directives (%YAML 1.1 must keep its diagnostic)
    '^---.|^\\.\\.\\.', // a document marker with content after it, a document end
    '(?:^|[\\s[\\]{},])[&*!]', // an anchor, alias or tag (conservative: also "*emphasis*" after a space)
    '[|>][-+]?[1-9]', // block scalar indentation indicators
    '(?:^|\\s)-[ ]+-(?:[ ]|$)', // nested sequences on one line
    '(?:^|[\\s[{,])\\?(?:[ ]|$)', // explicit (complex) keys
    '[\\]}][ ]*:(?:[ ]|$)', // a flow collection as a key
    '[\\]}"\']#', // a comment not set off by a space after a flow collection or a quoted text
  ].join('|'),
  'm',
);

/** A quoted scalar that goes on past its line: the readers differ on how its next lines may be indented. */
function quotedOverLines(text: string): boolean {
  const start = /(?:^|[:?-][ ]|[[{,])[ ]*(["'])/gm;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const quote = m[1]!;
    const close = quote === '"' ? /(?:[^"\\\n]|\\.)*"/y : /(?:[^'\n]|'')*'/y;
    close.lastIndex = start.lastIndex;
    if (!close.test(text)) return true;
    start.lastIndex = close.lastIndex;
  }
  return false;
}

/** A number as written: its value and its source text (a code keeps its source text, as in load.ts). */
class Written {
  constructor(
    readonly value: number,
    readonly source: string,
  ) {}
}

// The YAML 1.2 core schema as `yaml` resolves plain scalars (js-yaml's core schema also takes 0b and 1_000).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

function number(source: string): number | undefined {
  if (INT.test(source) || FLOAT.test(source)) return Number(source);
  if (OCT.test(source)) return parseInt(source.slice(2), 8);
  if (HEX.test(source)) return parseInt(source.slice(2), 16);
  if (SPECIAL.test(source)) return /nan$/i.test(source) ? NaN : source.startsWith('-') ? -Infinity : Infinity;
  return undefined;
}

/**
 * Whether a plain scalar is a null, a boolean or a number rather than a string. Every number starts with a
 * digit, a sign or a dot, and a null or boolean has at most five characters, so most texts (titles, codes)
 * are told apart by their first character and length, without a regular expression.
 */
function resolvesPlain(data: string | null): boolean {
  if (data === null) return true; // an empty node: js-yaml passes null, and `yaml` reads null
  const first = data.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) return number(data) !== undefined; // 0-9 + - .
  return data.length <= 5 && (NULL.test(data) || TRUE.test(data) || FALSE.test(data));
}

const plain = new jsYaml.Type('tag:error-catalog,2026:plain', {
  kind: 'scalar',
  resolve: resolvesPlain,
  construct: (data: string | null) => (data === null || NULL.test(data) ? null : TRUE.test(data) ? true : FALSE.test(data) ? false : new Written(number(data)!, data)),
});
const schema = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [plain] });


/**
 * Whether a line of the text is a comment alone (`^[ ]*#` in a multiline regular expression, whose lines
 * also end at CR, U+2028 and U+2029), found from each `#` rather than by trying the pattern at every character.
 */
function hasCommentLines(text: string): boolean {
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
    let before = i - 1;
    while (before >= 0 && text.charCodeAt(before) === 32) before--;
    if (before < 0) return true;
    const c = text.charCodeAt(before);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Thrown inside the walk when the data holds something only `yaml` can judge. */
class Unsure extends Error {}

/**
 * The catalog's data, exactly as the `yaml` path gives it (codes kept as written), or undefined when this
 * reader cannot vouch for the text or the text has anything to report.
 */
export function readFast(text: string): { value: unknown } | undefined {
  // Whole-line comments say anything; they hold no data.
  const content = hasCommentLines(text) ? text.replace(/^[ ]*#.*$/gm, '') : text;
  if (UNSURE.test(content) || quotedOverLines(content)) return undefined;
  let raw: unknown;
  try {
    raw = jsYaml.load(text, { schema });
  } catch {
    return undefined; // a syntax error, a duplicate key, several documents: `yaml` says where
  }
  // A catalog is a mapping; anything else (js-yaml reads a top-level block scalar's chomping wrong) is
  // `yaml`'s to read and the validator's to report.
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  try {
    return { value: settle(raw, 'root') };
  } catch {
    return undefined; // Unsure, or nesting too deep for the walk: `yaml` reports it
  }
}

/** Where a node is, as far as codes are concerned: groups[i].errors[j].code keeps its source text (as keepCodesAsWritten). */
type Place = 'root' | 'groups' | 'group' | 'errors' | 'error' | 'code' | 'other';
const itemOf = (place: Place): Place => (place === 'groups' ? 'group' : place === 'errors' ? 'error' : 'other');
const memberOf = (place: Place, key: string): Place =>
  place === 'root' && key === 'groups' ? 'groups' : place === 'group' && key === 'errors' ? 'errors' : place === 'error' && key === 'code' ? 'code' : 'other';

/**
 * Numbers become numbers (a code its source text), in place: js-yaml's arrays and objects are new and
 * ours alone, so they are kept rather than copied. Keys and texts `yaml` would read otherwise are unsure.
 */
function settle(node: unknown, place: Place): unknown {
  if (node instanceof Written) return place === 'code' ? node.source : node.value;
  if (typeof node === 'string') {
    if (FORBIDDEN_CHARACTER.test(node)) throw new Unsure();
    return node;
  }
  if (Array.isArray(node)) {
    const item = itemOf(place);
    for (let i = 0; i < node.length; i++) {
      const value: unknown = node[i];
      const settled = settle(value, item);
      if (settled !== value) node[i] = settled;
    }
    return node;
  }
  if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      // js-yaml writes a number key as '[object Object]' (ours are objects) and a null key as 'null'.
      if (key === '[object Object]' || key === 'null' || FORBIDDEN_CHARACTER.test(key)) throw new Unsure();
      const value = object[key];
      const settled = settle(value, memberOf(place, key));
      if (settled !== value) defineOwn(object, key, settled); // a `__proto__` key is data: never assigned
    }
    return object;
  }
  return node; // null, booleans
}
