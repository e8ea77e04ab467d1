/**
 * Positions without the whole syntax tree. A catalog the fast reader took (fast.ts) has no syntax tree;
 * the first diagnostic used to build one for the whole text with `yaml` (1.1 s and 230 MB at 10,000 errors,
 * for one lint warning). Most diagnostics point into one error or one group, so this finds that entry's
 * lines in a block-style catalog and reads only them with `yaml`: the same nodes, so the same spans,
 * shifted by where the lines start.
 *
 * The lines are found by indentation alone, which a quoted text over several lines or an unusual layout
 * could mislead; so what was read is used only if it is exactly one entry (or one top-level key) whose
 * value equals the fast reader's there, and nothing is used otherwise: the caller reads the whole text.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Document, Node as YamlNode } from 'yaml';
import type { Span } from '../diagnostics.js';

type Yaml = typeof import('yaml');
type Path = readonly (string | number)[];

interface Lines {
  readonly text: string;
  /** Offset of each line's start, and the text's length last. */
  readonly starts: readonly number[];
}

function linesOf(text: string): Lines {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] !== text.length) starts.push(text.length);
  return { text, starts };
}

/** A line's indentation, or -1 for a blank or comment-only line (which belongs to no entry). */
function indentOf(lines: Lines, line: number): number {
  const { text, starts } = lines;
  let i = starts[line]!;
  const end = starts[line + 1] ?? text.length;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return i >= end || c === 10 || c === 13 || c === 35 /* # */ ? -1 : i - starts[line]!;
}

const startsWith = (lines: Lines, line: number, at: number, word: string): boolean => lines.text.startsWith(word, lines.starts[line]! + at);
const isItem = (lines: Lines, line: number, at: number): boolean => {
  const next = lines.text.charCodeAt(lines.starts[line]! + at + 1);
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
 * A locator of `path`s that reads only the entry around each, or says undefined when that is not sure (the
 * caller then reads the whole text), and from the MOST_ENTRIES-th call on. `locateIn` is the one that
 * resolves a path in a syntax tree; `options` are the `yaml` options of the whole text's reading.
 */
export function nearLocator(
  yaml: Yaml,
  text: string,
  value: unknown,
  locateIn: (doc: Document, path: Path, key: boolean) => Span,
  options: object,
): (path: Path, key: boolean) => Span | undefined {
  let lines: Lines | undefined;
  let calls = 0;
  return (path, key) => (++calls > MOST_ENTRIES ? undefined : locateNear(yaml, (lines ??= linesOf(text)), value, path, key, locateIn, options));
}

function locateNear(
  yaml: Yaml,
  lines: Lines,
  value: unknown,
  path: Path,
  key: boolean,
  locateIn: (doc: Document, path: Path, key: boolean) => Span,
  options: object,
): Span | undefined {
  const top = path[0];
  if (typeof top !== 'string' || /[\s:#"'{}[\],&*!|>%@`]/.test(top) || path.length < 2) return undefined;
  const text = lines.text;
  const all = lines.starts.length - 1;
  const topRange = keyRange(lines, 0, all, 0, top);
  if (!topRange) return undefined;
  // The narrowest entry that holds the path: an error of a group, a group, or the top-level key.
  let range = topRange;
  let depth = 1; // path[0, depth) leads to what `range` holds
  let asItem = false;
  if (top === 'groups' && typeof path[1] === 'number') {
    const group = itemRange(lines, topRange[0] + 1, topRange[1], path[1]);
    if (!group) return undefined;
    [range, depth, asItem] = [group.range, 2, true];
    if (path[2] === 'errors' && typeof path[3] === 'number') {
      const keyAt = group.at + 2;
      const errors = keyRange(lines, group.range[0], group.range[1], keyAt, 'errors');
      const error = errors && itemRange(lines, errors[0] + 1, errors[1], path[3]);
      if (error) [range, depth] = [error.range, 4];
    }
  }
  const from = lines.starts[range[0]]!;
  const sub = yaml.parseDocument(text.slice(from, lines.starts[range[1]]!), options);
  if (sub.errors.length > 0 || sub.warnings.length > 0) return undefined;
  const root = sub.contents as YamlNode | null;
  // Exactly the one entry, equal to what the fast reader read there.
  if (asItem ? !yaml.isSeq(root) || root.items.length !== 1 : !yaml.isMap(root) || root.items.length !== 1) return undefined;
  const read = sub.toJS({ maxAliasCount: -1 }) as unknown;
  const entry = asItem ? (read as unknown[])[0] : (read as Record<string, unknown>)[top];
  if (!isDeepStrictEqual(entry, valueAt(value, path.slice(0, depth)))) return undefined;
  const span = locateIn(sub, asItem ? [0, ...path.slice(depth)] : path, key);
  return { start: span.start + from, end: span.end + from };
}
