/**
 * Real consumers out: the tools other repos already use read every output right.
 *
 *   - openapi-typescript turns both OpenAPI documents into types that are assignable both ways with the
 *     generated interfaces, for every problem (judged by tsc);
 *   - Redocly's and Spectral's recommended rules pass, but for the documented exceptions of a
 *     components-only document;
 *   - the output folder is a package: packed, installed in a fresh consumer with zero dependencies, and
 *     compiled by TypeScript 6, TypeScript 5.9 and tsgo (TypeScript 7) under erasableSyntaxOnly,
 *     lib es2020, isolatedDeclarations, NodeNext and bundler resolution.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import openapiTS, { astToString } from 'openapi-typescript';
import { createConfig, lint } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import Parsers from '@stoplight/spectral-parsers';
import { validate } from '../generator/index.js';
import type { CatalogModel } from '../generator/catalog/model.js';
import { errorIdentifiers } from '../generator/naming.js';
import { cli, fixtures, root, tempDir } from './helpers.js';
import { typeCheck } from './tsc.js';

const catalogs = { default: path.join(root, 'catalog.yaml'), hazards: path.join(fixtures, 'hazards', 'catalog.yaml'), 'google-rpc': path.join(fixtures, 'real', 'google-rpc', 'catalog.yaml') };

/**
 * What the linters' recommended rules say of any components-only document, and why it is fine: the
 * document has no operations to serve (servers, security), and its components are there to be `$ref`d
 * from other documents (unused here by design). License and contact belong to the API that uses them.
 */
export const LINT_EXCEPTIONS = {
  redocly: ['no-empty-servers', 'no-unused-components', 'info-license'],
  spectral: ['oas3-api-servers', 'oas3-unused-component', 'info-contact'],
};

const cache = new Map<string, { out: string; model: CatalogModel }>();
async function generated(catalog: string): Promise<{ out: string; model: CatalogModel }> {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(result.code, 0, result.stderr);
  const value = { out, model: (await validate(catalog)).model! };
  cache.set(catalog, value);
  return value;
}

