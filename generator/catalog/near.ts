/**
 * Positions without the whole syntax tree. A catalog the fast reader took (fast.ts) has no syntax tree;
 * the first diagnostic used to build one for the whole text with `yaml` (1.1 s and 230 MB at 10,000 errors,
 * for one lint warning). Most diagnostics point into one error or one group, so this finds that entry's
 * text (by indentation in a block-style catalog, by the JSON's structure in one written as JSON) and
 * reads only it with `yaml`: the same nodes, so the same spans, shifted by where the text starts.
 *
 * Indentation alone could be misled by a quoted text over several lines or an unusual layout; so what
 * was read is used only if it is exactly one entry (or one top-level key) whose value equals the fast
 * reader's there, and nothing is used otherwise: the caller reads the whole text.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Document, Node as YamlNode } from 'yaml';
import type { SourceMap, Span } from '../diagnostics.js';

type Yaml = typeof import('yaml');
type Path = readonly (string | number)[];

interface Lines {
  readonly text: string;
  /** Offset of each line's start (the source's own: its diagnostics need them too). */
  readonly starts: readonly number[];
  /** How many lines hold text: a final newline starts no line of its own. */
  readonly count: number;
}

function linesOf(source: SourceMap): Lines {
  const { text, lineStarts: starts } = source;
  return { text, starts, count: starts[starts.length - 1] === text.length ? starts.length - 1 : starts.length };
}

/** Where line `line` starts; the text's end for the line after the last. */
const startOf = (lines: Lines, line: number): number => lines.starts[line] ?? lines.text.length;

/** A line's indentation, or -1 for a blank or comment-only line (which belongs to no entry). */
function indentOf(lines: Lines, line: number): number {
  const start = startOf(lines, line);
  const end = startOf(lines, line + 1);
  let i = start;
  while (i < end && lines.text.charCodeAt(i) === 32) i++;
  const c = lines.text.charCodeAt(i);
  return i >= end || c === 10 || c === 13 || c === 35 /* # */ ? -1 : i - start;
}

const startsWith = (lines: Lines, line: number, at: number, word: string): boolean => lines.text.startsWith(word, startOf(lines, line) + at);
const isItem = (lines: Lines, line: number, at: number): boolean => {
  const next = lines.text.charCodeAt(startOf(lines, line) + at + 1);
  return startsWith(lines, line, at, '-') && (next === 32 || next === 10 || next === 13 || Number.isNaN(next));
};

/** The lines [from, to) of the value of the key `key` written at indentation `at` within [from, to). */
function keyRange(lines: Lines, from: number, to: number, at: number, key: string): [number, number] | undefined {
  for (let line = from; line < to; line++) {
    if (indentOf(lines, line) !== at || !startsWith(lines, line, at, `${key}:`)) continue;
    let end = line + 1;
    // The value goes on while lines are deeper, or are a block sequence's items at the key's own indentation.
    for (; end < to; end++) {
      const indent = indentOf(lines, end);
      if (indent !== -1 && (indent < at || (indent === at && !isItem(lines, end, at)))) break;
    }
    return [line, end];
  }
  return undefined;
}

/** The lines of item `index` of the block sequence in [from, to) (its items at one indentation), and that indentation. */
function itemRange(lines: Lines, from: number, to: number, index: number): { range: [number, number]; at: number } | undefined {
  let at = -1;
  let count = -1;
  let start = -1;
  for (let line = from; line < to; line++) {
    const indent = indentOf(lines, line);
    if (indent === -1) continue;
    if (at === -1) {
      if (!isItem(lines, line, indent)) continue; // the key line, or text before the first item
      at = indent;
    }
    if (indent < at) return undefined;
    if (indent === at) {
      if (!isItem(lines, line, at)) return undefined;
      if (++count === index) start = line;
      else if (count === index + 1) return { range: [start, line], at };
    }
  }
  return start === -1 ? undefined : { range: [start, to], at };
}

/** The value at `path` in a plain value, or undefined. */
function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Entries read on their own before the whole text is cheaper: each look for one goes over every line. */
const MOST_ENTRIES = 16;

/**
 * A locator of `path`s in `source` that reads only the entry around each, or says undefined when that is
 * not sure (the caller then reads the whole text), and from the MOST_ENTRIES-th call on. `value` is what
 * the fast reader read; `locateIn` is the one that resolves a path in a syntax tree; `options` are the
 * `yaml` options of the whole text's reading.
 */
