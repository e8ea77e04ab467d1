/**
 * Real catalogs in: codes as APIs write them, several statuses, markdown texts, any member name, and two
 * real published lists (PostgreSQL's errcodes.txt, google.rpc.Code) converted, generated and judged by
 * the real tools: tsc, Ajv, the OpenAPI validator, markdown-it. Every code and text comes back exactly.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { validate } from '../generator/index.js';
import type { CatalogModel } from '../generator/catalog/model.js';
import { cli, catalogFile, fixtures, tempDir } from './helpers.js';
import { md, tablesOf } from './markdown-cells.js';
import { filesUnder, typeCheck } from './tsc.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

async function generated(catalog: string): Promise<{ out: string; model: CatalogModel }> {
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(result.code, 0, result.stderr);
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  const { model } = await validate(catalog);
  return { out, model: model! };
}

type Generated = Record<string, unknown> & { allProblems: readonly { group: string; code: string; type: string; status: number; statuses?: number[]; title: Record<string, string>; description?: Record<string, string> }[] };
const importGenerated = async (out: string) => (await import(pathToFileURL(path.join(out, 'typescript', 'index.js')).href)) as Generated;

/** Every output judged by its consumer: tsc compiles, Ajv compiles and validates examples, the OpenAPI validator passes, the pages' cells hold the codes. */
async function judge(catalog: string): Promise<{ out: string; model: CatalogModel; m: Generated }> {
  const { out, model } = await generated(catalog);
  assert.equal(typeCheck(filesUnder(path.join(out, 'typescript'), '.ts')).all, [], 'tsc');
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const schemas = fs.readdirSync(path.join(out, 'schemas'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  for (const f of schemas) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(out, 'schemas', f), 'utf8')) as object);
  const union = ajv.getSchema(`${model.schemaBase}/catalog.json`)!;
  assert.ok(union, 'the catalog union compiles');
  for (const file of ['openapi.yaml', 'openapi-3.0.yaml']) {
    const result = await new Validator().validate(fs.readFileSync(path.join(out, 'openapi', file), 'utf8'));
    assert.ok(result.valid, `${file}: ${JSON.stringify(result.errors)?.slice(0, 1000)}`);
  }
  const m = await importGenerated(out);
  // Codes and titles exactly as the catalog has them, at run time, in catalog.json and in the JSON Schemas.
  assert.equal(m.allProblems.map((p) => [p.group, p.code, p.type, p.title]), model.problems.map((p) => [p.group, p.code, p.type, p.title]));
  const resolved = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { groups: { problems: { code: string }[] }[] };
  assert.equal(resolved.groups.flatMap((g) => g.problems.map((p) => p.code)), model.problems.map((p) => p.code));
  for (const p of model.problems) {
    if (!p.example && p.extensions.some((x) => x.required)) continue;
    const body = p.example ?? { type: p.type, title: p.title[model.defaultLocale], status: p.status };
    assert.ok(union(body), `${p.code}: its example (or a body with its type and status) validates: ${ajv.errorsText(union.errors)}`);
  }
  // Each page: the code cells are the codes, in order, each with its anchor.
  for (const locale of model.locales) {
    const tables = tablesOf(fs.readFileSync(path.join(out, 'docs', `api-errors.${locale}.md`), 'utf8'));
    assert.equal(tables.flatMap((t) => t.rows.map((r) => r[0]!.code[0])), model.problems.map((p) => p.code));
    assert.equal(tables.flatMap((t) => t.rows.map((r) => r[0]!.anchors[0])), model.problems.map((p) => p.code));
  }
  return { out, model, m };
}

const real = path.join(fixtures, 'real');
const converters: [string, string][] = [
  ['postgres', 'errcodes.txt'],
  ['google-rpc', 'code.proto'],
];

