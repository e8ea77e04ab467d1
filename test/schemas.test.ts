/**
 * JSON Schemas and OpenAPI documents, judged by the tools that consume them: Ajv (2020-12, strict,
 * ajv-formats), @seriousme/openapi-schema-validator, and @apidevtools/json-schema-ref-parser bundling
 * a consumer's API spec that `$ref`s a generated response.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { parse } from 'yaml';
import { validate } from '../generator/index.js';
import type { CatalogModel } from '../generator/catalog/model.js';
import { cli, fixtures, root, tempDir } from './helpers.js';
import { renderedText } from './markdown-cells.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const catalogs = { default: path.join(root, 'catalog.yaml'), hazards: path.join(fixtures, 'hazards', 'catalog.yaml') };

interface Generated {
  readonly out: string;
  readonly model: CatalogModel;
  readonly ajv: Ajv2020;
}

const cache = new Map<string, Generated>();
async function generated(catalog: string): Promise<Generated> {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(result.code, 0, result.stderr);
  const { model } = await validate(catalog);
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const file of schemaFiles(out)) ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  const value = { out, model: model!, ajv };
  cache.set(catalog, value);
  return value;
}

function schemaFiles(out: string): string[] {
  return fs.readdirSync(path.join(out, 'schemas'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(out, 'schemas', f));
}

const problemId = (model: CatalogModel, group: string, code: string) => `${model.schemaBase}/groups/${group}/${code}.json`;

/** The `allOf` branches of unions that rejected the value: which group / which problem judged it. */
const failingBranches = (errors: readonly ErrorObject[] | null | undefined) => (errors ?? []).filter((e) => e.keyword === 'if').map((e) => e.schemaPath);

for (const [name, catalog] of Object.entries(catalogs)) {
  test(`${name}: every schema compiles in Ajv 2020 strict mode, and every example validates against its problem and the catalog union`, async () => {
    const { ajv, model, out } = await generated(catalog);
    for (const file of schemaFiles(out)) {
      const id = (JSON.parse(fs.readFileSync(file, 'utf8')) as { $id: string }).$id;
      assert.ok(ajv.getSchema(id), `${file} compiles`);
    }
    const union = ajv.getSchema(`${model.schemaBase}/catalog.json`)!;
    const examples = model.problems.filter((p) => p.example);
    assert.ok(examples.length > 0);
    for (const p of examples) {
      const own = ajv.getSchema(problemId(model, p.group, p.code))!;
      assert.ok(own(p.example), `${p.group}/${p.code}: ${ajv.errorsText(own.errors)}`);
      assert.ok(union(p.example), `${p.group}/${p.code} against the union: ${ajv.errorsText(union.errors)}`);
    }
  });
}

test('mutated examples fail, and the errors come from the right problem only', async () => {
  const { ajv, model } = await generated(catalogs.default);
  const union = ajv.getSchema(`${model.schemaBase}/catalog.json`)!;
  const credit = model.problems.find((p) => p.code === 'out-of-credit')!;
  const own = ajv.getSchema(problemId(model, credit.group, credit.code))!;
  const groupIndex = model.groups.findIndex((g) => g.id === credit.group);
  const problemIndex = model.groups[groupIndex]!.problems.indexOf(credit);
  const { balance: _balance, ...withoutBalance } = credit.example!;
  const mutations: [string, object, string][] = [
    ['wrong status', { ...credit.example, status: 500 }, '/status'],
    ['missing required member', withoutBalance, ''],
    ['member of the wrong type', { ...credit.example, cost: 'fifty' }, '/cost'],
    ['instance not a URI reference', { ...credit.example, instance: 'not a uri' }, '/instance'],
  ];
  for (const [what, payload, where] of mutations) {
    assert.not.ok(own(payload), `${what}: its own schema rejects it`);
    assert.ok(own.errors!.some((e) => e.instancePath === where), `${what}: ${ajv.errorsText(own.errors)}`);
    assert.not.ok(union(payload), `${what}: the union rejects it`);
    // Exactly one group branch and one problem branch judged it: the catalog's group, then its problem.
    assert.equal(failingBranches(union.errors), [`#/allOf/${problemIndex}/if`, `#/allOf/${groupIndex}/if`], what);
  }
  const unknown = { ...credit.example, type: 'https://example.com/unknown' };
  assert.not.ok(union(unknown));
  assert.equal(failingBranches(union.errors), [], 'an unknown type is judged by no problem schema');
  assert.ok(union.errors!.some((e) => e.keyword === 'enum' && e.instancePath === '/type'));
});

test('the base problem schema follows RFC 9457', async () => {
  const { ajv, model } = await generated(catalogs.default);
  const base = ajv.getSchema(`${model.schemaBase}/problem.json`)!;
  assert.ok(base({}), 'every member is optional');
  assert.ok(base({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'x', instance: '/a/b', extra: { any: 1 } }), 'extension members are allowed');
  assert.not.ok(base({ status: 99 }));
  assert.not.ok(base({ status: 600 }));
  assert.not.ok(base({ type: 'not a uri' }));
  assert.is((base.schema as { properties: { type: { default: string } } }).properties.type.default, 'about:blank');
});

