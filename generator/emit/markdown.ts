/**
 * Pages from handlebars templates (by default the markdown reference page, one per locale). The
 * emitter prepares all view data (texts per locale, anchors, the example as an HTTP response); the
 * templates only lay it out. Handlebars runs with `strict: true` (a missing field is an error) and
 * `noEscape: true` (HTML escaping is wrong for markdown); texts are escaped with the `md` helper.
 */
import * as path from 'node:path';
import type { CatalogModel, GroupModel, Json, ProblemModel } from '../catalog/model.js';
import { renderTemplate } from '../catalog/model.js';
import { HELPERS, handlebarsFor } from '../templates.js';
import type { HelperName, TemplateSet } from '../templates.js';
import { banner } from './types.js';
import { htmlComment, htmlText, markdownInline, markdownToCellHtml, markdownToHtml } from './escape.js';
import { anchorOf } from '../naming.js';
import type { EmitOptions, EmitResult, Emitter, GeneratedFile } from './types.js';
import { SourceMap } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';

export { markdownInline };

/**
 * A catalog text written in CommonMark (`textFormat: markdown`). The `md` helper renders it as safe HTML
 * on one line; printed as it is (`{{description}}`), it is the text as written.
 */
export class MarkdownText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A text for a markdown table cell: plain text escaped, a CommonMark text rendered as safe HTML on one line. */
const markdownCell = (text: unknown): string => (text instanceof MarkdownText ? markdownToCellHtml(text.text) : markdownInline(String(text)));

/** Reason phrases of RFC 9110 (fixed here, not taken from the runtime, so output is the same on every Node). */
const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required',
  412: 'Precondition Failed', 413: 'Content Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable',
  417: 'Expectation Failed', 421: 'Misdirected Request', 422: 'Unprocessable Content', 423: 'Locked', 424: 'Failed Dependency',
  425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  510: 'Not Extended', 511: 'Network Authentication Required',
};

function problemView(problem: ProblemModel, locale: string, anchor: string, markdown: boolean, strings: { readonly [key: string]: string }, model: CatalogModel) {
  const example = localizedExample(model, problem, locale);
  const rich = (text: string | undefined) => (text === undefined || text === '' ? '' : markdown ? new MarkdownText(text) : text);
  const members = problem.extensions.map((m) => ({ ...m, type: typeText(m.schema) }));
  return {
    group: problem.group,
    code: problem.code,
    name: problem.name,
    globalName: problem.globalName,
    type: problem.type,
    status: problem.statuses.join(', '),
    statuses: problem.statuses,
    reason: REASONS[problem.status] ?? '',
    anchor: htmlText(anchor), // an HTML attribute value
    title: problem.title[locale]!,
    description: rich(problem.description?.[locale]),
    resolution: rich(problem.resolution?.[locale]),
    detail: problem.detail?.template[locale] ?? '',
    deprecated: problem.deprecated !== undefined,
    deprecation: rich(problem.deprecated?.[locale]),
    /** On a tombstone: the removal note in the page's words ('' on a live problem). */
    removed: problem.removed
      ? [
          (strings['removedSince'] ?? 'removed in {since}').replace('{since}', problem.removed.since),
          problem.removed.replacedBy ? (strings['replacedBy'] ?? 'use {problem}').replace('{problem}', problem.removed.replacedBy) : '',
          problem.removed.note?.[locale] ?? '',
        ].filter(Boolean).join('; ')
      : '',
    extensions: members.map((m) => ({ name: m.name, required: m.required, type: m.type, description: m.description ?? '', schema: JSON.stringify(m.schema) })),
    /** What the site's filter matches: the code and the title. */
    filterText: `${problem.code} ${problem.title[locale]!}`,
    /** The problem's example as a response body in `locale`, as JSON text, or '' when it has none. */
    example: example ? JSON.stringify(example, null, 2) : '',
    // The details cell, a line each: the detail template, then each extension member with its type.
    details: [
      ...(problem.detail ? [`${strings['detail'] ?? 'Detail'}: ${problem.detail.template[locale]!}`] : []),
      ...members.map((m) => `${m.name} (${m.type}${m.required ? '' : `, ${strings['optional'] ?? 'optional'}`})${m.description ? `: ${m.description}` : ''}`),
    ],
  };
}

/** A member's JSON Schema in a few words: `integer`, `string | null`, `"a" | "b"`, `array of string`. */
export function typeText(schema: { readonly [keyword: string]: Json }): string {
  if (schema['const'] !== undefined) return JSON.stringify(schema['const']);
  if (Array.isArray(schema['enum'])) return schema['enum'].map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(schema['type']) ? schema['type'].map(String) : typeof schema['type'] === 'string' ? [schema['type']] : [];
  const items = schema['items'];
  const text = types.map((t) => (t === 'array' && items !== null && typeof items === 'object' && !Array.isArray(items) ? `array of ${typeText(items as { [k: string]: Json })}` : t));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) text.push(branches.map((b) => (b !== null && typeof b === 'object' && !Array.isArray(b) ? typeText(b as { [k: string]: Json }) : 'any')).join(' | '));
  }
  return text.join(' | ') || 'any';
}

