/**
 * load: reads catalog.yaml into a plain value while keeping the YAML syntax tree, so that every later
 * diagnostic can point at the line and column of what it is about.
 */
import { readFile } from 'node:fs/promises';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { SourceMap } from '../diagnostics.js';
import type { Diagnostic, Span } from '../diagnostics.js';

/** A path into the catalog value: object keys and array indexes. */
export type Path = readonly (string | number)[];

/** Most nodes an alias may expand to before the catalog is refused (defends against alias bombs). */
export const MAX_ALIAS_COUNT = 1000;

/** A loaded catalog source: its text, its syntax tree, and the plain value (absent if unusable). */
export interface LoadedSource {
  readonly source: SourceMap;
  /** The catalog as plain JSON-like data; undefined when the YAML could not be read. */
  readonly value: unknown;
  readonly diagnostics: readonly Diagnostic[];
  /** The span of the node at `path` (or of its key, with `key: true`); the nearest existing ancestor otherwise. */
  locate(path: Path, options?: { key?: boolean }): Span;
}

/** Reads and parses a catalog file. Throws only for I/O errors (the CLI reports them as usage errors). */
export async function loadCatalogFile(file: string, displayName = file): Promise<LoadedSource> {
  return parseCatalog(await readFile(file, 'utf8'), displayName);
}

/** Parses catalog text. Syntax errors, duplicate keys and alias bombs become diagnostics. */
export function parseCatalog(text: string, file: string): LoadedSource {
  const source = new SourceMap(file, text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  const locate = (path: Path, options?: { key?: boolean }) => locateIn(doc, path, options?.key ?? false);

  let fatal = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      const { span, message } = duplicateKey(doc, source, error.pos);
      diagnostics.push(source.diagnostic('yaml-duplicate-key', span, message));
    } else {
      fatal = true;
      const message = /Maximum call stack/.test(error.message) ? 'the YAML nests too deeply to be read' : firstLine(error.message);
      diagnostics.push(source.diagnostic('yaml-syntax', { start: error.pos[0], end: error.pos[1] }, message));
    }
  }
  for (const warning of doc.warnings) {
    diagnostics.push(source.diagnostic('yaml-warning', { start: warning.pos[0], end: warning.pos[1] }, firstLine(warning.message)));
  }
  if (fatal) return { source, value: undefined, diagnostics, locate };

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

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The duplicate key's whole span and a message naming the line of its first definition. */
function duplicateKey(doc: Document, source: SourceMap, pos: readonly [number, number]): { span: Span; message: string } {
  let span: Span = { start: pos[0], end: pos[1] };
  let message = 'duplicate key';
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((p) => p.key).filter(isScalar);
      const duplicate = keys.find((k) => k.range?.[0] === pos[0]);
      if (!duplicate?.range) return undefined;
      const name = String(duplicate.value);
      span = { start: duplicate.range[0], end: duplicate.range[1] };
      const first = keys.find((k) => String(k.value) === name)?.range?.[0];
      message =
        first === undefined || first === pos[0]
          ? `duplicate key '${name}'`
          : `duplicate key '${name}': it is already defined on line ${source.position(first).line}`;
      return visit.BREAK;
    },
  });
  return { span, message };
}

function firstAliasSpan(doc: Document): Span | undefined {
  let span: Span | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.range) span = { start: node.range[0], end: node.range[1] };
      return visit.BREAK;
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
  if (isCollection(node)) {
    const first = node.items[0];
    if (first !== undefined) {
      const firstNode = isPair(first) ? (first.key as YamlNode | null) : (first as YamlNode);
      const s = spanOf(firstNode);
      if (s) return s;
    }
  }
  return spanOf(node);
}

function locateIn(doc: Document, path: Path, key: boolean): Span {
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let best: Span = (node && headSpan(node)) ?? { start: 0, end: 0 };
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc) as YamlNode | undefined;
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return best;
      const keySpan = spanOf(pair.key as YamlNode);
      if (last && key && keySpan) return keySpan;
      node = pair.value as YamlNode | null;
      // An empty value (`title:`) has no node of its own: point at the key.
      best = (node && !isCollection(node) ? spanOf(node) : keySpan) ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as YamlNode | undefined;
      if (!node) return best;
      best = headSpan(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}
