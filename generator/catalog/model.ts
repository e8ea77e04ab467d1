/**
 * model: the validated catalog, normalized and fully resolved. It is the only thing emitters see:
 * type URIs, identifiers, texts in every locale (fallback applied), parsed detail templates and
 * extension schemas are all computed here, once, in catalog order. Every object is frozen.
 */
import { defineOwn, parseTemplate, placeholders, splitMember } from './derive.js';

export { defineOwn };
import type { RawText, TemplateSegment } from './derive.js';
import { anchorOf, errorName, globalErrorName, groupName, normalizeBase, typeUri } from '../naming.js';
import type { RawCatalog, RawError, RawGroup } from './validate.js';

/** A text in every locale of the catalog: missing translations already hold the default locale's text. */
export type LocalizedText = { readonly [locale: string]: string };

/** A JSON value, as found in schemas and examples. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export interface CatalogModel {
  readonly name: string;
  /** The catalog's own version (semver, `catalogVersion`), `0.0.0` when it has none. */
  readonly catalogVersion: string;
  /** Name of the package the output folder is (`package.name`), the catalog's name by default. */
  readonly packageName: string;
  /** Locales in catalog order; the first is the default. */
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  /** How descriptions, resolutions and deprecation notes are written: plain text, or CommonMark. */
  readonly textFormat: 'plain' | 'markdown';
  readonly title: LocalizedText;
  readonly intro?: LocalizedText;
  /** Base of derived type URIs (no trailing slash). */
  readonly typeBase: string;
  /** Base URL of the generated JSON Schemas' `$id`s (no trailing slash). */
  readonly schemaBase: string;
  /** Options of the TypeScript output. */
  readonly typescript: { readonly style: 'enum' | 'const' };
  /** Options of the reference pages: one page per group (with an index) instead of one per locale. */
  readonly pages: { readonly perGroup: boolean };
  readonly groups: readonly GroupModel[];
  /** Every live problem of every group, in catalog order (tombstones are in `removed`). */
  readonly problems: readonly ProblemModel[];
  /** Every tombstone (`removed:`) of every group, in catalog order: not live, still documented and looked up. */
  readonly removed: readonly ProblemModel[];
  /** The problem shown as the catalog's example (the one named by `example`, else the first with an example). */
  readonly example?: ProblemModel;
}

export interface GroupModel {
  readonly id: string;
  /** TypeScript name (PascalCase), e.g. `WhatsAppProvisioning`. */
  readonly name: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  /** Its live problems, in catalog order. */
  readonly problems: readonly ProblemModel[];
  /** Every entry, tombstones included, in catalog order: what the reference pages list. */
  readonly entries: readonly ProblemModel[];
}

export interface ProblemModel {
  /** Id of the group this problem belongs to. */
  readonly group: string;
  readonly code: string;
  /** Name inside its group (enum member), e.g. `NumberInUse`. */
  readonly name: string;
  /** Catalog-wide name, e.g. `WhatsAppProvisioningNumberInUse`. */
  readonly globalName: string;
  /** The RFC 9457 `type` URI; also the link to the problem's documentation. */
  readonly type: string;
  /** The first of its statuses: the one of examples, and the one a factory uses when there is only one. */
  readonly status: number;
  /** Every HTTP status the problem is returned with, as listed (at least one). */
  readonly statuses: readonly number[];
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly resolution?: LocalizedText;
  readonly detail?: DetailModel;
  /** Extension members in catalog order. */
  readonly extensions: readonly ExtensionModel[];
  /** A complete example problem: type, title, status, detail (rendered), instance, then extension members. */
  readonly example?: { readonly [member: string]: Json };
  /** Present when the problem is deprecated: the text says what to use instead (empty strings when none is given). */
  readonly deprecated?: LocalizedText;
  /** Present on a tombstone: since which catalogVersion it is gone, what replaces it (`{group}/{code}`), a note. */
  readonly removed?: { readonly since: string; readonly replacedBy?: string; readonly note?: LocalizedText };
  /** The catalogVersion that added it, and the one that deprecated it, as the catalog records them (the changelog). */
  readonly since?: string;
  readonly deprecatedSince?: string;
  /** Where it is written: its group's index and its own index in the group's `errors` (for diagnostics). */
  readonly position: readonly [group: number, error: number];
}

