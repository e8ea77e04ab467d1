/**
 * Hostile schemas: no catalog may hang or crash the generator, nor carry a catastrophic pattern into its
 * consumers' validators. Each finding of the issue, through the CLI: exit code, rule, position, nothing written.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_SCHEMA_DEPTH } from '../generator/catalog/derive.js';
import { ATTACKS } from './fuzz/property.js';
import { MINIMAL, catalogFile, cli, snapshot, tempDir } from './helpers.js';

const HEADER = 'version: 1\nname: demo\ntitle: Demo\ntypeBase: https://example.com/errors\nlocales: [en]\ngroups:\n  - id: g\n    errors:\n      - code: e\n        status: 400\n        title: E\n';

/** An output folder holding a good generation, and a function that asserts it is still byte for byte the same. */
async function untouched(): Promise<{ out: string; same: () => void }> {
  const out = path.join(tempDir(), 'out');
  assert.is((await cli('generate', '--catalog', catalogFile(MINIMAL), '--out', out)).code, 0);
  const before = snapshot(out);
  return { out, same: () => assert.equal(snapshot(out), before) };
}

type Reported = { rule: string; line: number; column: number; message: string; severity: string };
const json = (stdout: string) => JSON.parse(stdout) as Reported[];

test('a 650-level extension schema: a positioned schema-too-deep error (exit 1), no stack trace, nothing written', async () => {
  const levels = 650;
  const text = `${HEADER}        extensions:\n          m: ${'{type: array, items: '.repeat(levels)}{type: string}${'}'.repeat(levels)}\n`;
  const { out, same } = await untouched();
  for (const command of ['validate', 'generate']) {
    const result = await cli(command, '--catalog', catalogFile(text), '--out', out, '--format', 'json');
    assert.is(result.code, 1, result.stderr);
    assert.not.match(result.stderr, /internal error|RangeError|\n\s+at /);
    const diagnostics = json(result.stdout);
    assert.equal(diagnostics.map((d) => d.rule), ['schema-too-deep']);
    assert.is(diagnostics[0]!.line, 13);
    assert.ok(diagnostics[0]!.column > 20 * MAX_SCHEMA_DEPTH, 'positioned where the limit is crossed, not on the member');
    assert.match(diagnostics[0]!.message, new RegExp(`${levels + 1} levels deep; at most ${MAX_SCHEMA_DEPTH}`));
  }
  same();
  // At the limit, the same shape is accepted.
  const fits = `${HEADER}        extensions:\n          m: ${'{type: array, items: '.repeat(MAX_SCHEMA_DEPTH - 1)}{type: string}${'}'.repeat(MAX_SCHEMA_DEPTH - 1)}\n`;
  assert.is((await cli('validate', '--catalog', catalogFile(fits))).code, 0);
});

for (const [pattern, attack] of ATTACKS) {
  test(`a catastrophic pattern ${JSON.stringify(pattern)} with its attack string as the example: refused at once with the attack shown, nothing written`, async () => {
    const text = `${HEADER}        extensions:\n          m: { type: string, pattern: ${JSON.stringify(pattern)} }\n        example: { m: ${JSON.stringify(attack)} }\n`;
    const { out, same } = await untouched();
    const started = Date.now();
    const result = await cli('generate', '--catalog', catalogFile(text), '--out', out, '--format', 'json');
    assert.is(result.code, 1, result.stderr);
    const redos = json(result.stdout).filter((d) => d.rule === 'pattern-redos');
    assert.is(redos.length, 1);
    assert.equal([redos[0]!.line, redos[0]!.column], [13, 39]);
    assert.match(redos[0]!.message, /backtracks catastrophically .* on input like '.+'/);
    // Not a timing assertion: a backtracking check of the example would not return at all.
    assert.ok(Date.now() - started < 60_000);
    same();
  });
}

test('patternsReviewed: a reviewed pattern generates, carried into the schemas as written; examples are still checked with RE2', async () => {
  const text = `${HEADER}        extensions:\n          m: { type: string, pattern: "(a+)+$", patternsReviewed: true }\n        example: { m: ${JSON.stringify(`${'a'.repeat(61)}!`)} }\n`;
  const failing = await cli('validate', '--catalog', catalogFile(text), '--format', 'json');
  assert.equal(json(failing.stdout).map((d) => d.rule), ['example-invalid'], 'the example does not match, and saying so took linear time');
  const out = path.join(tempDir(), 'out');
  const ok = await cli('generate', '--catalog', catalogFile(text.replace(/example: .*/, 'example: { m: aaa }')), '--out', out);
  assert.is(ok.code, 0, ok.stderr);
  const group = JSON.parse(fs.readFileSync(path.join(out, 'schemas', 'groups', 'g.json'), 'utf8')) as { $defs: { e: { properties: { m: object } } } };
  assert.equal(group.$defs.e.properties.m, { type: 'string', pattern: '(a+)+$' }, 'the flag is the catalog’s, not the schema’s');
});

