/**
 * What is kept between runs about extension members: their verdicts (generator/catalog/member-validators.ts)
 * and their TypeScript types (generator/emit/typescript/members.ts). A run gets the same with the cache,
 * without it, and with a damaged one; a run whose members are all known loads neither Ajv nor
 * json-schema-to-typescript.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadCatalog } from '../generator/catalog/load.js';
import { validateCatalog } from '../generator/catalog/validate.js';
import { MINIMAL, root, tempDir } from './helpers.js';

/** A schema nesting deeper than the generator accepts. */
let deep: object = { type: 'string' };
for (let i = 0; i < 70; i++) deep = { type: 'object', properties: { a: deep } };

/** MINIMAL with errors whose member schemas are valid, invalid, too deep, or unusable for checking examples. */
const CATALOG = MINIMAL.replace('example: { available: 2, sku: A-1, instance: /orders/7 }', 'example: { available: -2, sku: 7, instance: "<trace>" }') +
  `      - code: bad-schemas
        status: 400
        title: Bad schemas
        extensions:
          typo: { type: strin }
          referenced: { $ref: '#/x' }
          unknown: { type: string, colour: red }
          lookahead: { type: string, pattern: '^(?=a)a$', patternsReviewed: true }
          deep: ${JSON.stringify(deep)}
        example: { lookahead: b }
        resolution: Fix them.
`;

const run = (cache: string | undefined) => {
  const loaded = loadCatalog(Buffer.from(CATALOG), 'catalog.yaml');
  return validateCatalog(loaded, cache).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
};
const cacheFile = (folder: string) => path.join(folder, fs.readdirSync(folder).find((f) => /^members-.*\.json$/.test(f))!);

const uncached = run(undefined);

test('the catalog under test has a diagnostic from each kind of verdict', () => {
  for (const rule of ['extension-schema-invalid', 'schema-too-deep', 'example-invalid']) assert.ok(uncached.some((d) => d.includes(rule)), rule);
  assert.ok(uncached.some((d) => d.includes("did you mean 'string'")), uncached.join('\n'));
});

test('an example that fails its member schema is reported in the words of Ajv’s own errorsText', () => {
  const ajv = new Ajv2020({ allErrors: true });
  for (const [member, schema, value] of [['available', { type: 'integer', minimum: 0 }, -2], ['sku', { type: 'string' }, 7]] as const) {
    const validate = ajv.compile(schema);
    assert.is(validate(value), false);
    const said = `example member '${member}': ${ajv.errorsText(validate.errors, { dataVar: 'value' })}`;
    assert.ok(uncached.some((d) => d.endsWith(said)), `${said}\n${uncached.join('\n')}`);
  }
});

test('judged anew into an empty cache, then from the cache: the same diagnostics', () => {
  const folder = tempDir();
  assert.equal(run(folder), uncached);
  assert.ok(fs.existsSync(cacheFile(folder)), 'the verdicts were kept');
  const kept = fs.readFileSync(cacheFile(folder));
  assert.equal(run(folder), uncached);
  assert.equal(fs.readFileSync(cacheFile(folder)), kept, 'nothing new to keep: the file is not rewritten');
});

test('a damaged cache is judged again, never run: truncated, garbled, an entry changed without its hash, not a list', () => {
  const folder = tempDir();
  run(folder);
  const file = cacheFile(folder);
  const good = fs.readFileSync(file, 'utf8');
  const entries = JSON.parse(good) as [string, string, string][];
  // An entry rewritten to say the schema is fine and its example passes, without fixing its hash.
  const forged = entries.map(([key, text, hash]) => [key, key.includes('minimum') ? JSON.stringify({ code: 'module.exports = () => true;' }) : text, hash]);
  for (const damaged of [good.slice(0, good.length / 2), good.replace(/"/g, "'"), JSON.stringify(forged), '{}', 'null']) {
    fs.writeFileSync(file, damaged);
    assert.equal(run(folder), uncached, damaged.slice(0, 60));
  }
});

test('a cached entry with a valid hash that is no verdict, or whose code does not run, is judged again', async () => {
  const { contentHash } = await import('../generator/fingerprint.js');
  for (const wrong of [JSON.stringify({ code: 'throw new Error("broken")' }), JSON.stringify({ code: 7 }), 'null', '["broken"]']) {
    const folder = tempDir();
    run(folder);
    const file = cacheFile(folder);
    const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string, string][];
    const broken = entries.map(([key, text]) => {
      const next = (JSON.parse(text) as { code?: string }).code ? wrong : text;
      return [key, next, contentHash(next)];
    });
    fs.writeFileSync(file, JSON.stringify(broken));
    assert.equal(run(folder), uncached, wrong);
    const repaired = JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string, string][];
    assert.ok(repaired.every(([, text]) => text !== wrong), `the entries written as ${wrong} were replaced`);
  }
});