export interface DetailModel {
  /** The template as written, per locale. */
  readonly template: LocalizedText;
  /** The template parsed, per locale. */
  readonly segments: { readonly [locale: string]: readonly TemplateSegment[] };
  /** Extension members the template names (in any locale), in order of first use. */
  readonly members: readonly string[];
}

export interface ExtensionModel {
  readonly name: string;
  readonly required: boolean;
  /** The member's JSON Schema (2020-12), without the catalog's `optional` and `patternsReviewed` flags. */
  readonly schema: { readonly [keyword: string]: Json };
  readonly description?: string;
}

/** Above this many errors, the reference pages are split into one page per group by default. */
export const PAGE_SPLIT_ABOVE = 500;

/** Builds the model from a catalog that passed validation. Never mutates its input. */
export function buildModel(catalog: RawCatalog): CatalogModel {
  const locales = [...catalog.locales];
  const defaultLocale = locales[0]!;
  const localize = (text: RawText): LocalizedText => {
    const map: Record<string, string> = {};
    if (typeof text === 'string') {
      for (const locale of locales) map[locale] = text;
    } else {
      const fallback = text[defaultLocale] ?? text[Object.keys(text)[0]!]!;
      for (const locale of locales) map[locale] = text[locale] ?? fallback;
    }
    return Object.freeze(map);
  };

  const typeBase = normalizeBase(catalog.typeBase);
  const groups = catalog.groups.map((group, g) => buildGroup(catalog, typeBase, group, g, localize));
  const problems = groups.flatMap((g) => g.problems);
  const removed = groups.flatMap((g) => g.entries.filter((p) => p.removed));
  const example = catalog.example
    ? problems.find((p) => `${p.group}/${p.code}` === catalog.example)
    : problems.find((p) => p.example !== undefined);

  return deepFreeze({
    name: catalog.name,
    catalogVersion: catalog.catalogVersion ?? '0.0.0',
    packageName: catalog.package?.name ?? catalog.name,
    locales,
    defaultLocale,
    textFormat: catalog.textFormat ?? 'plain',
    title: localize(catalog.title),
    ...(catalog.intro !== undefined ? { intro: localize(catalog.intro) } : {}),
    typeBase,
    schemaBase: catalog.schemaBase !== undefined ? normalizeBase(catalog.schemaBase) : `${typeBase}/schemas`,
    typescript: { style: catalog.typescript?.style ?? 'enum' },
    pages: { perGroup: catalog.pages?.perGroup ?? (problems.length > PAGE_SPLIT_ABOVE || fragmentsRepeat(groups.flatMap((g) => g.entries))) },
    groups,
    problems,
    removed,
    ...(example ? { example } : {}),
  });
}

/** Whether two problems' type URIs share a fragment: one page could not give each its own anchor. */
export function fragmentsRepeat(problems: readonly ProblemModel[]): boolean {
  const seen = new Set<string>();
  for (const p of problems) {
    const anchor = anchorOf(p);
    if (seen.has(anchor)) return true;
    seen.add(anchor);
  }
  return false;
}

const entriesOf = (entries: ProblemModel[]) => ({ problems: entries.filter((p) => !p.removed), entries });

function buildGroup(catalog: RawCatalog, typeBase: string, group: RawGroup, g: number, localize: (t: RawText) => LocalizedText): GroupModel {
  return {
    id: group.id,
    name: groupName(group),
    title: localize(group.title ?? group.id),
    ...(group.description !== undefined ? { description: localize(group.description) } : {}),
    ...entriesOf(group.errors.map((error, e) => buildProblem(catalog, typeBase, group, error, localize, [g, e]))),
  };
}

