/**
 * The TypeScript output, judged by the real compiler (the project's TypeScript, strictest settings),
 * then imported and run as JavaScript.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { filesUnder, typeCheck } from './tsc.js';
import { validate } from '../generator/index.js';
import type { CatalogModel } from '../generator/catalog/model.js';
import { MINIMAL, catalogFile, cli, fixtures, root, tempDir } from './helpers.js';
import { Packed, unpack } from '../generator/thread/packed.js';

async function generateInto(catalog: string): Promise<string> {
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(result.code, 0, result.stderr);
  // Consumers are ES modules, like the generated code.
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  return out;
}

async function modelOf(catalog: string): Promise<CatalogModel> {
  const { model } = await validate(catalog);
  assert.ok(model);
  return model!;
}

const defaultCatalog = path.join(root, 'catalog.yaml');
const hazards = path.join(fixtures, 'hazards', 'catalog.yaml');

test("the worker's files cross the thread boundary as their UTF-8 bytes, whatever their size and characters", () => {
  const texts = ['', 'ascii\n', 'é — 日本語 😀\n', 'x'.repeat(9 * 1024 * 1024), '\u{1F600}'.repeat(1000), 'après un gros fichier\n', ''];
  const packed = new Packed();
  // Texts, and one file given as bytes already.
  texts.forEach((text, i) => packed.add(`f${i}.ts`, i === 2 ? new Uint8Array(Buffer.from(text, 'utf8')) : text));
  // As postMessage does with the chunks in its transfer list: moved, not copied.
  const received = structuredClone(packed.message(), { transfer: packed.chunks });
  assert.ok(packed.chunks.every((chunk) => chunk.byteLength === 0), 'the sender no longer holds the bytes');
  const files = unpack(received);
  assert.equal(files.map((f) => f.path), texts.map((_, i) => `f${i}.ts`));
  files.forEach((file, i) => assert.ok(Buffer.from(file.contents as Uint8Array).equals(Buffer.from(texts[i]!, 'utf8')), `f${i}.ts`));
  assert.ok(received.chunks.length >= 2, 'a file larger than a chunk gets its own');
});

test('the default catalog: generated .ts and a consumer using every export compile with the strictest settings', async () => {
  const out = await generateInto(defaultCatalog);
  fs.copyFileSync(path.join(fixtures, 'typescript-consumer', 'default.ts'), path.join(out, 'consumer.ts'));
  const { all } = typeCheck([...filesUnder(path.join(out, 'typescript'), '.ts'), path.join(out, 'consumer.ts')]);
  assert.equal(all, []);
});

test('the default catalog: the .js + .d.ts alone serve a consumer (no TypeScript sources needed)', async () => {
  const out = await generateInto(defaultCatalog);
  for (const f of fs.readdirSync(path.join(out, 'typescript'), { recursive: true, encoding: 'utf8' })) {
    if (f.endsWith('.ts') && !f.endsWith('.d.ts')) fs.rmSync(path.join(out, 'typescript', f));
  }
  fs.copyFileSync(path.join(fixtures, 'typescript-consumer', 'default.ts'), path.join(out, 'consumer.ts'));
  const { all } = typeCheck([path.join(out, 'consumer.ts')]);
  assert.equal(all, []);
});

test('the hazards catalog compiles, and so does the `as const` style under erasableSyntaxOnly', async () => {
  const out = await generateInto(hazards);
  assert.equal(typeCheck(filesUnder(path.join(out, 'typescript'), '.ts')).all, []);
  const constOut = await generateInto(catalogFile(MINIMAL.replace('locales: [en, fr]', 'locales: [en, fr]\ntypescript: { style: const }')));
  const constSources = filesUnder(path.join(constOut, 'typescript'), '.ts');
  assert.not.match(fs.readFileSync(constSources.find((f) => f.includes('orders'))!, 'utf8'), /\benum\b/);
  assert.equal(typeCheck(constSources, { erasableSyntaxOnly: true }).all, []);
});

test('type-level: missing or mistyped members do not compile; a narrowed guard gives the members', async () => {
  const out = await generateInto(defaultCatalog);
  const cases: Record<string, { source: string; codes: number[] }> = {
    'missing.ts': { source: 'createAccountOutOfCredit({ balance: 30 });', codes: [2345] },
    'mistyped.ts': { source: 'createAccountOutOfCredit({ balance: "30", cost: 50 });', codes: [2322] },
    'extra.ts': { source: 'createAccountOutOfCredit({ balance: 30, cost: 50, fee: 1 });', codes: [2353] },
    'no-members.ts': { source: 'createAccountOutOfCredit();', codes: [2554] },
    'bad-locale.ts': { source: 'createWhatsAppProvisioningThrottled({ locale: "de" });', codes: [2322] },
    'unknown-code.ts': { source: 'const c: ProblemCode = "no-such-code"; void c;', codes: [2322] },
    'wrong-status.ts': { source: 'const p: AccountOutOfCreditProblem = { ...createAccountOutOfCredit({ balance: 1, cost: 2 }), status: 500 }; void p;', codes: [2322] },
    'no-narrowing.ts': { source: 'declare const x: unknown; if (isProblem(x)) { x.balance; }', codes: [2339] },
    'narrowed.ts': { source: 'declare const x: unknown; if (isAccountOutOfCreditProblem(x)) { const n: number = x.balance + x.cost; void n; }', codes: [] },
    'narrowed-by-type.ts': { source: 'declare const x: AnyProblem; if (x.type === "https://developer.vonage.com/api-errors/account#out-of-credit") { const n: number = x.cost; void n; }', codes: [] },
  };
  const header = 'import { createAccountOutOfCredit, createWhatsAppProvisioningThrottled, isProblem, isAccountOutOfCreditProblem } from "./typescript/index.js";\nimport type { ProblemCode, AccountOutOfCreditProblem, AnyProblem } from "./typescript/index.js";\n';
  for (const [name, c] of Object.entries(cases)) fs.writeFileSync(path.join(out, name), header + c.source + '\nexport {};\n');
  const { byFile } = typeCheck(Object.keys(cases).map((n) => path.join(out, n)));
  for (const [name, c] of Object.entries(cases)) {
    const codes = (byFile.get(name) ?? []).map((d) => d.code);
    assert.equal(codes, c.codes, `${name}: ${(byFile.get(name) ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ')}`);
  }
  assert.equal([...byFile.keys()].filter((f) => !(f in cases)), [], 'the generated files themselves have no diagnostics');
});

type Module = Record<string, unknown> & {
  allProblems: readonly { group: string; code: string; type: string; status: number; title: Record<string, string>; description?: Record<string, string>; resolution?: Record<string, string>; deprecated?: Record<string, string> }[];
};

async function importGenerated(out: string): Promise<Module> {
  return (await import(pathToFileURL(path.join(out, 'typescript', 'index.js')).href)) as Module;
}

test('runtime: factories, rendered details, guards, lookups, ProblemError and toJSON (default catalog)', async () => {
  const m = await importGenerated(await generateInto(defaultCatalog));
  const create = m['createAccountOutOfCredit'] as (members: object, options?: object) => Record<string, unknown>;
  const problem = create({ balance: 30, cost: 50 }, { instance: '<trace_id>' });
  assert.equal(problem, {
    type: 'https://developer.vonage.com/api-errors/account#out-of-credit',
    status: 403,
    title: 'You do not have enough credit',
    detail: 'Your current balance is 30, but that costs 50.',
    instance: '<trace_id>',
    balance: 30,
    cost: 50,
  });
  assert.not.ok('instance' in create({ balance: 1, cost: 2 }), 'no instance key unless given');
  assert.is(create({ balance: 1, cost: 2 }, { detail: 'custom' })['detail'], 'custom');
  const throttled = (m['createWhatsAppProvisioningThrottled'] as (o?: object) => Record<string, unknown>)({ locale: 'fr' });
  assert.equal(throttled, { type: 'https://developer.vonage.com/api-errors/whatsapp-provisioning#throttled', status: 429, title: 'Trop de requêtes' });

  const isCredit = m['isAccountOutOfCreditProblem'] as (v: unknown) => boolean;
  const isWhatsApp = m['isWhatsAppProvisioningProblem'] as (v: unknown) => boolean;
  const isProblem = m['isProblem'] as (v: unknown) => boolean;
  assert.ok(isCredit(problem) && isProblem(problem) && isProblem(throttled) && isWhatsApp(throttled));
  assert.not.ok(isCredit(throttled) || isWhatsApp(problem) || isProblem({ type: 'about:blank' }) || isProblem(null) || isProblem('x'));

  const byType = m['problemByType'] as (t: string) => { code: string; status: number; description?: Record<string, string> } | undefined;
  assert.is(byType('https://developer.vonage.com/api-errors/whatsapp-provisioning#number-in-use')!.status, 409);
  assert.is(byType('nope'), undefined);
  assert.equal((m['problemsByCode'] as (c: string) => { group: string }[])('throttled').map((p) => p.group), ['whatsapp-provisioning']);
  assert.is((m['WhatsAppProvisioningError'] as Record<string, string>)['NumberInUse'], 'number-in-use');

  const ProblemError = m['ProblemError'] as new (p: object, o?: object) => Error & { status: number; problem: object; contentType: string; toJSON(): object };
  const cause = new Error('root cause');
  const error = new ProblemError(problem, { cause });
  assert.ok(error instanceof Error);
  assert.is(error.name, 'ProblemError');
  assert.is(error.status, 403);
  assert.is(error.message, 'Your current balance is 30, but that costs 50.');
  assert.is(error.contentType, 'application/problem+json');
  assert.is(error.cause, cause);
  assert.equal(JSON.parse(JSON.stringify(error)), problem);
});

test('runtime: the validating check judges members, the cheap guard only the type; ProblemError carries its headers; Accept-Language picks a catalog locale', async () => {
  const m = await importGenerated(await generateInto(defaultCatalog));
  const valid = m['isValidAccountOutOfCreditProblem'] as (v: unknown) => boolean;
  const cheap = m['isAccountOutOfCreditProblem'] as (v: unknown) => boolean;
  const body = (m['createAccountOutOfCredit'] as (x: object) => Record<string, unknown>)({ balance: 30, cost: 50 });
  assert.ok(valid(body) && cheap(body));
  const { cost: _cost, ...missing } = body;
  const broken: [string, unknown][] = [
    ['a required member missing', missing],
    ['a member of the wrong type', { ...body, cost: 'fifty' }],
    ['another status', { ...body, status: 500 }],
    ['a title that is not a string', { ...body, title: 1 }],
    ['an instance that is not a string', { ...body, instance: 7 }],
    ['not an object', 'x'],
    ['null', null],
  ];
  for (const [what, value] of broken) {
    assert.not.ok(valid(value), what);
  }
  assert.ok(cheap(missing), 'the cheap guard looks at the type only');
  const ProblemError = m['ProblemError'] as new (p: object, o?: object) => { locale: string; headers: Record<string, string> };
  assert.equal(new ProblemError(body, { locale: 'fr' }).headers, { 'Content-Type': 'application/problem+json', 'Content-Language': 'fr' });
  assert.equal(new ProblemError(body).locale, 'en');
  const negotiate = m['negotiateLocale'] as (h: string | undefined | null) => string;
  const cases: [string | undefined | null, string][] = [
    [undefined, 'en'], [null, 'en'], ['', 'en'], ['fr', 'fr'], ['fr-CA', 'fr'], ['FR-ca, en;q=0.5', 'fr'], ['de, fr;q=0.8, en;q=0.9', 'en'],
    ['de;q=1, *;q=0.5', 'en'], ['fr;q=0, en', 'en'], ['es', 'en'], ['en-US,en;q=0.9,fr;q=0.8', 'en'],
  ];
  assert.equal(cases.map(([header]) => negotiate(header)), cases.map(([, want]) => want));
});

test('runtime: validating checks of the hazards catalog — enums, nested closed objects, nullable and union members, quoted names', async () => {
  const m = await importGenerated(await generateInto(hazards));
  const create = m['create_9Lives2faRequired'] as (x: object, o?: object) => Record<string, unknown>;
  const valid = m['isValid_9Lives2faRequiredProblem'] as (v: unknown) => boolean;
  const ok = create({ code: 'c', reason: 'wrong', attempts: 1, meta: { tags: ['a'], nested: { title: 't' } } });
  assert.ok(valid(ok));
  assert.not.ok(valid({ ...ok, reason: 'other' }), 'enum');
  assert.not.ok(valid({ ...ok, attempts: 0 }), 'minimum');
  assert.not.ok(valid({ ...ok, attempts: 1.5 }), 'integer');
  assert.not.ok(valid({ ...ok, meta: { tags: ['a'], extra: 1 } }), 'closed object');
  assert.not.ok(valid({ ...ok, meta: { tags: ['a'], nested: {} } }), 'nested required');
  const nullable = m['isValid_9LivesWithNullableProblem'] as (v: unknown) => boolean;
  const base = (m['create_9LivesWithNullable'] as (x: object) => object)({ maybe: null, choice: 1 });
  assert.ok(nullable(base) && nullable({ ...base, maybe: 's', choice: 'x', list: [{ id: 1 }] }));
  assert.not.ok(nullable({ ...base, choice: true }), 'oneOf');
  assert.not.ok(nullable({ ...base, list: [{ id: 'x' }] }), 'items');
});

test('runtime: the metadata holds every text of the default catalog, in every locale, in catalog order', async () => {
  const model = await modelOf(defaultCatalog);
  const m = await importGenerated(await generateInto(defaultCatalog));
  assert.equal(
    m.allProblems.map((p) => [p.group, p.code, p.type, p.status, p.title, p.description, p.resolution]),
    model.problems.map((p) => [p.group, p.code, p.type, p.status, p.title, p.description, p.resolution]),
  );
});

test('hazards: every text comes back exactly at run time; details render literally', async () => {
  const model = await modelOf(hazards);
  const m = await importGenerated(await generateInto(hazards));
  assert.equal(
    m.allProblems.map((p) => [p.code, p.title, p.description, p.resolution, p.deprecated]),
    model.problems.map((p) => [p.code, p.title, p.description, p.resolution, p.deprecated]),
  );
  const create = m['create_9Lives2faRequired'] as (members: object, options?: object) => Record<string, unknown>;
  const members = { code: '12*/34', reason: 'quote"d', attempts: 3 };
  const problem = create(members);
  assert.is(problem['detail'], 'Code 12*/34 failed: "quote"d" at {literal} `${nope}` */ \\ 3 time(s)');
  assert.is(problem['title'], 'Two-factor "required" ${code} `x` */ {{y}}');
  assert.is(create(members, { locale: 'fr' })['title'], 'Deux facteurs requis é 🎉');
  assert.is(create(members, { locale: 'pt-BR' })['title'], 'Dois fatores');
  assert.equal((m['_9LivesError'] as Record<string, string>)['_1000'], '1000');
  assert.equal((m['KindsError'] as Record<string, string>)['TwoFactor'], '2fa-required');
  const withMeta = create({ ...members, meta: { tags: ['a'] } });
  assert.equal(withMeta['meta'], { tags: ['a'] });
  assert.not.ok('meta' in problem, 'an absent optional member stays absent');
  // The example of the catalog renders the same detail as the factory.
  assert.is(model.problems[0]!.example!['detail'], problem['detail']);
});