function groupView(group: GroupModel, locale: string, anchors: Map<ProblemModel, string>, markdown: boolean, strings: { readonly [key: string]: string }, model: CatalogModel) {
  const description = group.description?.[locale] ?? '';
  return {
    id: group.id,
    name: group.name,
    title: group.title[locale]!,
    description: markdown && description !== '' ? new MarkdownText(description) : description,
    // Every entry, tombstones included: a removed problem's type URI still lands on its entry.
    problems: group.entries.map((p) => problemView(p, locale, anchors.get(p)!, markdown, strings, model)),
  };
}

/**
 * Anchors: the type URI's fragment, so that a type URI lands on its row. Pages are split per group by
 * default when fragments repeat across groups; only a catalog that forces one page (`perGroup: false`)
 * gets `{group}-{code}` for a repeated fragment (validation warns about it).
 */
function anchors(model: CatalogModel): Map<ProblemModel, string> {
  const used = new Set<string>();
  const out = new Map<ProblemModel, string>();
  for (const group of model.groups) {
    if (model.pages.perGroup) used.clear();
    for (const p of group.entries) {
      let anchor = anchorOf(p);
      if (used.has(anchor)) anchor = `${p.group}-${p.code}`;
      used.add(anchor);
      out.set(p, anchor);
    }
  }
  return out;
}

/** A problem's example as a response in `locale`: its title, and its detail rendered from that locale's template. */
function localizedExample(model: CatalogModel, problem: ProblemModel | undefined, locale: string): { [member: string]: Json } | undefined {
  if (!problem?.example) return undefined;
  const example: { [member: string]: Json } = { ...problem.example }; // spread copies a `__proto__` member as data
  example['title'] = problem.title[locale]!;
  const segments = problem.detail?.segments[locale];
  if (segments && typeof example['detail'] === 'string' && example['detail'] === renderTemplate(problem.detail!.segments[model.defaultLocale]!, problem.example)) {
    example['detail'] = renderTemplate(segments, problem.example);
  }
  return example;
}

/** The data every template receives (documented in the README). */
export function pageView(model: CatalogModel, locale: string, strings: { readonly [key: string]: string }, sourceName: string) {
  const a = anchors(model);
  const example = localizedExample(model, model.example, locale);
  return {
    // Ready for an HTML comment: a catalog file name cannot end it.
    banner: htmlComment(banner(sourceName)),
    textFormat: model.textFormat,
    locale,
    defaultLocale: model.defaultLocale,
    locales: model.locales,
    strings,
    catalog: { name: model.name, typeBase: model.typeBase, schemaBase: model.schemaBase },
    title: model.title[locale]!,
    // Always CommonMark: printed as it is on a markdown page, rendered safely by the `html` helper.
    intro: model.intro?.[locale] !== undefined ? new MarkdownText(model.intro[locale]!) : '',
    /** From the locale's folder of the site to the site's root: '' for the default locale, '../' for the others. */
    sitePrefix: locale === model.defaultLocale ? '' : '../',
    groupRootHref: locale === model.defaultLocale ? '../' : '../../',
    perGroup: model.pages.perGroup,
    example: example
      ? {
          code: model.example!.code,
          group: model.example!.group,
          status: model.example!.status,
          reason: REASONS[model.example!.status] ?? '',
          json: JSON.stringify(example, null, 2),
        }
      : false,
    groups: model.groups.map((g) => groupView(g, locale, a, model.textFormat === 'markdown', strings, model)),
    changelog: changelog(model, locale, a),
  };
}

/** Semver order, newest first (pre-releases before their release). */
function newestFirst(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0]!.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
  return (a.includes('-') ? 1 : 0) - (b.includes('-') ? 1 : 0) || (a < b ? 1 : a > b ? -1 : 0);
}

/**
 * The changelog, from what the catalog records: each catalogVersion that added (`since`), deprecated
 * (`deprecatedSince`) or removed (`removed.since`) a problem, newest first. Empty when it records nothing.
 */
function changelog(model: CatalogModel, locale: string, anchors: Map<ProblemModel, string>) {
  const all = model.groups.flatMap((g) => g.entries);
  // The entry's anchor on its page, as the pages give it (a fragment repeated on one page gets `{group}-{code}`).
  const entry = (p: ProblemModel) => ({ problem: `${p.group}/${p.code}`, title: p.title[locale]!, anchor: anchors.get(p)!, group: p.group, note: p.removed?.replacedBy ?? '' });
  const versions = [...new Set(all.flatMap((p) => [p.since, p.deprecatedSince, p.removed?.since]).filter((v): v is string => v !== undefined))].sort(newestFirst);
  return versions.map((version) => ({
    version,
    added: all.filter((p) => p.since === version).map(entry),
    deprecated: all.filter((p) => p.deprecatedSince === version).map(entry),
    removed: all.filter((p) => p.removed?.since === version).map(entry),
  }));
}

