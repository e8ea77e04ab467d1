/** The TypeScript compiler as a consumer runs it: the strictest settings, NodeNext, no ambient types. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** The settings the issue names, plus NodeNext resolution and no ambient types (no runtime dependency). */
export const STRICT: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: [],
  noEmit: true,
  noUnusedLocals: false,
};

export function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix) && !f.endsWith('.d.ts')).map((f) => path.join(dir, f));
}

/** Type-checks files; returns every diagnostic as `file:line: TSxxxx message`. */
export function typeCheck(rootNames: string[], extra: ts.CompilerOptions = {}): { all: string[]; byFile: Map<string, ts.Diagnostic[]> } {
  const program = ts.createProgram({ rootNames, options: { ...STRICT, ...extra } });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const byFile = new Map<string, ts.Diagnostic[]>();
  for (const d of diagnostics) {
    const name = d.file ? path.basename(d.file.fileName) : '(global)';
    byFile.set(name, [...(byFile.get(name) ?? []), d]);
  }
  const all = diagnostics.map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start!).line + 1}` : '';
    return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  return { all, byFile };
}