test('patterns RE2 cannot run (backreference, lookaround) are refused with the reason; reviewed, they are a warning that examples go unchecked', async () => {
  for (const [pattern, what] of [['(a)\\1', 'backreference'], ['^(?=a)a$', 'lookaround']] as const) {
    const text = `${HEADER}        extensions:\n          m: { type: string, pattern: ${JSON.stringify(pattern)} }\n`;
    const refused = await cli('validate', '--catalog', catalogFile(text), '--format', 'json');
    assert.is(refused.code, 1);
    const [d] = json(refused.stdout);
    assert.equal([d!.rule, d!.line, d!.column], ['pattern-unsupported', 13, 39]);
    assert.match(d!.message, new RegExp(`uses a ${what}`));
    const reviewed = await cli('validate', '--catalog', catalogFile(text.replace('} }', '}, patternsReviewed: true }').replace(`${JSON.stringify(pattern)} }`, `${JSON.stringify(pattern)}, patternsReviewed: true }`)), '--format', 'json');
    assert.is(reviewed.code, 0);
    assert.equal(json(reviewed.stdout).filter((x) => !x.rule.startsWith('lint-')).map((x) => [x.rule, x.severity]), [['pattern-unchecked', 'warning']]);
  }
});

test('patternProperties keys are checked like patterns, positioned on the key', async () => {
  const text = `${HEADER}        extensions:\n          m: { type: object, patternProperties: { "^(x|x)*y$": { type: string } } }\n`;
  const result = await cli('validate', '--catalog', catalogFile(text), '--format', 'json');
  assert.equal(json(result.stdout).map((d) => [d.rule, d.line, d.column]), [['pattern-redos', 13, 51]]);
});

test('what the fuzzer found: prototype names as schema keywords, a property named hasOwnProperty, a 1,000-character group id — positioned errors, not crashes', async () => {
  const member = (schema: string) => `${HEADER}        extensions:\n          m: ${schema}\n`;
  const cases: [string, string, number, number, RegExp][] = [
    [member('{ type: string, hasOwnProperty: 0 }'), 'extension-schema-invalid', 13, 30, /'hasOwnProperty' is not a JSON Schema keyword/],
    [member('{ type: object, properties: { a: { type: string, __proto__: [] } } }'), 'extension-schema-invalid', 13, 63, /'__proto__' is not a JSON Schema keyword/],
    [member('{ type: object, properties: { hasOwnProperty: { type: string } } }'), 'extension-schema-invalid', 13, 44, /property named 'hasOwnProperty'/],
    [HEADER.replace('id: g', `id: ${'x'.repeat(1000)}`), 'code-format', 7, 9, /longer than 100 characters/],
  ];
  for (const [text, rule, line, column, message] of cases) {
    const result = await cli('generate', '--catalog', catalogFile(text), '--out', path.join(tempDir(), 'out'), '--format', 'json');
    assert.is(result.code, 1, result.stderr);
    const diagnostics = json(result.stdout);
    assert.equal(diagnostics.map((d) => [d.rule, d.line, d.column]), [[rule, line, column]], text.slice(-120));
    assert.match(diagnostics[0]!.message, message);
  }
});

test('what the fuzzer found: a code, group id or status that is a map whose toString is null — reported where it is, in messages that show it as JSON, not an internal error', async () => {
  const odd = '{ toString: null }';
  const cases: [string, [string, number, number][], RegExp | undefined][] = [
    [HEADER.replace('code: e', `code: ${odd}`), [['wrong-type', 9, 9]], undefined],
    [`${HEADER.replace('id: g', `id: ${odd}`)}      - code: e\n        status: 401\n        title: F\n`, [['wrong-type', 7, 5], ['duplicate-code', 12, 15]], /in group '\{"toString":null\}'/],
    [`${HEADER.replace('status: 400', `status: [400, ${odd}]`)}        example: { status: 402 }\n`, [['status-range', 10, 25], ['example-invalid', 12, 28]], /\(400, \{"toString":null\}\), not 402/],
  ];
  for (const [text, expected, message] of cases) {
    const result = await cli('validate', '--catalog', catalogFile(text), '--format', 'json');
    assert.is(result.code, 1, result.stderr);
    assert.not.match(result.stderr, /internal error/);
    const diagnostics = json(result.stdout);
    assert.equal(diagnostics.map((d) => [d.rule, d.line, d.column]), expected, text.slice(-160));
    if (message) assert.match(diagnostics[diagnostics.length - 1]!.message, message);
  }
});

test.run();