for (const [name, source] of converters) {
  test(`real: ${name} — the committed catalog is what the converter makes of the published ${source}`, async () => {
    const { convert } = (await import(pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'real', name, 'convert.js')).href)) as { convert: (s: string) => string };
    const text = fs.readFileSync(path.join(real, name, source), 'utf8');
    assert.fixture(convert(text), fs.readFileSync(path.join(real, name, 'catalog.yaml'), 'utf8'));
  });
}

test('real: PostgreSQL errcodes.txt — every SQLSTATE as written, judged by tsc, Ajv, the OpenAPI validator and markdown-it', async () => {
  const source = fs.readFileSync(path.join(real, 'postgres', 'errcodes.txt'), 'utf8');
  const conditions = [...source.matchAll(/^([0-9A-Z]{5})\s+E\s+\S+\s+(\S+)\s*$/gm)].map((x) => [x[1]!, x[2]!]);
  const { model, m } = await judge(path.join(real, 'postgres', 'catalog.yaml'));
  assert.ok(conditions.length > 200);
  assert.equal(model.problems.map((p) => [p.code, p.title['en']]), conditions);
  // Leading zeros and letters survive: 08000, 0A000, 22P02.
  for (const code of ['08000', '0A000', '22P02', 'XX000']) assert.ok(model.problems.some((p) => p.code === code), code);
  const data = m['DataExceptionError'] as Record<string, string>;
  assert.is(data['_22P02'], '22P02');
  // 42501 is answered 401 or 403 (PostgREST): the factory takes the status.
  const create = m['createSyntaxErrorOrAccessRuleViolation42501'] as (o: object) => { status: number };
  assert.is(create({ status: 401 }).status, 401);
  assert.equal(m.allProblems.find((p) => p.code === '42501')!.statuses, [401, 403]);
});

test('real: google.rpc.Code — enum names as codes, documented HTTP mapping, markdown descriptions rendered safely', async () => {
  const { out, model, m } = await judge(path.join(real, 'google-rpc', 'catalog.yaml'));
  const source = fs.readFileSync(path.join(real, 'google-rpc', 'code.proto'), 'utf8');
  const names = [...source.matchAll(/^ {2}([A-Z_]+) = \d+;$/gm)].map((x) => x[1]!).filter((n) => n !== 'OK');
  assert.equal(model.problems.map((p) => p.code), names);
  assert.is((m['CodeError'] as Record<string, string>)['InvalidArgument'], 'INVALID_ARGUMENT');
  assert.is(model.problems.find((p) => p.code === 'CANCELLED')!.status, 499);
  // The markdown description is rendered: `FAILED_PRECONDITION` is code, *might* is emphasis, nothing else is markup.
  const html = md.render(fs.readFileSync(path.join(out, 'docs', 'api-errors.en.md'), 'utf8'));
  assert.match(html, /<code>FAILED_PRECONDITION<\/code>/);
  assert.match(html, /<em>might<\/em>/);
  // OpenAPI and JSON Schema carry the markdown as written (CommonMark, which OpenAPI defines).
  const doc = parse(fs.readFileSync(path.join(out, 'openapi', 'openapi.yaml'), 'utf8')) as { components: { schemas: Record<string, { allOf: { description?: string }[] }> } };
  const notFound = model.problems.find((p) => p.code === 'NOT_FOUND')!;
  assert.is(doc.components.schemas['CodeNotFoundProblem']!.allOf[1]!.description, notFound.description!['en']);
});

const CODES = `version: 1
name: codes
title: Codes as written
typeBase: https://example.com/errors/
locales: [en]
groups:
  - id: mixed
    errors:
      - { code: 22P02, status: 400, title: Invalid text representation }
      - { code: card_declined, status: 402, title: Card declined }
      - { code: INVALID_ARGUMENT, status: 400, title: Invalid argument }
      - { code: NotFound, status: [404, 422], title: Not found }
      - { code: 1000, status: 400, title: Thousand }
      - { code: 08000, status: 503, title: Connection exception }
      - { code: number-in-use, status: 409, title: Number in use }
      - code: validation
        status: 422
        title: Your request parameters didn't validate.
        detail: "{invalid-params} is wrong ({__proto__}, {constructor})"
        extensions:
          invalid-params: { type: array, items: { type: object, properties: { name: { type: string } } } }
          __proto__: { type: string }
          constructor: { type: integer }
          a b: { type: boolean, optional: true }
        example: { invalid-params: [{ name: age }], __proto__: x, constructor: 1, instance: /e/1 }
`;