function buildProblem(catalog: RawCatalog, typeBase: string, group: RawGroup, error: RawError, localize: (t: RawText) => LocalizedText, position: readonly [number, number]): ProblemModel {
  const type = typeUri(typeBase, group, error);
  const statuses = typeof error.status === 'number' ? [error.status] : [...error.status];
  const title = localize(error.title);
  const extensions: ExtensionModel[] = Object.entries(error.extensions ?? {}).map(([name, raw]) => {
    const { optional, schema } = splitMember(raw);
    const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
    return {
      name,
      required: optional !== true,
      schema: structuredClone(schema) as { [keyword: string]: Json },
      ...(description !== undefined ? { description } : {}),
    };
  });
  const detail = error.detail === undefined ? undefined : buildDetail(localize(error.detail));
  const defaultLocale = catalog.locales[0]!;

  let example: { [member: string]: Json } | undefined;
  if (error.example !== undefined) {
    const values = error.example as { readonly [member: string]: Json };
    const renderedDetail =
      typeof values['detail'] === 'string'
        ? values['detail']
        : detail
          ? renderTemplate(detail.segments[defaultLocale]!, values)
          : undefined;
    const status = typeof values['status'] === 'number' ? values['status'] : statuses[0]!;
    example = { type, title: title[defaultLocale]!, status };
    if (renderedDetail !== undefined) example['detail'] = renderedDetail;
    if (values['instance'] !== undefined) example['instance'] = values['instance'];
    // Member names may be anything (`__proto__` too): defined, never assigned.
    for (const member of extensions) {
      if (Object.hasOwn(values, member.name)) defineOwn(example, member.name, structuredClone(values[member.name]!));
    }
  }

  const deprecated =
    error.deprecated === undefined || error.deprecated === false
      ? undefined
      : error.deprecated === true
        ? localize('')
        : localize(error.deprecated);

  return {
    group: group.id,
    code: error.code,
    name: errorName(error),
    globalName: globalErrorName(group, error),
    type,
    status: statuses[0]!,
    statuses,
    title,
    ...(error.description !== undefined ? { description: localize(error.description) } : {}),
    ...(error.resolution !== undefined ? { resolution: localize(error.resolution) } : {}),
    ...(detail ? { detail } : {}),
    extensions,
    ...(example ? { example } : {}),
    ...(deprecated ? { deprecated } : {}),
    ...(error.removed
      ? { removed: { since: error.removed.since, ...(error.removed.replacedBy ? { replacedBy: error.removed.replacedBy } : {}), ...(error.removed.note ? { note: localize(error.removed.note) } : {}) } }
      : {}),
    ...(error.since !== undefined ? { since: error.since } : {}),
    ...(error.deprecatedSince !== undefined ? { deprecatedSince: error.deprecatedSince } : {}),
    position,
  };
}

function buildDetail(template: LocalizedText): DetailModel {
  const segments: Record<string, readonly TemplateSegment[]> = {};
  const members = new Set<string>();
  for (const [locale, text] of Object.entries(template)) {
    const parsed = parseTemplate(text);
    segments[locale] = parsed.segments;
    for (const m of placeholders(parsed)) members.add(m);
  }
  return { template, segments, members: [...members] };
}

/** Renders a parsed template with member values (strings as they are, other values as JSON). */
export function renderTemplate(segments: readonly TemplateSegment[], values: { readonly [member: string]: unknown }): string {
  return segments
    .map((s) => {
      if ('text' in s) return s.text;
      const value = Object.hasOwn(values, s.member) ? values[s.member] : undefined;
      return typeof value === 'string' ? value : JSON.stringify(value);
    })
    .join('');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Arrays by index, objects by key: twice as fast as Object.values over the ~110,000 objects of 10,000 errors.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
