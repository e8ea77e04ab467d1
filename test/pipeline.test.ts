/** The pipeline end to end: determinism, immutability of the model, the committed tree, the CLI contract. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseCatalog } from '../generator/catalog/load.js';
import { validateCatalog } from '../generator/catalog/validate.js';
import { buildModel } from '../generator/catalog/model.js';
import { emitAll } from '../generator/index.js';
import type { Emitter } from '../generator/emit/index.js';
import { loadTemplates } from '../generator/templates.js';
import { MINIMAL, catalogFile, cli, root, snapshot, tempDir } from './helpers.js';

const defaultCatalog = path.join(root, 'catalog.yaml');

test('two runs, in two folders, give identical bytes', async () => {
  const a = path.join(tempDir(), 'a');
  const b = path.join(tempDir(), 'b');
  assert.is((await cli('generate', '--catalog', defaultCatalog, '--out', a)).code, 0);
  assert.is((await cli('generate', '--catalog', defaultCatalog, '--out', b)).code, 0);
  const sa = snapshot(a);
  assert.ok(sa.size > 1);
  assert.equal(snapshot(b), sa);
});

test('the emitters on the second thread (as the registry runs them) give the same bytes as on this one', async () => {
  const { emitters } = await import('../generator/emit/index.js');
  const { typescriptEmitter } = await import('../generator/emit/typescript/index.js');
  const { jsonSchemaEmitter } = await import('../generator/emit/json-schema.js');
  const elsewhere = emitters.filter((e) => e.prepare);
  assert.equal(elsewhere.map((e) => e.name), [typescriptEmitter.name, jsonSchemaEmitter.name]);
  const catalog = path.join(root, 'test', 'fixtures', 'hazards', 'catalog.yaml');
  const model = buildModel(validateCatalog(parseCatalog(fs.readFileSync(catalog, 'utf8'), catalog)).catalog!);
  const options = { sourceName: 'catalog.yaml', templates: (await loadTemplates(path.join(root, 'templates'))).set };
  elsewhere.forEach((e) => e.prepare!());
  const there = await emitAll(model, options, elsewhere);
  const here = await emitAll(model, options, [typescriptEmitter, jsonSchemaEmitter]);
  assert.ok(there.files.some((f) => typeof f.contents !== 'string'), 'the second thread answered (its files come as bytes)');
  assert.ok(here.files.every((f) => typeof f.contents === 'string'), 'this thread made its own');
  const bytes = (files: typeof here.files) => files.map((f) => [f.path, Buffer.from(f.contents).toString('base64')]);
  assert.ok(here.files.length > 10);
  assert.equal(bytes(there.files), bytes(here.files));
});

test('building the model never mutates the catalog value, and the model is frozen', async () => {
  const loaded = parseCatalog(MINIMAL, 'catalog.yaml');
  const before = structuredClone(loaded.value);
  const { catalog } = validateCatalog(loaded);
  const model = buildModel(catalog!);
  await emitAll(model, { sourceName: 'catalog.yaml', templates: (await loadTemplates(path.join(root, 'templates'))).set });
  assert.equal(loaded.value, before);
  assert.ok(Object.isFrozen(model) && Object.isFrozen(model.problems[0]) && Object.isFrozen(model.problems[1]!.extensions[0]!.schema));
});

test('an emitter that works on another thread (it has prepare) is handed the model first; the files stay in registry order', async () => {
  const { catalog } = validateCatalog(parseCatalog(MINIMAL, 'catalog.yaml'));
  const model = buildModel(catalog!);
  const started: string[] = [];
  const emitter = (name: string, elsewhere: boolean): Emitter => ({
    name,
    ...(elsewhere ? { prepare: () => {} } : {}),
    emit: async () => {
      started.push(name);
      await new Promise((resolve) => setTimeout(resolve, elsewhere ? 20 : 0)); // the thread's answer comes last
      return { files: [{ path: `${name}.txt`, contents: name }], diagnostics: [] };
    },
  });
  const emitters = [emitter('here-1', false), emitter('elsewhere', true), emitter('here-2', false)];
  const { files } = await emitAll(model, { sourceName: 'catalog.yaml', templates: (await loadTemplates(path.join(root, 'templates'))).set }, emitters);
  assert.equal(started, ['elsewhere', 'here-1', 'here-2']);
  assert.equal(files.map((f) => f.path), ['here-1.txt', 'elsewhere.txt', 'here-2.txt']);
});

test('the model resolves type URIs, names, fallback texts and the example', () => {
  const { catalog } = validateCatalog(parseCatalog(MINIMAL, 'catalog.yaml'));
  const model = buildModel(catalog!);
  const [notFound, outOfStock] = model.problems;
  assert.is(notFound!.type, 'https://example.com/errors/orders#not-found');
  assert.is(outOfStock!.globalName, 'OrdersOutOfStock');
  assert.equal(notFound!.title, { en: 'Order not found', fr: 'Order not found' });
  assert.equal(model.groups[0]!.title, { en: 'Orders', fr: 'Commandes' });
  assert.equal(outOfStock!.example, {
    type: 'https://example.com/errors/orders#out-of-stock',
    title: 'Out of stock',
    status: 409,
    detail: 'Only 2 left of A-1.',
    instance: '/orders/7',
    available: 2,
    sku: 'A-1',
  });
  assert.is(model.example, outOfStock);
});

test('npm run check passes on the committed tree (generated/ matches catalog.yaml)', () => {
  const result = spawnSync('npm', ['run', '-s', 'check'], { cwd: root, encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr + result.stdout);
  assert.match(result.stdout, /up to date/);
});

test("the Quick start's generate leaves generated/ as committed, its manifest included (run npm run generate after changing the generator)", async () => {
  // A copy, so that the test never writes into the working tree; the run answers as it would there.
  const copy = path.join(tempDir(), 'generated');
  fs.cpSync(path.join(root, 'generated'), copy, { recursive: true });
  const result = await cli('generate', '--catalog', path.join(root, 'catalog.yaml'), '--out', copy);
  assert.is(result.code, 0, result.stderr);
  assert.equal(snapshot(copy), snapshot(path.join(root, 'generated')), 'generated/ (or its manifest) is stale: run npm run generate');
});

test('the installed bin runs as a command and prints its usage', () => {
  const out = execFileSync(process.execPath, [path.join(root, '.build/generator/cli.js'), '--help'], { encoding: 'utf8' });
  assert.match(out, /Usage: error-catalog <command>/);
});

const usageCases: [string[], RegExp][] = [
  [[], /missing command/],
  [['build'], /unknown command 'build' \(expected generate, check, validate, diff or help\)/],
  [['genrate'], /unknown command 'genrate' \(did you mean 'generate'\?\)/],
  [['help', 'chek'], /unknown command 'chek' \(did you mean 'check'\?\)/],
  [['generate', '--colour'], /unknown option '--colour'/],
  [['generate', '--out'], /needs a value/],
  [['generate', '--format', 'xml'], /--format must be text, json, sarif or github/],
  [['generate', 'extra', 'args'], /unexpected argument/],
  [['validate', '--catalog', 'no/such/catalog.yaml'], /cannot read 'no\/such\/catalog\.yaml'/],
];
test('a usage error after a command shows that command\'s usage; without one, the general usage', async () => {
  const diff = await cli('diff', '--old', 'a.yaml');
  assert.is(diff.code, 2);
  assert.match(diff.stderr, /^error-catalog: unknown option '--old'\n\nUsage: error-catalog diff OLD NEW/);
  const none = await cli('--colour');
  assert.match(none.stderr, /Usage: error-catalog <command> \[options\]/);
});

for (const [argv, message] of usageCases) {
  test(`usage error exits 2: ${JSON.stringify(argv)}`, async () => {
    const result = await cli(...argv);
    assert.is(result.code, 2);
    assert.match(result.stderr, message);
  });
}

test('--format json prints the diagnostics as a JSON array on stdout', async () => {
  const result = await cli('validate', '--catalog', catalogFile(MINIMAL.replace('status: 404', 'status: 99')), '--format', 'json');
  assert.is(result.code, 1);
  const diagnostics = JSON.parse(result.stdout) as { rule: string; line: number; column: number; severity: string }[];
  assert.equal(diagnostics.map((d) => [d.rule, d.severity, d.line, d.column]), [['status-range', 'error', 11, 17]]);
  assert.is(result.stderr, '');
});

test('validate says what it checked when all is well; --catalog=FILE works; --format json prints []', async () => {
  const file = catalogFile(MINIMAL);
  const result = await cli('validate', `--catalog=${file}`);
  assert.equal([result.code, result.stderr], [0, '']);
  assert.match(result.stdout, /is valid: 2 problem type\(s\) in 1 group\(s\), 2 locale\(s\) \(en, fr\); .*extension schemas.*checked\n$/);
  assert.equal(await cli('validate', '--catalog', file, '--format', 'json'), { code: 0, stdout: '[]\n', stderr: '' });
});

test('every library the shipped generator loads is one of its dependencies (a production install has no devDependencies)', async () => {
  const ts = (await import('typescript')).default;
  const { builtinModules } = await import('node:module');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[]; dependencies: Record<string, string> };
  const shipped = pkg.files.filter((f) => f.startsWith('.build/')).map((f) => path.join(root, f));
  const loaded = new Map<string, string>(); // package → a file that loads it
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.[cm]?js$/.test(entry.name)) {
        // Static and dynamic imports, and require calls, as the TypeScript compiler finds them.
        for (const { fileName } of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
          if (fileName.startsWith('.') || fileName.startsWith('node:') || builtinModules.includes(fileName)) continue;
          const name = fileName.split('/').slice(0, fileName.startsWith('@') ? 2 : 1).join('/');
          if (!loaded.has(name)) loaded.set(name, path.relative(root, file));
        }
      }
    }
  };
  shipped.forEach(visit);
  assert.ok(loaded.has('yaml') && loaded.has('ts-morph'), `found ${[...loaded.keys()].join(', ')}`);
  const undeclared = [...loaded].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (loaded by ${file})`);
  assert.equal(undeclared, []);
});

test('--version and -v print the version of package.json; help, help COMMAND and COMMAND --help print help', async () => {
  const { version } = JSON.parse((await import('node:fs')).readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) assert.equal(await cli(flag), { code: 0, stdout: `${version}\n`, stderr: '' });
  assert.match((await cli('help')).stdout, /^Usage: error-catalog <command>/);
  const generateHelp = await cli('help', 'generate');
  assert.equal([generateHelp.code, generateHelp.stdout.split('\n')[0]], [0, 'Usage: error-catalog generate [--catalog FILE] [--out DIR] [--templates DIR] [--format text|json|sarif|github]']);
  assert.is((await cli('check', '--help')).stdout, (await cli('help', 'check')).stdout);
});

test('check --format json prints the drift on stdout: path, state, first differing line', async () => {
  const fs = await import('node:fs');
  const out = path.join(tempDir(), 'out');
  const catalog = catalogFile(MINIMAL);
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  assert.equal(await cli('check', '--catalog', catalog, '--out', out, '--format', 'json'), { code: 0, stdout: '[]\n', stderr: '' });
  fs.appendFileSync(path.join(out, 'catalog.json'), 'x');
  fs.rmSync(path.join(out, 'schemas', 'problem.json'));
  const drift = await cli('check', '--catalog', catalog, '--out', out, '--format', 'json');
  assert.is(drift.code, 1);
  const lines = fs.readFileSync(path.join(out, 'catalog.json'), 'utf8').split('\n').length;
  assert.equal(JSON.parse(drift.stdout), [
    { path: 'catalog.json', state: 'modified', firstDifferentLine: lines },
    { path: 'schemas/problem.json', state: 'missing', firstDifferentLine: null },
  ]);
});

test('a catalog that is a folder is a usage error, not a crash', async () => {
  const result = await cli('validate', '--catalog', tempDir());
  assert.is(result.code, 2);
  assert.match(result.stderr, /cannot read/);
});

test('an empty catalog file is reported, not a crash', async () => {
  const result = await cli('validate', '--catalog', catalogFile(''));
  assert.is(result.code, 1);
  assert.match(result.stderr, /error\[wrong-type\]|error\[missing-field\]/);
});

test.run();
