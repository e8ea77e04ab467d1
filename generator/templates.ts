/**
 * Loads a template folder: the only I/O the page outputs need, done before any emitter runs.
 *
 *   {path}.hbs            a template; it renders to generated/{path}. `{locale}` in its path renders
 *                         it once per locale, `{group}` once per group (e.g. docs/api-errors.{locale}.md.hbs)
 *   partials/{name}.hbs   a partial, used as {{> name}}
 *   strings/{locale}.json page strings of a locale (headings, labels); a locale without a file uses
 *                         the default locale's, or `en`
 *
 * Syntax errors in templates and unreadable string files are diagnostics with their position.
 *
 * Each template is precompiled here (Handlebars' `precompile`), and the pages emitter renders with
 * Handlebars' runtime alone. The compiled templates are kept in the compile cache (compile-cache.ts),
 * keyed by Handlebars' version and the templates' sources: on a later run with the same templates the
 * compiler (and its source-map library) is not even loaded, which saves 50–100 ms of every run.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type HandlebarsLibrary from 'handlebars';
import { TextCache, installedVersion } from './cache-files.js';
import { compileCacheFolder } from './compile-cache.js';
import { contentHash } from './fingerprint.js';
import { SourceMap } from './diagnostics.js';
import type { Diagnostic } from './diagnostics.js';
import { readTemplateFiles } from './template-files.js';
import type { TemplateFile } from './template-files.js';

/** The helpers the pages emitter registers (emit/markdown.ts), by name: templates are compiled knowing them. */
export const HELPERS = ['md', 'json', 'html'] as const;
export type HelperName = (typeof HELPERS)[number];

/**
 * How every template and partial is compiled: a missing field is an error; no HTML escaping (texts are
 * escaped by helpers); the helpers are known, so that `{{html title}}` calls the helper directly instead
 * of first asking whether `html` is a helper or a field (the output is the same).
 */
const HANDLEBARS_OPTIONS = { strict: true, noEscape: true, knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])) } as const;

const require = createRequire(import.meta.url);
/** The Handlebars compiler, loaded only when a template is not in the compile cache. */
const handlebarsCompiler = (): typeof HandlebarsLibrary => require('handlebars') as typeof HandlebarsLibrary;

/**
 * A new Handlebars environment for the templates of `set`, and `build`, which turns one of them into its
 * render function. The templates come precompiled, so the runtime alone renders them; the compiler is
 * loaded only for a template that did not compile here (it then reports its error when rendered).
 */
export function handlebarsFor(set: TemplateSet): { hbs: typeof HandlebarsLibrary; build: (t: CompiledTemplate) => HandlebarsLibrary.TemplateDelegate } {
  const precompiled = [...set.templates, ...set.partials].every((t) => t.spec !== undefined);
  const hbs = precompiled ? (require('handlebars/runtime') as typeof HandlebarsLibrary).create() : handlebarsCompiler().create();
  // A spec is the JavaScript object `precompile` wrote; the runtime takes it evaluated.
  const build = (t: CompiledTemplate) => (t.spec !== undefined ? hbs.template(new Function(`return (${t.spec});`)() as Parameters<typeof hbs.template>[0]) : hbs.compile(t.source, HANDLEBARS_OPTIONS));
  return { hbs, build };
}

/** A template's source and, when it compiled, its precompiled spec (JavaScript, as Handlebars' `precompile` writes it). */
export interface CompiledTemplate {
  readonly source: string;
  readonly spec?: string;
}

/** A template folder, read and checked. Plain data: emitters receive it in their options. */
export interface TemplateSet {
  /** The folder, as given (for messages). */
  readonly dir: string;
  /** Templates by relative path (`/`-separated, with `.hbs`), in code-point order. */
  readonly templates: readonly (CompiledTemplate & { readonly path: string })[];
  readonly partials: readonly (CompiledTemplate & { readonly name: string })[];
  /** Page strings by locale. */
  readonly strings: { readonly [locale: string]: { readonly [key: string]: string } };
}

/** Reads a template folder (see template-files.ts) and checks it. Throws only when the folder cannot be read. */
export async function loadTemplates(dir: string): Promise<LoadedTemplates> {
  return parseTemplates(dir, await readTemplateFiles(dir));
}

export interface LoadedTemplates {
  readonly set: TemplateSet;
  readonly diagnostics: Diagnostic[];
  readonly sources: SourceMap[];
}