for (const [name, catalog] of Object.entries(catalogs)) {
  test(`${name}: both OpenAPI documents pass the OpenAPI validator, with texts intact`, async () => {
    const { out, model } = await generated(catalog);
    for (const [file, version] of [['openapi.yaml', '3.1.0'], ['openapi-3.0.yaml', '3.0.3']] as const) {
      const text = fs.readFileSync(path.join(out, 'openapi', file), 'utf8');
      const result = await new Validator().validate(text);
      assert.ok(result.valid, `${file}: ${JSON.stringify(result.errors, null, 1)?.slice(0, 2000)}`);
      const doc = parse(text) as { openapi: string; components: { schemas: Record<string, { title?: string; description?: string; allOf?: { title?: string; description?: string }[] }>; responses: Record<string, unknown> } };
      assert.is(doc.openapi, version);
      for (const p of model.problems) {
        const schema = Object.values(doc.components.schemas).find((s) => (s.title ?? s.allOf?.[1]?.title) === p.title[model.defaultLocale]);
        assert.ok(schema, `${file}: a schema titled ${JSON.stringify(p.title[model.defaultLocale])}`);
        // Descriptions are CommonMark in OpenAPI: a reader sees the catalog's text exactly.
        if (p.description) assert.ok(Object.values(doc.components.schemas).some((s) => renderedText(s.description ?? s.allOf?.[1]?.description ?? '') === p.description![model.defaultLocale]), `${file}: ${p.code}`);
      }
    }
  });
}

test('OpenAPI: one response per problem and per group and status, with a discriminator mapping on type', async () => {
  const { out, model } = await generated(catalogs.default);
  const doc = parse(fs.readFileSync(path.join(out, 'openapi', 'openapi.yaml'), 'utf8')) as {
    components: { responses: Record<string, { content: Record<string, { schema: { oneOf?: { $ref: string }[]; discriminator?: { propertyName: string; mapping: Record<string, string> } } }> }> };
  };
  const r = doc.components.responses;
  const conflicts = r['WhatsAppProvisioningProblem_409']!.content['application/problem+json']!.schema;
  const expected = model.groups[0]!.problems.filter((p) => p.status === 409);
  assert.is(conflicts.oneOf!.length, expected.length);
  assert.equal(conflicts.discriminator!.propertyName, 'type');
  assert.equal(Object.keys(conflicts.discriminator!.mapping), expected.map((p) => p.type));
  assert.ok(r['AccountOutOfCreditProblem']);
  assert.is(Object.keys(r).length, model.problems.length + model.groups.reduce((n, g) => n + new Set(g.problems.map((p) => p.status)).size, 0));
});

test("a consumer's API spec that $refs a generated response by relative path bundles, validates, and its example matches", async () => {
  const { out } = await generated(catalogs.default);
  const consumerDir = path.join(path.dirname(out), 'api');
  fs.mkdirSync(consumerDir, { recursive: true });
  fs.copyFileSync(path.join(fixtures, 'openapi-consumer', 'api.yaml'), path.join(consumerDir, 'api.yaml'));
  const bundled = (await $RefParser.bundle(path.join(consumerDir, 'api.yaml'))) as Record<string, unknown>;
  const result = await new Validator().validate(bundled as Parameters<Validator["validate"]>[0]);
  assert.ok(result.valid, JSON.stringify(result.errors)?.slice(0, 2000));
  const resolved = (await $RefParser.dereference(structuredClone(bundled))) as {
    paths: Record<string, { post: { responses: Record<string, { content: Record<string, { schema: object; examples: Record<string, { value: unknown }> }> }> } }>;
  };
  const media = resolved.paths['/messages']!.post.responses['403']!.content['application/problem+json']!;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(media.schema);
  const examples = Object.values(media.examples);
  assert.ok(examples.length > 0);
  for (const example of examples) assert.ok(validate(example.value), ajv.errorsText(validate.errors));
  assert.not.ok(validate({ ...(examples[0]!.value as object), balance: 'lots' }));
});

test('package.json exports: another repo imports the generated files by path once the package is installed', () => {
  const consumer = tempDir();
  fs.mkdirSync(path.join(consumer, 'node_modules'));
  fs.symlinkSync(root, path.join(consumer, 'node_modules', 'error-catalog'), 'dir');
  fs.writeFileSync(path.join(consumer, 'package.json'), '{ "type": "module" }\n');
  const script = [
    'const schema = import.meta.resolve("error-catalog/schemas/catalog.json");',
    'const openapi = import.meta.resolve("error-catalog/openapi/openapi.yaml");',
    'const catalog = await import("error-catalog/catalog.json", { with: { type: "json" } });',
    'const ts = await import("error-catalog/typescript");',
    'const root = await import("error-catalog");',
    'console.log(JSON.stringify([schema, openapi, catalog.default.name, typeof ts.createAccountOutOfCredit, root.isProblem === ts.isProblem]));',
  ].join('\n');
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
  const [schema, openapi, name, factory, same] = JSON.parse(result.stdout) as [string, string, string, string, boolean];
  assert.ok(schema.endsWith('/generated/schemas/catalog.json') && fs.existsSync(new URL(schema)));
  assert.ok(openapi.endsWith('/generated/openapi/openapi.yaml') && fs.existsSync(new URL(openapi)));
  assert.equal([name, factory, same], ['vonage-api-errors', 'function', true]);
});

test.run();