test('codes as written (unquoted 1000 and 08000 too), several statuses, member names of real bodies: every output, judged', async () => {
  const { out, model, m } = await judge(catalogFile(CODES));
  const written = ['22P02', 'card_declined', 'INVALID_ARGUMENT', 'NotFound', '1000', '08000', 'number-in-use', 'validation'];
  assert.equal(model.problems.map((p) => p.code), written);
  // A trailing slash on typeBase is normalised.
  assert.is(model.problems[0]!.type, 'https://example.com/errors/mixed#22P02');
  assert.equal(m['MixedError'], { _22P02: '22P02', CardDeclined: 'card_declined', InvalidArgument: 'INVALID_ARGUMENT', NotFound: 'NotFound', _1000: '1000', _08000: '08000', NumberInUse: 'number-in-use', Validation: 'validation' });
  // Several statuses: the factory takes the status; the schema has an enum; OpenAPI has the problem in both responses.
  const notFound = (m['createMixedNotFound'] as (o: object) => { status: number })({ status: 422 });
  assert.is(notFound.status, 422);
  const group = JSON.parse(fs.readFileSync(path.join(out, 'schemas', 'groups', 'mixed.json'), 'utf8')) as { $defs: Record<string, { properties: { status: unknown } }> };
  assert.equal(group.$defs['NotFound']!.properties.status, { enum: [404, 422] });
  const doc = parse(fs.readFileSync(path.join(out, 'openapi', 'openapi.yaml'), 'utf8')) as { components: { responses: Record<string, { content: Record<string, { schema: { oneOf: { $ref: string }[] } }> }> } };
  for (const status of [404, 422]) {
    const refs = doc.components.responses[`MixedProblem_${status}`]!.content['application/problem+json']!.schema.oneOf.map((r) => r.$ref);
    assert.ok(refs.includes('#/components/schemas/MixedNotFoundProblem'), `${status}`);
  }
  const [table] = tablesOf(fs.readFileSync(path.join(out, 'docs', 'api-errors.en.md'), 'utf8'));
  assert.is(table!.rows[3]![1]!.text, '404, 422');
  // Member names as real bodies have them: quoted in TypeScript, own properties at run time (no prototype set).
  const create = m['createMixedValidation'] as (members: object) => Record<string, unknown>;
  const members = JSON.parse('{"invalid-params": [{"name": "age"}], "__proto__": "x", "constructor": 1}') as object;
  const problem = create(members);
  assert.equal(Object.keys(problem), ['type', 'status', 'title', 'detail', 'invalid-params', '__proto__', 'constructor']);
  assert.is(Object.getPrototypeOf(problem), Object.prototype);
  assert.is(problem['detail'], '[{"name":"age"}] is wrong (x, 1)');
  assert.is(JSON.parse(JSON.stringify(problem))['__proto__'], 'x');
});

test('several statuses: calling the factory without choosing one does not compile', async () => {
  const { out } = await generated(catalogFile(CODES));
  fs.writeFileSync(path.join(out, 'use.ts'), 'import { createMixedNotFound } from "./typescript/index.js";\ncreateMixedNotFound({});\ncreateMixedNotFound({ status: 500 });\ncreateMixedNotFound({ status: 404 });\n');
  const { byFile } = typeCheck([path.join(out, 'use.ts')]);
  assert.equal((byFile.get('use.ts') ?? []).map((d) => d.code), [2345, 2322]);
});

