/**
 * Diagnostics in the formats CI systems read: SARIF 2.1.0 (code-scanning uploads) and GitHub workflow
 * commands (inline annotations). Pure functions from diagnostics to text; the CLI prints them.
 */
import * as path from 'node:path';
import { RULES } from './diagnostics.js';
import type { Diagnostic } from './diagnostics.js';
import type { Drift } from './write.js';

/** A finding that is not a catalog diagnostic: a generated file out of date, a change between two catalogs. */
export interface Finding {
  readonly rule: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** What a finding's rule means, for rules outside the diagnostics catalogue. */
export const EXTRA_RULES: Record<string, string> = {
  'output-drift': 'a generated file differs from what the catalog generates (run generate)',
  'change-breaking': 'a change between two versions of the catalog breaks clients',
  'change-dangerous': 'a change between two versions of the catalog may surprise clients',
  'change-safe': 'a change between two versions of the catalog that clients can ignore',
};

export const fromDiagnostic = (d: Diagnostic): Finding => ({ rule: d.rule, level: d.severity, message: d.message, file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn });

/** A path as a SARIF artifact URI: relative to the working folder when inside it, `/`-separated, percent-encoded. */
function artifactUri(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  const uri = (inside ? relative : path.resolve(cwd, file)).split(path.sep).map(encodeURIComponent).join('/');
  return inside ? uri : `file://${uri.startsWith('/') ? '' : '/'}${uri}`;
}

/** A SARIF 2.1.0 log of the findings, with every rule the tool has described in its driver. */
export function sarif(findings: readonly Finding[], options: { version: string; cwd: string }): string {
  const rules = [
    ...Object.entries(RULES).map(([id, r]) => ({ id, shortDescription: { text: r.summary }, defaultConfiguration: { level: r.severity } })),
    ...Object.entries(EXTRA_RULES).map(([id, text]) => ({ id, shortDescription: { text } })),
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'error-catalog', version: options.version, informationUri: 'https://www.rfc-editor.org/rfc/rfc9457', rules } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) ?? -1,
          level: f.level,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.file, options.cwd) },
                ...(f.line !== undefined
                  ? { region: { startLine: f.line, startColumn: f.column ?? 1, ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: Math.max(f.endColumn ?? 1, 1) } : {}) } }
                  : {}),
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** GitHub's workflow-command escaping: data escapes %, CR and LF; property values also `:` and `,`. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error`/`::warning`/`::notice` workflow command per finding, for inline annotations. */
export function github(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const command = f.level === 'note' ? 'notice' : f.level;
      const properties = [
        `file=${escapeProperty(f.file)}`,
        ...(f.line !== undefined ? [`line=${f.line}`, `col=${f.column ?? 1}`] : []),
        ...(f.endLine !== undefined ? [`endLine=${f.endLine}`, `endColumn=${f.endColumn ?? 1}`] : []),
        `title=${escapeProperty(`error-catalog ${f.rule}`)}`,
      ];
      return `::${command} ${properties.join(',')}::${escapeData(f.message)}\n`;
    })
    .join('');
}

/** `check`'s drift as findings: each out-of-date file of `out`, generated from `catalog`. */
export function driftFindings(drift: Drift, out: string, catalog: string): Finding[] {
  const finding = (file: string, message: string, line?: number): Finding => ({ rule: 'output-drift', level: 'error', message, file: `${out}/${file}`, ...(line !== undefined ? { line } : {}) });
  return [
    ...drift.modified.map((f) => finding(f, `${f} differs from what ${catalog} generates (from line ${drift.firstDifference[f]}): run 'npm run generate'`, drift.firstDifference[f])),
    ...drift.missing.map((f) => finding(f, `${f} is missing: run 'npm run generate'`)),
    ...drift.stale.map((f) => finding(f, `${f} is no longer generated: run 'npm run generate'`)),
  ];
}