/**
 * The templates, partials and page strings of a folder's files, as read by readTemplateFiles. Compiled
 * templates are looked up in, and added to, `cache` (a folder; none: compile every time).
 */
export function parseTemplates(dir: string, files: readonly TemplateFile[], cache = compileCacheFolder()): LoadedTemplates {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceMap[] = [];
  const templates: (CompiledTemplate & { path: string })[] = [];
  const partials: (CompiledTemplate & { name: string })[] = [];
  const strings: Record<string, Record<string, string>> = {};
  const decoded = files.map((f) => ({ rel: f.path, text: f.bytes.toString('utf8') }));
  const specs = new SpecCache(cache, decoded.filter((f) => f.rel.endsWith('.hbs')).map((f) => f.text));
  for (const { rel, text } of decoded) {
    const display = path.join(dir, rel);
    if (rel.endsWith('.hbs')) {
      const map = new SourceMap(display, text);
      sources.push(map);
      let spec = specs.get(text);
      if (spec === undefined) {
        // Not compiled before: check it, then compile it (a template the compiler refuses is reported when rendered).
        const problem = syntaxError(text);
        if (problem) {
          diagnostics.push(map.diagnosticAt('template-syntax', problem.line, problem.column, `template does not parse: ${problem.message}`));
          continue;
        }
        spec = specs.compile(text);
      }
      const compiled = spec === undefined ? { source: text } : { source: text, spec };
      if (rel.startsWith('partials/')) partials.push({ name: rel.slice('partials/'.length, -'.hbs'.length), ...compiled });
      else templates.push({ path: rel, ...compiled });
    } else {
      const locale = rel.slice('strings/'.length, -'.json'.length);
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
          diagnostics.push(new SourceMap(display, text).diagnosticAt('template-strings', 1, 1, 'page strings must be a JSON object of string values'));
        } else {
          strings[locale] = value as Record<string, string>;
        }
      } catch (error) {
        const at = /position (\d+)/.exec((error as Error).message);
        const map = new SourceMap(display, text);
        const { line, column } = map.position(at ? Number(at[1]) : 0);
        diagnostics.push(map.diagnosticAt('template-strings', line, column, `page strings are not valid JSON: ${(error as Error).message}`));
      }
    }
  }
  specs.save();
  return { set: { dir, templates, partials, strings }, diagnostics, sources };
}

/**
 * The compiled templates of one set of templates, in the compile cache: one file (`templates-<hash>.specs`)
 * named by the hash of Handlebars' version, the options and every source, holding each source's spec by
 * the source's hash (see TextCache: a damaged spec is compiled again, never run). 16 sets are kept.
 */
class SpecCache {
  private readonly specs: TextCache;

  constructor(folder: string | undefined, texts: readonly string[]) {
    this.specs = new TextCache(folder, 'templates', () => [installedVersion('handlebars'), HANDLEBARS_OPTIONS, [...texts].sort()], { entries: texts.length, files: 16 }, 'specs');
  }

  get(text: string): string | undefined {
    return this.specs.get(contentHash(text));
  }

  /** Compiles a template that parses; undefined if the compiler refuses it. */
  compile(text: string): string | undefined {
    let spec: string;
    try {
      spec = handlebarsCompiler().precompile(text, HANDLEBARS_OPTIONS) as string;
    } catch {
      return undefined;
    }
    this.specs.set(contentHash(text), spec);
    return spec;
  }

  save(): void {
    this.specs.save();
  }
}

function syntaxError(source: string): { line: number; column: number; message: string } | undefined {
  try {
    handlebarsCompiler().parse(source);
    return undefined;
  } catch (error) {
    // Two shapes: compiler errors carry lineNumber/column; parser errors say "Parse error on line N" and what they got.
    const e = error as Error & { lineNumber?: number; column?: number };
    const parseLine = /Parse error on line (\d+)/.exec(e.message);
    if (parseLine) {
      const got = /got '([^']+)'/.exec(e.message)?.[1];
      return { line: Number(parseLine[1]), column: 1, message: got ? `unexpected ${got} (an unclosed or malformed {{ … }})` : 'malformed {{ … }}' };
    }
    return { line: e.lineNumber ?? 1, column: (e.column ?? 0) + 1, message: e.message.split('\n')[0]!.replace(/ - \d+:\d+$/, '') };
  }
}