test('derived names that collide are positioned errors naming both entries', async () => {
  const text = CODES.replace('      - { code: 1000,', '      - { code: card-declined, status: 402, title: Declined again }\n      - { code: 1000,');
  const result = await cli('validate', '--catalog', catalogFile(text), '--format', 'json');
  const diagnostics = JSON.parse(result.stdout) as { rule: string; line: number; column: number; message: string }[];
  assert.equal(diagnostics.map((d) => [d.rule, d.line, d.column]), [['identifier-collision', 13, 17]]);
  assert.match(diagnostics[0]!.message, /'mixed\/card-declined' and error 'mixed\/card_declined'/);
});

const MARKDOWN = `version: 1
name: md
title: Markdown texts
typeBase: https://example.com/errors
locales: [en]
textFormat: markdown
groups:
  - id: cards
    description: "Errors of the **cards** API."
    errors:
      - code: card_declined
        status: 402
        title: "Card *declined* | <b>"
        description: |-
          The card was declined. See [the docs](https://docs.example.com/declines) and \`decline_code\`:

          - insufficient funds
          - expired card

          <script>alert(1)</script> [click](javascript:alert(1)) [data](data:text/html,x) [vb](vbscript:x)
        resolution: "Use another card | or call *support*."
`;

test('textFormat: markdown — rendered as CommonMark on the page, raw HTML and unsafe links neutralised; kept exactly elsewhere', async () => {
  const { out, model } = await judge(catalogFile(MARKDOWN));
  const page = fs.readFileSync(path.join(out, 'docs', 'api-errors.en.md'), 'utf8');
  const [table] = tablesOf(page);
  assert.is(table!.rows.length, 1, 'the markdown stays inside its row');
  // Character references (how the cell keeps markdown from reinterpreting the HTML) read as the browser reads them.
  const html = md.render(page).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
  assert.match(html, /<a href="https:\/\/docs\.example\.com\/declines">the docs<\/a>/);
  assert.match(html, /<li>insufficient funds<\/li>/);
  assert.match(html, /<code>decline_code<\/code>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'raw HTML is shown as text');
  assert.not.match(html, /<script/i);
  assert.not.match(html, /href="(javascript|data|vbscript):/i, 'no unsafe link');
  assert.match(html, /\[click\]\(javascript:alert\(1\)\)/, 'an unsafe link stays its text');
  // The title is plain text even in a markdown catalog.
  assert.is(table!.rows[0]![2]!.text, 'Card *declined* | <b>');
  assert.match(html, /<p>Use another card \| or call <em>support<\/em>\.<\/p>/);
  const problem = model.problems[0]!;
  const resolved = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { textFormat: string; groups: { problems: { description: { en: string } }[] }[] };
  assert.is(resolved.textFormat, 'markdown');
  assert.is(resolved.groups[0]!.problems[0]!.description.en, problem.description!['en']);
  const schema = JSON.parse(fs.readFileSync(path.join(out, 'schemas', 'groups', 'cards.json'), 'utf8')) as { $defs: Record<string, { description: string }> };
  assert.is(schema.$defs['card_declined']!.description, problem.description!['en']);
});

test('one mistake, one diagnostic: a duplicate code is not also a duplicate type URI; an empty code is not also a name clash', async () => {
  const base = 'version: 1\nname: x\ntitle: X\ntypeBase: https://example.com/e\nlocales: [en]\ngroups:\n  - id: g\n    errors:\n      - { code: a, status: 400, title: A }\n';
  const duplicate = JSON.parse((await cli('validate', '--catalog', catalogFile(base + '      - { code: a, status: 400, title: B }\n'), '--format', 'json')).stdout) as { rule: string }[];
  assert.equal(duplicate.map((d) => d.rule), ['duplicate-code']);
  const empty = JSON.parse((await cli('validate', '--catalog', catalogFile(base + '      - { code: "", status: 400, title: B }\n'), '--format', 'json')).stdout) as { rule: string; message: string }[];
  assert.equal(empty.map((d) => d.rule), ['code-format']);
  assert.match(empty[0]!.message, /cannot be empty/);
});
test.run();
