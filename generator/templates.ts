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
 */
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { SourceMap } from './diagnostics.js';
import type { Diagnostic } from './diagnostics.js';
import { readTemplateFiles } from './template-files.js';
import type { TemplateFile } from './template-files.js';

/** A template folder, read and checked. Plain data: emitters receive it in their options. */
export interface TemplateSet {
  /** The folder, as given (for messages). */
  readonly dir: string;
  /** Templates by relative path (`/`-separated, with `.hbs`), in code-point order. */
  readonly templates: readonly { readonly path: string; readonly source: string }[];
  readonly partials: readonly { readonly name: string; readonly source: string }[];
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

/** The templates, partials and page strings of a folder's files, as read by readTemplateFiles. */
export function parseTemplates(dir: string, files: readonly TemplateFile[]): LoadedTemplates {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceMap[] = [];
  const templates: { path: string; source: string }[] = [];
  const partials: { name: string; source: string }[] = [];
  const strings: Record<string, Record<string, string>> = {};
  for (const { path: rel, bytes } of files) {
    const display = path.join(dir, rel);
    const text = bytes.toString('utf8');
    if (rel.endsWith('.hbs')) {
      const map = new SourceMap(display, text);
      sources.push(map);
      const problem = syntaxError(text);
      if (problem) {
        diagnostics.push(map.diagnosticAt('template-syntax', problem.line, problem.column, `template does not parse: ${problem.message}`));
        continue;
      }
      if (rel.startsWith('partials/')) partials.push({ name: rel.slice('partials/'.length, -'.hbs'.length), source: text });
      else templates.push({ path: rel, source: text });
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
  return { set: { dir, templates, partials, strings }, diagnostics, sources };
}

function syntaxError(source: string): { line: number; column: number; message: string } | undefined {
  try {
    Handlebars.parse(source);
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