/**
 * `docs/api-errors.{locale}.md.hbs` → `docs/api-errors.fr.md`; `{localeDir}` is the locale's folder, empty
 * for the default locale (`site/{localeDir}/{group}/index.html.hbs` → `site/account/index.html`,
 * `site/fr/account/index.html`).
 */
const outputPath = (template: string, vars: { locale: string; localeDir: string; group?: string }): string =>
  template
    .slice(0, -'.hbs'.length)
    .replace(/\{locale\}/g, vars.locale)
    .replace(/\{localeDir\}/g, vars.localeDir)
    .replace(/\{localeSuffix\}/g, vars.localeDir ? `.${vars.localeDir}` : '')
    .replace(/\{group\}/g, vars.group ?? '')
    .split('/')
    .filter((segment) => segment !== '')
    .join('/');

/** The language switch of a site page: the same page in every locale, relative to this one. */
function localeLinks(set: TemplateSet, model: CatalogModel, locale: string, group: string | undefined) {
  const up = (group ? '../' : '') + (locale === model.defaultLocale ? '' : '../');
  return model.locales.map((l) => ({
    locale: l,
    name: stringsFor(set, l, model)['languageName'] ?? l,
    current: l === locale,
    href: `${up}${l === model.defaultLocale ? '' : `${l}/`}${group ? `${group}/` : ''}` || './',
  }));
}

function stringsFor(set: TemplateSet, locale: string, model: CatalogModel): { readonly [key: string]: string } {
  return set.strings[locale] ?? set.strings[model.defaultLocale] ?? set.strings['en'] ?? {};
}

function emitPages(model: CatalogModel, options: Pick<EmitOptions, 'sourceName' | 'templates'>): EmitResult {
  const set = options.templates;
  // One Handlebars environment per run: helpers and partials never leak between runs.
  const { hbs, build } = handlebarsFor(set);
  const helpers: Record<HelperName, (value: unknown) => string> = {
    // Plain text escaped for markdown; a CommonMark text (textFormat: markdown) rendered as safe HTML; a
    // list, each item so, joined by `<br>` (a table cell holds one line), without an `{{#each}}` per cell.
    md: (text) => (Array.isArray(text) ? text.map(markdownCell).join('<br>') : markdownCell(text)),
    json: (value) => JSON.stringify(value, null, 2),
    // HTML pages: plain text escaped; a CommonMark text rendered as safe HTML (raw HTML shown as text, no unsafe link).
    html: (text) => (text instanceof MarkdownText ? markdownToHtml(text.text) : htmlText(String(text))),
  };
  for (const name of HELPERS) hbs.registerHelper(name, helpers[name]);
  for (const p of set.partials) hbs.registerPartial(p.name, build(p));

  const files: GeneratedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const views = new Map<string, ReturnType<typeof pageView>>();
  for (const template of set.templates) {
    const render = build(template);
    const perLocale = /\{locale(Dir|Suffix)?\}/.test(template.path);
    const perGroup = template.path.includes('{group}');
    locales: for (const locale of perLocale ? model.locales : [model.defaultLocale]) {
      // One view per locale for every template of this run (templates only read it).
      let view = views.get(locale);
      if (!view) views.set(locale, (view = pageView(model, locale, stringsFor(set, locale, model), options.sourceName)));
      for (const group of perGroup ? view.groups : [undefined]) {
        const data = { ...view, ...(group ? { group } : {}), localeLinks: localeLinks(set, model, locale, group?.id) };
        let contents: string;
        try {
          contents = render(data);
        } catch (error) {
          // A template the user wrote failed (a field the data lacks, say): their input, positioned; once per template.
          const e = error as Error & { lineNumber?: number; column?: number };
          const source = new SourceMap(templateFile(set.dir, template.path), template.source);
          diagnostics.push(source.diagnosticAt('template-render', e.lineNumber ?? 1, (e.column ?? 0) + 1, e.message.split('\n')[0]!.replace(/ - \d+:\d+$/, '')));
          break locales;
        }
        // A template that renders nothing but white space produces no file (e.g. per-group pages when pages are not split).
        const localeDir = locale === model.defaultLocale ? '' : locale;
        if (contents.trim() !== '') files.push({ path: outputPath(template.path, { locale, localeDir, ...(group ? { group: group.id } : {}) }), contents });
      }
    }
  }
  return { files, diagnostics };
}

/** Where a template was read from, as its diagnostics name it (the same name templates.ts gives its code frames). */
const templateFile = (dir: string, relative: string): string => path.join(dir, relative);

export const pagesEmitter: Emitter = { name: 'pages', emit: emitPages };
