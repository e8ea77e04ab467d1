/**
 * load: reads catalog.yaml into a plain value while keeping the YAML syntax tree, so that every later
 * diagnostic can point at the line and column of what it is about.
 */
import { createRequire } from 'node:module';
import type * as YamlLibrary from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { SourceMap } from '../diagnostics.js';
import { FORBIDDEN_CHARACTER, decodeCatalog } from './decode.js';
import { readFast } from './fast.js';
import { nearLocator } from './near.js';
import type { Diagnostic, Span } from '../diagnostics.js';

// `yaml` is loaded when first needed: the fast reader answers most catalogs without it (20–25 ms of a run).
const require = createRequire(import.meta.url);
let yamlLibrary: typeof YamlLibrary | undefined;
const yaml = (): typeof YamlLibrary => (yamlLibrary ??= require('yaml') as typeof YamlLibrary);

/** A path into the catalog value: object keys and array indexes. */
export type Path = readonly (string | number)[];

/** A JSON Pointer (`/groups/0/code`, as Ajv reports them) as a Path. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** Most nodes an alias may expand to before the catalog is refused (defends against alias bombs). */
export const MAX_ALIAS_COUNT = 1000;

export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** A loaded catalog source: its text, its syntax tree, and the plain value (absent if unusable). */
export interface LoadedSource {
  readonly source: SourceMap;
  /** The catalog as plain JSON-like data; undefined when the YAML could not be read. */
  readonly value: unknown;
  readonly diagnostics: readonly Diagnostic[];
  /** The span of the node at `path` (or of its key, with `key: true`); the nearest existing ancestor otherwise. */
  locate(path: Path, options?: { key?: boolean }): Span;
}

/** Parses a catalog's bytes: decoded (UTF-8, or UTF-16 with a byte-order mark), then read as YAML. */
export function loadCatalog(bytes: Uint8Array, displayName: string): LoadedSource {
  const decoded = decodeCatalog(bytes);
  if ('text' in decoded) return parseCatalog(decoded.text, displayName);
  const source = new SourceMap(displayName, decoded.partial);
  const diagnostic = source.diagnostic('encoding', { start: decoded.offset, end: decoded.offset + 1 }, decoded.message);
  return { source, value: undefined, diagnostics: [diagnostic], locate: () => ({ start: decoded.offset, end: decoded.offset + 1 }) };
}

/** Parses catalog text. Syntax errors, duplicate keys and alias bombs become diagnostics. */
export function parseCatalog(text: string, file: string): LoadedSource {
  const source = new SourceMap(file, text);
  const fast = readFast(text);
  if (fast) {
    // Nothing to report while reading: a position a later stage needs is found by reading the entry it is
    // in (near.ts); the syntax tree of the whole text is built only when that cannot be sure.
    let doc: Document | undefined;
    let near: ReturnType<typeof nearLocator> | undefined;
    const locate = (path: Path, options?: { key?: boolean }) => {
      const key = options?.key ?? false;
      const span = doc ? undefined : (near ??= nearLocator(yaml(), source, fast.value, locateIn, YAML_OPTIONS))(path, key);
      return span ?? locateIn((doc ??= yaml().parseDocument(text, YAML_OPTIONS)), path, key);
    };
    return { source, value: fast.value, diagnostics: [], locate };
  }
  return readWithYaml(text, source);
}

/** The reader of record: `yaml`, with every diagnostic and position. */
export function readWithYaml(text: string, source: SourceMap): LoadedSource {
  const doc = yaml().parseDocument(text, YAML_OPTIONS);
  const diagnostics: Diagnostic[] = [];
  const locate = (path: Path, options?: { key?: boolean }) => locateIn(doc, path, options?.key ?? false);

  let fatal = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      const { span, message } = duplicateKey(doc, source, error.pos);
      diagnostics.push(source.diagnostic('yaml-duplicate-key', span, message));
    } else {
      fatal = true;
      const message = /Maximum call stack/.test(error.message) ? 'the YAML nests too deeply to be read' : explainSyntax(firstLine(error.message), source, error.pos[0]);
      diagnostics.push(source.diagnostic('yaml-syntax', { start: error.pos[0], end: error.pos[1] }, message));
    }
  }
  for (const warning of doc.warnings) {
    diagnostics.push(source.diagnostic('yaml-warning', { start: warning.pos[0], end: warning.pos[1] }, firstLine(warning.message)));
  }
  if (fatal) return { source, value: undefined, diagnostics, locate };
  keepCodesAsWritten(doc);
  diagnostics.push(...forbiddenCharacters(doc, source));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const span = firstAliasSpan(doc) ?? { start: 0, end: 0 };
    diagnostics.push(
      source.diagnostic(
        'yaml-alias-limit',
        span,
        `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} per alias): refusing a possible alias bomb`,
      ),
    );
    return { source, value: undefined, diagnostics, locate };
  }
  return { source, value, diagnostics, locate };
}