test('runtime: a detail translated per locale renders in the asked locale; an explicit detail wins (const style)', async () => {
  const m = await importGenerated(await generateInto(path.join(fixtures, 'const-style', 'catalog.yaml')));
  const create = m['createOrdersOutOfStock'] as (members: object, options?: object) => Record<string, unknown>;
  const members = { available: 2, sku: 'A-1' };
  assert.is(create(members)['detail'], 'Only 2 left of A-1.');
  assert.is(create(members, { locale: 'de' })['detail'], 'Nur noch 2 von A-1.');
  assert.is(create(members, { locale: 'de' })['title'], 'Nicht vorrätig');
  assert.is(create(members, { locale: 'de', detail: 'eigener Text' })['detail'], 'eigener Text');
  assert.equal((m['OrdersError'] as Record<string, string>)['OutOfStock'], 'out-of-stock');
  assert.equal(create({ ...members, warehouse: 'B' })['warehouse'], 'B');
});

test('the generated JavaScript of the hazards catalog has no runtime import besides its own files', async () => {
  const out = await generateInto(hazards);
  for (const file of fs.readdirSync(path.join(out, 'typescript'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
    const imports = [...fs.readFileSync(path.join(out, 'typescript', file), 'utf8').matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gm)].map((x) => x[1]!);
    for (const specifier of imports) assert.ok(specifier.startsWith('./') || specifier.startsWith('../'), `${file} imports ${specifier}`);
  }
});

test.run();