test('a run whose member schemas were all judged before loads no Ajv (in a new process)', () => {
  const folder = tempDir();
  const catalog = path.join(tempDir(), 'catalog.yaml');
  fs.writeFileSync(catalog, CATALOG);
  const module = (name: string) => pathToFileURL(path.join(root, '.build', 'generator', 'catalog', name)).href;
  const script = `
    import { createRequire } from 'node:module';
    import { readFileSync } from 'node:fs';
    const { loadCatalog } = await import(${JSON.stringify(module('load.js'))});
    const { validateCatalog } = await import(${JSON.stringify(module('validate.js'))});
    const result = validateCatalog(loadCatalog(readFileSync(${JSON.stringify(catalog)}), 'catalog.yaml'), ${JSON.stringify(folder)});
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ ajv: loaded.some((f) => /ajv[\\\\/]dist[\\\\/](core|2020)\\.js$/.test(f)), count: result.diagnostics.length }));
  `;
  const once = () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.is(child.status, 0, child.stderr);
    return JSON.parse(child.stdout) as { ajv: boolean; count: number };
  };
  const first = once();
  assert.equal(first, { ajv: true, count: uncached.length }, 'the first run compiles with Ajv');
  assert.equal(once(), { ajv: false, count: uncached.length }, 'the second runs from the cache');
});

const SCHEMAS = [
  { type: 'integer', minimum: 0, description: 'How many' },
  { type: 'string', enum: ['a', 'b'] },
  { type: 'object', properties: { id: { type: 'string', title: 'Id' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['id'] },
  { type: ['string', 'null'] },
];

test('member types: the same compiled anew, from the cache, without one, and with damaged entries', async () => {
  const { memberTypes, memberTypesCache } = await import('../generator/emit/typescript/members.js');
  // As the worker runs it: the compile cache's types given to the emitter, saved once it is done.
  const cached = async (schemas: Parameters<typeof memberTypes>[0], folder: string) => {
    const known = memberTypesCache(folder);
    const types = await memberTypes(schemas, known);
    known.save();
    return types;
  };
  const want = await memberTypes(SCHEMAS);
  assert.equal(new Set(want.values()).size, SCHEMAS.length, [...want.values()].join('\n'));
  const folder = tempDir();
  assert.equal(await cached(SCHEMAS, folder), want);
  const file = path.join(folder, fs.readdirSync(folder).find((f) => /^member-types-.*\.json$/.test(f))!);
  assert.equal(await cached(SCHEMAS, folder), want);
  // An entry whose text changed without its hash is not used: the types are compiled again.
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string, string][];
  fs.writeFileSync(file, JSON.stringify(entries.map(([key, text, hash]) => [key, `${text} | never`, hash])));
  assert.equal(await cached(SCHEMAS, folder), want);
  // A schema not seen before compiles them all again, and the cache then holds it too.
  const more = [...SCHEMAS, { type: 'boolean' }];
  const wantMore = await memberTypes(more);
  assert.equal(await cached(more, folder), wantMore);
  assert.is((JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[]).length, more.length);
});

test('member types: a run whose types are all cached loads no json-schema-to-typescript (in a new process)', () => {
  const folder = tempDir();
  const members = pathToFileURL(path.join(root, '.build', 'generator', 'emit', 'typescript', 'members.js')).href;
  const script = `
    import { createRequire } from 'node:module';
    const { memberTypes, memberTypesCache } = await import(${JSON.stringify(members)});
    const known = memberTypesCache(${JSON.stringify(folder)});
    const types = await memberTypes(${JSON.stringify(SCHEMAS)}, known);
    known.save();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ compiler: loaded.some((f) => f.includes('json-schema-to-typescript')), types: [...types.values()] }));
  `;
  const once = () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.is(child.status, 0, child.stderr);
    return JSON.parse(child.stdout) as { compiler: boolean; types: string[] };
  };
  const first = once();
  assert.is(first.compiler, true, 'the first run compiles');
  assert.equal(once(), { compiler: false, types: first.types }, 'the second reads the cache');
});

test.run();