export function nearLocator(
  yaml: Yaml,
  source: SourceMap,
  value: unknown,
  locateIn: (doc: Document, path: Path, key: boolean) => Span,
  options: object,
): (path: Path, key: boolean) => Span | undefined {
  const { text } = source;
  // A catalog written as JSON is found by its structure, any other by its lines' indentation.
  let find: ((path: Path) => Entry | undefined) | undefined;
  const finder = () => {
    if (/^\s*\{/.test(text)) return (path: Path) => jsonEntry(text, path);
    const lines = linesOf(source);
    return (path: Path) => blockEntry(lines, path);
  };
  const locateNear = (path: Path, key: boolean): Span | undefined => {
    const top = path[0];
    if (typeof top !== 'string' || path.length < 2) return undefined;
    const entry = (find ??= finder())(path);
    if (!entry) return undefined;
    const { from, to, depth, shape } = entry;
    const sub = yaml.parseDocument(text.slice(from, to), options);
    if (sub.errors.length > 0 || sub.warnings.length > 0) return undefined;
    const root = sub.contents as YamlNode | null;
    // Exactly the one entry, equal to what the fast reader read there.
    if (shape === 'item' ? !yaml.isSeq(root) || root.items.length !== 1 : shape === 'key' ? !yaml.isMap(root) || root.items.length !== 1 : !yaml.isCollection(root)) return undefined;
    const read = sub.toJS({ maxAliasCount: -1 }) as unknown;
    const found = shape === 'item' ? (read as unknown[])[0] : shape === 'key' ? (read as Record<string, unknown>)[top] : read;
    if (!isDeepStrictEqual(found, valueAt(value, path.slice(0, depth)))) return undefined;
    const rest = path.slice(depth);
    const span = locateIn(sub, shape === 'item' ? [0, ...rest] : shape === 'key' ? path : rest, key);
    return { start: span.start + from, end: span.end + from };
  };
  let calls = 0;
  return (path, key) => (++calls > MOST_ENTRIES ? undefined : locateNear(path, key));
}

/**
 * Where the entry around `path` is written: [from, to) of the text, how much of the path leads to it, and
 * what the text holds: a block sequence's item (`- ...`), a top-level key with its value, or (in a catalog
 * written as JSON) the item's value alone.
 */
interface Entry {
  readonly from: number;
  readonly to: number;
  readonly depth: number;
  readonly shape: 'item' | 'key' | 'value';
}

/** The entry in a block-style catalog, found by indentation: an error of a group, a group, or the top-level key. */
function blockEntry(lines: Lines, path: Path): Entry | undefined {
  const top = path[0] as string;
  if (/[\s:#"'{}[\],&*!|>%@`]/.test(top)) return undefined;
  const topRange = keyRange(lines, 0, lines.count, 0, top);
  if (!topRange) return undefined;
  let range = topRange;
  let depth = 1; // path[0, depth) leads to what `range` holds
  let shape: Entry['shape'] = 'key';
  if (top === 'groups' && typeof path[1] === 'number') {
    const group = itemRange(lines, topRange[0] + 1, topRange[1], path[1]);
    if (!group) return undefined;
    [range, depth, shape] = [group.range, 2, 'item'];
    if (path[2] === 'errors' && typeof path[3] === 'number') {
      const keyAt = group.at + 2;
      const errors = keyRange(lines, group.range[0], group.range[1], keyAt, 'errors');
      const error = errors && itemRange(lines, errors[0] + 1, errors[1], path[3]);
      if (error) [range, depth] = [error.range, 4];
    }
  }
  return { from: startOf(lines, range[0]), to: startOf(lines, range[1]), depth, shape };
}

/**
 * The entry in a catalog written as JSON: the value of an error of a group, or of a group, found by reading
 * the JSON's structure (strings skipped whole). Anything but plain JSON on the way gives up.
 */
function jsonEntry(text: string, path: Path): Entry | undefined {
  if (path[0] !== 'groups' || typeof path[1] !== 'number') return undefined;
  const deep = path[2] === 'errors' && typeof path[3] === 'number';
  const steps = deep ? path.slice(0, 4) : path.slice(0, 2);
  let at = skipSpace(text, 0);
  for (const step of steps) {
    at = typeof step === 'number' ? element(text, at, step) : member(text, at, step);
    if (at < 0) return undefined;
  }
  const to = skipValue(text, at);
  return to < 0 ? undefined : { from: at, to, depth: steps.length, shape: 'value' };
}

const skipSpace = (text: string, at: number): number => {
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  return at;
};

/** The end of the JSON string that starts at `at` (after its closing quote), or -1. */
function skipString(text: string, at: number): number {
  if (text[at] !== '"') return -1;
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

/** The end of the JSON value that starts at `at`, or -1. */
function skipValue(text: string, at: number): number {
  const c = text[at];
  if (c === '"') return skipString(text, at);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const d = text[i];
      if (d === '"') {
        i = skipString(text, i) - 1;
        if (i < 0) return -1;
      } else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        if (--depth === 0) return i + 1;
      }
    }
    return -1;
  }
  const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(text.slice(at, at + 40));
  return m ? at + m[0].length : -1;
}

/** Where the entry after the value at `at` starts, past its comma; -1 at the end of the collection or on anything else. */
function nextEntry(text: string, at: number): number {
  const end = skipValue(text, at);
  if (end < 0) return -1;
  const comma = skipSpace(text, end);
  return text[comma] === ',' ? skipSpace(text, comma + 1) : -1;
}

/** The start of the value of member `name` of the JSON object at `at`, or -1. */
function member(text: string, at: number, name: string): number {
  if (text[at] !== '{') return -1;
  const quoted = JSON.stringify(name);
  for (let i = skipSpace(text, at + 1); i >= 0 && text[i] === '"'; ) {
    const keyEnd = skipString(text, i);
    const colon = keyEnd < 0 ? -1 : skipSpace(text, keyEnd);
    if (text[colon] !== ':') return -1;
    const value = skipSpace(text, colon + 1);
    if (text.slice(i, keyEnd) === quoted) return value;
    i = nextEntry(text, value);
  }
  return -1;
}

/** The start of element `index` of the JSON array at `at`, or -1. */
function element(text: string, at: number, index: number): number {
  if (text[at] !== '[') return -1;
  let i = skipSpace(text, at + 1);
  if (text[i] === ']') return -1;
  for (let n = 0; n < index && i >= 0; n++) i = nextEntry(text, i);
  return i;
}