for (const [name, catalog] of Object.entries(catalogs)) {
  test(`${name}: openapi-typescript reads both documents right — its type of every problem and the generated interface are assignable both ways`, async () => {
    const { out, model } = await generated(catalog);
    const dir = path.join(path.dirname(out), 'openapi-ts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const checks: string[] = [];
    for (const [file, module] of [['openapi.yaml', 'openapi31'], ['openapi-3.0.yaml', 'openapi30']] as const) {
      const types = astToString(await openapiTS(fs.readFileSync(path.join(out, 'openapi', file), 'utf8')));
      fs.writeFileSync(path.join(dir, `${module}.ts`), types);
      checks.push(`import type { components as ${module} } from "./${module}.js";`);
    }
    checks.push(`import type * as generated from "../out/typescript/index.js";`);
    for (const p of model.problems) {
      const name = errorIdentifiers(p.globalName).problem;
      for (const module of ['openapi31', 'openapi30']) {
        checks.push(`export const ${module}To${name} = (x: ${module}["schemas"]["${name}"]): generated.${name} => x;`);
        checks.push(`export const ${name}To${module} = (x: generated.${name}): ${module}["schemas"]["${name}"] => x;`);
      }
    }
    fs.writeFileSync(path.join(dir, 'assignable.ts'), checks.join('\n') + '\n');
    const { all } = typeCheck([path.join(dir, 'assignable.ts')]);
    assert.equal(all, []);
    assert.ok(checks.length >= 4 * model.problems.length);
  });

  test(`${name}: Redocly's and Spectral's recommended rules pass, but for the documented exceptions of a components-only document`, async () => {
    const { out, model } = await generated(catalog);
    const config = await createConfig({ extends: ['recommended'] });
    const spectral = new spectralCore.Spectral();
    spectral.setRuleset(oas as never);
    for (const file of ['openapi.yaml', 'openapi-3.0.yaml']) {
      const at = path.join(out, 'openapi', file);
      const redocly = (await lint({ ref: at, config })).filter((p) => !LINT_EXCEPTIONS.redocly.includes(p.ruleId));
      assert.equal(redocly.map((p) => `${p.ruleId}: ${p.message}`), [], `Redocly, ${file}`);
      const results = await spectral.run(new spectralCore.Document(fs.readFileSync(at, 'utf8'), Parsers.Yaml, at));
      // info.title is plain text (OpenAPI 3.1, Info Object), which tools show as text; Spectral reads it as markdown.
      // The hazards catalog's title holds a <script> tag on purpose: that one finding is expected there.
      const plainTitle = (r: (typeof results)[number]) => r.code === 'no-script-tags-in-markdown' && r.path.join('.') === 'info.title' && /<script/i.test(model.title[model.defaultLocale]!);
      const spectralLeft = results.filter((r) => !LINT_EXCEPTIONS.spectral.includes(String(r.code)) && !plainTitle(r));
      assert.equal(spectralLeft.map((r) => `${String(r.code)}: ${r.message} at ${r.path.join('.')}`), [], `Spectral, ${file}`);
    }
  });
}

/** Runs a command; asserts it succeeded. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.is(result.status, 0, `${command} ${args.join(' ')}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

const CONSUMER = `import { ProblemError, createAccountOutOfCredit, isAccountOutOfCreditProblem, isProblem, problemByType } from "vonage-api-errors";
import type { AnyProblem, ProblemCode } from "vonage-api-errors";

export const problem: AnyProblem = createAccountOutOfCredit({ balance: 30, cost: 50 }, { instance: "/traces/1", locale: "fr" });
export const code: ProblemCode = "out-of-credit";

export function owed(body: unknown): number {
  if (isAccountOutOfCreditProblem(body)) return body.cost - body.balance;
  return isProblem(body) ? (problemByType(body.type)?.status ?? 0) : 0;
}

export const error: ProblemError = new ProblemError(problem);
`;

test('the output folder is a package: packed, installed in a fresh consumer with zero dependencies, compiled by tsc 6, tsc 5.9 and tsgo under strict consumer settings, and run', async () => {
  const { out, model } = await generated(catalogs.default);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: object };
  assert.equal([manifest.name, manifest.version, manifest.dependencies], [model.packageName, model.catalogVersion, undefined]);
  const work = tempDir();
  const tarball = run('npm', ['pack', out, '--pack-destination', work, '--json'], work);
  const [packed] = JSON.parse(tarball) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((f) => f.path);
  assert.ok(files.includes('typescript/index.d.ts') && files.includes('schemas/catalog.json') && files.includes('openapi/openapi.yaml') && files.includes('docs/api-errors.fr.md'));
  assert.not.ok(files.some((f) => f.startsWith('.')), 'no manifest or dotfile in the package');
  const consumer = path.join(work, 'consumer');
  fs.mkdirSync(consumer);
  fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', path.join(work, packed!.filename), '--no-audit', '--no-fund', '--offline'], consumer);
  const installed = fs.readdirSync(path.join(consumer, 'node_modules')).filter((d) => !d.startsWith('.'));
  assert.equal(installed, [model.packageName], 'zero dependencies: the package alone');
  fs.writeFileSync(path.join(consumer, 'index.ts'), CONSUMER);
  const compilers = [
    ['tsc 6', path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')],
    ['tsc 5.9', path.join(root, 'node_modules', 'typescript-5.9', 'bin', 'tsc')],
    ['tsgo', path.join(root, 'node_modules', '.bin', 'tsgo')],
  ] as const;
  for (const resolution of [{ module: 'nodenext', moduleResolution: 'nodenext' }, { module: 'esnext', moduleResolution: 'bundler' }]) {
    const options = { strict: true, erasableSyntaxOnly: true, isolatedDeclarations: true, declaration: true, lib: ['es2020'], target: 'es2020', types: [], exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, verbatimModuleSyntax: true, outDir: 'dist', ...resolution };
    fs.writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['index.ts'] }));
    for (const [name, compiler] of compilers) {
      const result = spawnSync(compiler.endsWith('tsgo') ? compiler : process.execPath, compiler.endsWith('tsgo') ? ['-p', '.'] : [compiler, '-p', '.'], { cwd: consumer, encoding: 'utf8' });
      assert.is(result.status, 0, `${name}, ${resolution.moduleResolution}: ${result.stdout}${result.stderr}`);
    }
  }
  const ran = run(process.execPath, ['-e', 'import("./dist/index.js").then((m) => process.stdout.write(`${m.owed(m.problem)} ${m.error.status}`))'], consumer);
  assert.is(ran.trim(), '20 403');
});

test.run();