/** The YAML library's message, explained in the catalog author's terms where a common slip caused it. */
function explainSyntax(message: string, source: SourceMap, offset: number): string {
  const line = source.lineText(source.position(offset).line);
  const glued = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):(\S.*)$/.exec(line);
  if (glued && !/^\/\//.test(glued[2]!)) {
    return `'${glued[1]}:${glued[2]}' needs a space after the colon: write '${glued[1]}: ${glued[2]}' (YAML: ${message})`;
  }
  if (/\t/.test(line.slice(0, line.length - line.trimStart().length))) return `this line is indented with a tab: YAML indents with spaces only (YAML: ${message})`;
  return message;
}

/**
 * A code is kept exactly as written: an unquoted `code: 08000` or `code: 1e3` is the text `08000` or `1e3`,
 * never the number 8000 or 1000 that YAML would read.
 */
function keepCodesAsWritten(doc: Document): void {
  const groups = doc.contents;
  if (!yaml().isMap(groups)) return;
  const list = groups.get('groups', true);
  if (!yaml().isSeq(list)) return;
  for (const group of list.items) {
    if (!yaml().isMap(group)) continue;
    const errors = group.get('errors', true);
    if (!yaml().isSeq(errors)) continue;
    for (const error of errors.items) {
      if (!yaml().isMap(error)) continue;
      const code = error.get('code', true);
      if (yaml().isScalar(code) && typeof code.value === 'number' && code.type === 'PLAIN' && typeof code.source === 'string') code.value = code.source;
    }
  }
}

/** NUL and lone surrogates (reachable through escapes like "\\0" or "\\uD800") cannot survive every output: refused where they are. */
function forbiddenCharacters(doc: Document, source: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  yaml().visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      const match = FORBIDDEN_CHARACTER.exec(node.value);
      if (!match) return;
      const ch = match[0];
      const what =
        ch === '\0'
          ? 'a NUL character (\\0)'
          : `a lone surrogate (\\u${ch.charCodeAt(0).toString(16).toUpperCase()}), half of a character that UTF-8 cannot encode`;
      out.push(source.diagnostic('forbidden-character', { start: node.range[0], end: node.range[1] }, `this text holds ${what}: every output would change it; remove it, or write the whole character`));
    },
  });
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The duplicate key's whole span and a message naming the line of its first definition. */
function duplicateKey(doc: Document, source: SourceMap, pos: readonly [number, number]): { span: Span; message: string } {
  let span: Span = { start: pos[0], end: pos[1] };
  let message = 'duplicate key';
  yaml().visit(doc, {
    Map(_, map) {
      const keys = map.items.map((p) => p.key).filter((k) => yaml().isScalar(k));
      const duplicate = keys.find((k) => k.range?.[0] === pos[0]);
      if (!duplicate?.range) return undefined;
      const name = String(duplicate.value);
      span = { start: duplicate.range[0], end: duplicate.range[1] };
      const first = keys.find((k) => String(k.value) === name)?.range?.[0];
      message =
        first === undefined || first === pos[0]
          ? `duplicate key '${name}'`
          : `duplicate key '${name}': it is already defined on line ${source.position(first).line}`;
      return yaml().visit.BREAK;
    },
  });
  return { span, message };
}

function firstAliasSpan(doc: Document): Span | undefined {
  let span: Span | undefined;
  yaml().visit(doc, {
    Alias(_, node) {
      if (node.range) span = { start: node.range[0], end: node.range[1] };
      return yaml().visit.BREAK;
    },
  });
  return span;
}

function spanOf(node: YamlNode | null | undefined): Span | undefined {
  if (!node?.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

/** Span of a collection: its first line only, so frames stay short. */
function headSpan(node: YamlNode): Span | undefined {
  if (yaml().isCollection(node)) {
    const first = node.items[0];
    if (first !== undefined) {
      const firstNode = yaml().isPair(first) ? (first.key as YamlNode | null) : (first as YamlNode);
      const s = spanOf(firstNode);
      if (s) return s;
    }
  }
  return spanOf(node);
}

/** The span of the node at `path` in a syntax tree (of its key, with `key`), or of the nearest existing ancestor. */
export function locateIn(doc: Document, path: Path, key: boolean): Span {
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let best: Span = (node && headSpan(node)) ?? { start: 0, end: 0 };
  for (let i = 0; i < path.length; i++) {
    if (yaml().isAlias(node)) node = node.resolve(doc) as YamlNode | undefined;
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (yaml().isMap(node)) {
      const pair = node.items.find((p: Pair) => yaml().isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return best;
      const keySpan = spanOf(pair.key as YamlNode);
      if (last && key && keySpan) return keySpan;
      node = pair.value as YamlNode | null;
      // An empty value (`title:`) has no node of its own: point at the key.
      best = (node && (!yaml().isCollection(node) || node.items.length === 0) ? spanOf(node) : keySpan) ?? best;
    } else if (yaml().isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as YamlNode | undefined;
      if (!node) return best;
      best = headSpan(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}
