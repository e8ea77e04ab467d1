/**
 * Every validation rule: a catalog with one mistake, the rule id, and where it is reported.
 * In each case `▶` marks where the diagnostic must point (it is removed before validating).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../generator/diagnostics.js';
import type { RuleId } from '../generator/diagnostics.js';
import { MINIMAL, catalogFile, cli, diagnose, root } from './helpers.js';

const MARK = '▶';

/** Removes the mark and returns the text with the 1-based line and column it stood at. */
function unmark(marked: string): { text: string; line: number; column: number } {
  const at = marked.indexOf(MARK);
  if (at === -1 || marked.indexOf(MARK, at + 1) !== -1) throw new Error('a case needs exactly one mark');
  const before = marked.slice(0, at).split('\n');
  return { text: marked.replace(MARK, ''), line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** MINIMAL with `from` replaced by `to` (which must occur exactly once). */
function edit(from: string, to: string, base = MINIMAL): string {
  if (base.split(from).length !== 2) throw new Error(`'${from}' must occur once`);
  return base.replace(from, to);
}

const HEADER = 'version: 1\nname: demo\ntitle: Demo\ntypeBase: https://example.com/errors\nlocales: [en, fr]\n';

const cases: { name: string; rule: RuleId; catalog: string; message?: RegExp }[] = [
  { name: 'YAML syntax error', rule: 'yaml-syntax', catalog: edit('title: Demo errors\ntypeBase', 'title: [Demo errors\n▶typeBase') },
  { name: 'duplicate key', rule: 'yaml-duplicate-key', catalog: edit('        status: 404\n', '        status: 404\n        ▶status: 410\n'), message: /already defined on line 11/ },
  {
    name: 'alias bomb',
    rule: 'yaml-alias-limit',
    catalog:
      HEADER +
      'x0: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n' +
      'x1: &b [▶*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
      'x2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
      'x3: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n' +
      'groups: []\n',
  },
  { name: 'unknown key, with a did-you-mean', rule: 'unknown-key', catalog: edit('        resolution: Check', '        ▶resolutoin: Check'), message: /did you mean 'resolution'/ },
  { name: 'unknown top-level key', rule: 'unknown-key', catalog: edit('locales: [en, fr]', 'locales: [en, fr]\n▶colour: blue'), message: /allowed keys/ },
  { name: 'wrong type', rule: 'wrong-type', catalog: edit('        title: Order not found', '        ▶title: [Order, not, found]'), message: /must be a text/ },
  { name: 'missing required field', rule: 'missing-field', catalog: edit('      - code: not-found\n        status: 404\n', '      - ▶code: not-found\n'), message: /'status'/ },
  { name: 'code with a space', rule: 'code-format', catalog: edit('code: not-found', 'code: ▶not found') },
  { name: 'code ending in a hyphen', rule: 'code-format', catalog: edit('code: not-found', 'code: ▶not-found-') },
  { name: 'group id not a slug', rule: 'code-format', catalog: edit('id: orders', 'id: ▶Orders') },
  { name: 'group id not a slug', rule: 'code-format', catalog: edit('id: orders', 'id: ▶../../etc') },
  { name: 'duplicate code in a group', rule: 'duplicate-code', catalog: edit('code: out-of-stock', 'code: ▶not-found'), message: /line 10/ },
  {
    name: 'duplicate group id',
    rule: 'duplicate-group',
    catalog: MINIMAL + '  - id: ▶orders\n    errors:\n      - { code: gone, status: 410, title: Gone }\n',
  },
  {
    name: 'duplicate type URI',
    rule: 'duplicate-type-uri',
    catalog: edit('        status: 409\n', '        status: 409\n        type: ▶https://example.com/errors/orders#not-found\n'),
  },
  { name: 'status below 400', rule: 'status-range', catalog: edit('status: 404', 'status: ▶302') },
  { name: 'status above 599', rule: 'status-range', catalog: edit('status: 404', 'status: ▶600') },
  { name: 'status not an integer', rule: 'status-range', catalog: edit('status: 404', 'status: ▶"404"') },
  { name: 'empty text', rule: 'empty-text', catalog: edit('title: Order not found', 'title: ▶"  "') },
  { name: 'empty translation', rule: 'empty-text', catalog: edit('{ en: Orders, fr: Commandes }', '{ en: Orders, fr: ▶"" }') },
  { name: 'detail placeholder naming no member (underlined, with a did-you-mean)', rule: 'detail-unknown-placeholder', catalog: edit('detail: Only {available} left of {sku}.', 'detail: Only {available} left of ▶{skew}.'), message: /\{skew\}.*did you mean \{sku\}/ },
  { name: 'detail placeholder naming no member, none close', rule: 'detail-unknown-placeholder', catalog: edit('detail: Only {available} left of {sku}.', 'detail: Only {available} left of ▶{warehouse}.'), message: /declared: available, sku/ },
  { name: 'malformed detail placeholder', rule: 'detail-syntax', catalog: edit('detail: Only {available} left of {sku}.', 'detail: Only {available} left of ▶{sku.'), message: /character 26/ },
  {
    name: 'detail placeholder naming an optional member',
    rule: 'detail-optional-placeholder',
    catalog: edit('left of {sku}.', 'left of ▶{sku}.', edit('sku: { type: string }', 'sku: { type: string, optional: true }')),
  },
  { name: 'extension shadowing a standard member', rule: 'extension-shadows-member', catalog: edit('          sku: { type: string }', '          sku: { type: string }\n          ▶instance: { type: string }') },
  { name: 'extension schema with a misspelt type: the value, and a did-you-mean', rule: 'extension-schema-invalid', catalog: edit('          sku: { type: string }', '          sku: { type: ▶strnig }'), message: /"strnig" is not one of .*did you mean 'string'/ },
  { name: 'extension schema with a misspelt integer', rule: 'extension-schema-invalid', catalog: edit('          available: { type: integer, minimum: 0 }', '          available: { type: ▶integr, minimum: 0 }'), message: /did you mean 'integer'/ },
  { name: 'extension schema with an unknown keyword', rule: 'extension-schema-invalid', catalog: edit('          sku: { type: string }', '          sku: { type: string, ▶maxLenght: 3 }'), message: /maxLenght/ },
  { name: 'extension schema with a $ref', rule: 'extension-schema-invalid', catalog: edit('          sku: { type: string }', '          ▶sku: { type: object, properties: { id: { $ref: "#/x" } } }'), message: /'\$ref' is not supported/ },
  { name: 'example of the wrong type', rule: 'example-invalid', catalog: edit('example: { available: 2,', 'example: { available: ▶two,') },
  { name: 'example instance that is not a URI reference', rule: 'example-invalid', catalog: edit('instance: /orders/7', 'instance: ▶"<trace_id>"'), message: /URI reference/ },
  { name: 'example missing a required member', rule: 'example-invalid', catalog: edit('example: { available: 2, sku: A-1,', '▶example: { available: 2,') },
  { name: 'catalog example naming no error', rule: 'example-reference', catalog: edit('locales: [en, fr]', 'locales: [en, fr]\nexample: ▶orders/missing') },
  { name: 'translation in an undeclared locale', rule: 'locale-undeclared', catalog: edit('{ en: Orders, fr: Commandes }', '{ en: Orders, fr: Commandes, ▶de: Bestellungen }') },
  { name: 'malformed locale', rule: 'locale-format', catalog: edit('locales: [en, fr]', 'locales: [en, ▶French]') },
  { name: 'locale listed twice', rule: 'duplicate-locale', catalog: edit('locales: [en, fr]', 'locales: [en, fr, ▶en]') },
  { name: 'type base not an absolute URI', rule: 'uri-format', catalog: edit('typeBase: https://example.com/errors', 'typeBase: ▶example.com/errors') },
  { name: 'type base with a fragment', rule: 'uri-format', catalog: edit('typeBase: https://example.com/errors', 'typeBase: ▶https://example.com/errors#x') },
  { name: 'type base with a javascript: scheme', rule: 'uri-scheme', catalog: edit('typeBase: https://example.com/errors', 'typeBase: ▶"javascript:alert(1)//"') },
  { name: 'schema base with a data: scheme', rule: 'uri-scheme', catalog: edit('locales: [en, fr]', 'locales: [en, fr]\nschemaBase: ▶"data:text/html,x"') },
  { name: 'type override with a file: scheme', rule: 'uri-scheme', catalog: edit('        status: 409\n', '        status: 409\n        type: ▶file:///etc/passwd\n') },
  { name: 'status list with a status out of range', rule: 'status-range', catalog: edit('status: 404', 'status: [404, ▶700]') },
  { name: 'status list with a status twice', rule: 'status-range', catalog: edit('status: 404', 'status: [404, ▶404]') },
  { name: 'status list that is empty', rule: 'status-range', catalog: edit('status: 404', 'status: ▶[]') },
  { name: 'extension member name with a brace', rule: 'member-name', catalog: edit('          sku: { type: string }', '          sku: { type: string }\n          ▶"a{b": { type: string }') },
  { name: 'NUL through an escape', rule: 'forbidden-character', catalog: edit('title: Order not found', 'title: ▶"Order\\0 not found"') },
  { name: 'lone surrogate through an escape', rule: 'forbidden-character', catalog: edit('title: Order not found', 'title: ▶"Order \\uD83D not found"'), message: /lone surrogate \(\\uD83D\)/ },
  { name: 'a number where a text is expected shows its source text', rule: 'wrong-type', catalog: edit('title: Order not found', 'title: ▶1.10'), message: /the number 1\.10; write it in quotes \("1\.10"\)/ },
  { name: 'no space after a colon, explained', rule: 'yaml-syntax', catalog: edit('        status: 404\n', '        ▶status:404\n'), message: /needs a space after the colon: write 'status: 404'/ },
  {
    name: 'one page for all groups while a fragment repeats',
    rule: 'page-anchor-collision',
    catalog: MINIMAL.replace('locales: [en, fr]', 'locales: [en, fr]\npages: { perGroup: ▶false }') + '  - id: more\n    errors:\n      - { code: not-found, status: 404, title: Gone }\n',
  },
  { name: 'a tombstone replaced by no live problem', rule: 'tombstone-replacement', catalog: edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        deprecated: true\n        removed: { since: 2.0.0, replacedBy: ▶orders/nothing }\n') },
  { name: 'lint: a translated detail template with other placeholders', rule: 'lint-detail-placeholders', catalog: edit('detail: Only {available} left of {sku}.', 'detail: { en: "Only {available} left of {sku}.", fr: ▶"Plus que {available}." }') },
  { name: 'lint: a 429 without Retry-After', rule: 'lint-retry-after', catalog: edit('status: 409', 'status: ▶429') },
  { name: 'lint: a 401 that never mentions authentication', rule: 'lint-401-authentication', catalog: edit('status: 404', 'status: ▶401') },
  { name: 'lint: a 405 without Allow', rule: 'lint-405-allow', catalog: edit('status: 404', 'status: ▶405') },
  { name: 'lint: a 5xx titled as a client error', rule: 'lint-status-class', catalog: edit('status: 404\n        title: Order not found', 'status: ▶500\n        title: Order not found') },
  { name: 'lint: a title with a placeholder', rule: 'lint-title-placeholder', catalog: edit('title: Out of stock', 'title: ▶Out of {sku}') },
  { name: 'lint: a problem without a resolution', rule: 'lint-no-resolution', catalog: edit('        resolution: Check the id.\n', '').replace('      - code: not-found', '      - code: ▶not-found') },
  { name: 'lint: two problems of a group with one title', rule: 'lint-duplicate-title', catalog: edit('title: Out of stock', 'title: ▶Order not found') },
  { name: 'locale key of a text map, on the key itself', rule: 'locale-format', catalog: edit('{ en: Orders, fr: Commandes }', '{ en: Orders, ▶fr_FR: Commandes }') },
  { name: 'name override not PascalCase', rule: 'identifier-format', catalog: edit("    title: { en: Orders, fr: Commandes }", "    title: { en: Orders, fr: Commandes }\n    name: ▶orders") },
  {
    name: 'codes that become the same identifier',
    rule: 'identifier-collision',
    catalog: edit('code: out-of-stock', 'code: ▶not-found2', edit('code: not-found', 'code: not-found-2')),
    message: /'orders\/not-found2' and error 'orders\/not-found-2' .*'OrdersNotFound2/,
  },
  {
    name: 'group + code that equal another group + code',
    rule: 'identifier-collision',
    catalog:
      HEADER +
      'groups:\n  - id: a\n    errors:\n      - { code: b-c, status: 400, title: X }\n' +
      '  - id: a-b\n    errors:\n      - { code: ▶c, status: 400, title: Y }\n',
    message: /'a-b\/c' and error 'a\/b-c'.*'ABCProblem'/,
  },
  {
    name: 'group name against an error name',
    rule: 'identifier-collision',
    catalog:
      HEADER +
      'groups:\n  - id: a\n    errors:\n      - { code: b, status: 400, title: X }\n' +
      '  - id: ▶a-b\n    errors:\n      - { code: c, status: 400, title: Y }\n',
    message: /'ABProblem'/,
  },
  {
    name: 'name the generated module reserves',
    rule: 'identifier-collision',
    catalog: HEADER + 'groups:\n  - id: ▶problem\n    errors:\n      - { code: x, status: 400, title: X }\n',
    message: /'Problem\w*', a name the generated module already uses/,
  },
];

for (const c of cases) {
  test(`${c.rule}: ${c.name}`, async () => {
    const { text, line, column } = unmark(c.catalog);
    const { code, diagnostics } = await diagnose(text);
    const hits = diagnostics.filter((d) => d.rule === c.rule);
    assert.ok(hits.length > 0, `expected ${c.rule}, got ${JSON.stringify(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`))}`);
    const hit = hits.find((d) => d.line === line && d.column === column);
    assert.ok(hit, `expected ${c.rule} at ${line}:${column}, got ${hits.map((d) => `${d.line}:${d.column}`).join(', ')}`);
    if (c.message) assert.match(hit!.message, c.message);
    assert.is(code, RULES[c.rule].severity === 'error' ? 1 : 0);
  });
}

test('every error case above: generate refuses it (exit 1) and the output folder is left byte for byte as it was', async () => {
  const { snapshot, tempDir } = await import('./helpers.js');
  const out = path.join(tempDir(), 'out');
  assert.is((await cli('generate', '--catalog', catalogFile(MINIMAL), '--out', out)).code, 0);
  const before = snapshot(out);
  for (const c of cases.filter((c) => RULES[c.rule].severity === 'error')) {
    const result = await cli('generate', '--catalog', catalogFile(unmark(c.catalog).text), '--out', out);
    assert.is(result.code, 1, c.name);
  }
  assert.equal(snapshot(out), before);
});

test('encoding: a Latin-1 file is refused at its first bad byte; UTF-16 with a byte-order mark is read; nothing is written', async () => {
  const { snapshot, tempDir } = await import('./helpers.js');
  const fs = await import('node:fs');
  const out = path.join(tempDir(), 'out');
  const latin1 = catalogFile('');
  fs.writeFileSync(latin1, Buffer.from(MINIMAL.replace('title: Out of stock', 'title: Épuisé'), 'latin1'));
  const refused = await cli('generate', '--catalog', latin1, '--out', out, '--format', 'json');
  assert.is(refused.code, 1);
  const [d] = JSON.parse(refused.stdout) as { rule: string; line: number; column: number; message: string }[];
  assert.equal([d!.rule, d!.line, d!.column], ['encoding', 17, 16]);
  assert.match(d!.message, /byte 0xC9 .*Latin-1/);
  assert.not.ok(fs.existsSync(out), 'nothing written');
  for (const [bom, encoding] of [[[0xff, 0xfe], 'utf16le'], [[0xfe, 0xff], 'utf16be']] as const) {
    const utf16 = catalogFile('');
    const body = Buffer.from(MINIMAL.replace('title: Out of stock', 'title: Épuisé 🎉'), 'utf16le');
    if (encoding === 'utf16be') body.swap16();
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from(bom), body]));
    const result = await cli('generate', '--catalog', utf16, '--out', out);
    assert.is(result.code, 0, result.stderr);
    assert.match(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8'), /"en": "Épuisé 🎉"/);
  }
  assert.ok(snapshot(out).size > 0);
});

test('a lone surrogate is refused at generate, so generate then check never disagree', async () => {
  const { snapshot, tempDir } = await import('./helpers.js');
  const out = path.join(tempDir(), 'out');
  assert.is((await cli('generate', '--catalog', catalogFile(MINIMAL), '--out', out)).code, 0);
  const before = snapshot(out);
  const catalog = catalogFile(MINIMAL.replace('title: Out of stock', 'title: "\\uD83D"'));
  const generated = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(generated.code, 1);
  assert.match(generated.stderr, /:17:16: error\[forbidden-character\]/);
  assert.equal(snapshot(out), before);
  assert.is((await cli('check', '--catalog', catalogFile(MINIMAL), '--out', out)).code, 0);
});

test('banners quote the catalog file name safely: a name with a newline puts no statement into the code', async () => {
  const { tempDir } = await import('./helpers.js');
  const fs = await import('node:fs');
  const dir = tempDir();
  const catalog = path.join(dir, 'x\nthrow new Error("pwned")\n-->.yaml');
  fs.writeFileSync(catalog, MINIMAL);
  const out = path.join(dir, 'out');
  const result = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(result.code, 0, result.stderr);
  for (const file of ['typescript/src/problem.ts', 'typescript/problem.js', 'openapi/openapi.yaml', 'docs/api-errors.en.md']) {
    const first = fs.readFileSync(path.join(out, file), 'utf8').split('\n')[0]!;
    assert.match(first, /^(\/\/|#|<!--) Generated from x\\u000athrow new Error\("pwned"\)\\u000a--(>|&gt;)\.yaml/, file);
  }
  const module = (await import(`${new URL(`file://${path.join(out, 'typescript', 'index.js')}`).href}`)) as { isProblem: unknown };
  assert.type(module.isProblem, 'function');
});

test('every rule of the catalogue has a case here or in a test of its own', () => {
  // The template rules are exercised in markdown.test.ts, the schema and pattern rules in hostile.test.ts, the others below.
  const covered = new Set<string>([...cases.map((c) => c.rule), 'encoding', 'schema-too-deep', 'pattern-redos', 'pattern-unsupported', 'pattern-unchecked', 'yaml-warning', 'translation-missing', 'wrong-type', 'invalid-value', 'template-syntax', 'template-strings', 'template-render']);
  const missing = Object.keys(RULES).filter((rule) => !covered.has(rule));
  assert.equal(missing, []);
});

test('translation-missing: a warning, the text falls back, exit 0', async () => {
  const { text, line, column } = unmark(edit('title: { en: Orders, fr: Commandes }', '▶title: { en: Orders }'));
  const { code, diagnostics } = await diagnose(text);
  assert.is(code, 0);
  assert.equal(
    diagnostics.map((d) => [d.rule, d.severity, d.line, d.column]),
    [['translation-missing', 'warning', line, column]],
  );
});

test('yaml-warning: an unknown tag is a warning', async () => {
  const { text, line, column } = unmark(edit('title: Order not found', 'title: ▶!shout Order not found'));
  const { diagnostics } = await diagnose(text);
  assert.ok(diagnostics.some((d) => d.rule === 'yaml-warning' && d.line === line && d.column === column));
});

test('invalid-value: wrong version and unknown TypeScript style', async () => {
  const { diagnostics } = await diagnose(edit('version: 1', 'version: 2\ntypescript: { style: classes }'));
  assert.equal(
    diagnostics.map((d) => [d.rule, d.line, d.column]),
    [
      ['invalid-value', 1, 10],
      ['invalid-value', 2, 22],
    ],
  );
});

test('hostile files are reported as catalog errors (exit 1), never crashes: deep nesting, binary data, a BOM, long lines', async () => {
  const deep = await cli('validate', '--catalog', catalogFile(`version: 1\nx: ${'['.repeat(20000)}${']'.repeat(20000)}\n`));
  assert.is(deep.code, 1);
  assert.match(deep.stderr, /error\[yaml-syntax\]: the YAML nests too deeply/);
  assert.ok(deep.stderr.split('\n').every((line) => line.length < 300), 'code frames of long lines are cut to a window');
  let seed = 7;
  const noise = Buffer.from(Array.from({ length: 200_000 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % 256)));
  const binary = catalogFile('');
  (await import('node:fs')).writeFileSync(binary, noise);
  const garbage = await cli('validate', '--catalog', binary, '--format', 'json');
  assert.is(garbage.code, 1);
  assert.ok((JSON.parse(garbage.stdout) as unknown[]).length > 0);
  const bom = await diagnose('\ufeff' + MINIMAL);
  assert.equal(bom, { code: 0, diagnostics: [] });
});

test('the default catalog is valid; its one warning is a lint (Vonage documents no Retry-After for throttled), an error under --strict', async () => {
  const { code, diagnostics } = await diagnose(readFileSync(path.join(root, 'catalog.yaml'), 'utf8'));
  assert.equal(diagnostics.map((d) => [d.rule, d.severity]), [['lint-retry-after', 'warning']]);
  assert.is(code, 0);
  const strict = await cli('validate', '--catalog', path.join(root, 'catalog.yaml'), '--strict', '--format', 'json');
  assert.equal([strict.code, (JSON.parse(strict.stdout) as { severity: string }[]).map((d) => d.severity)], [1, ['error']]);
});

test('five different mistakes give five positioned diagnostics at once', async () => {
  let marked = MINIMAL;
  marked = edit('{ en: Orders, fr: Commandes }', '{ en: Orders, fr: Commandes, ▶de: Bestellungen }', marked);
  marked = edit('code: not-found', 'code: ▶Not Found', marked);
  marked = edit('        resolution: Check', '        ▶resolutoin: Check', marked);
  marked = edit('status: 409', 'status: ▶200', marked);
  marked = edit('detail: Only {available} left of {sku}.', 'detail: Only {available} left of ▶{skew}.', marked);
  const expected = ['locale-undeclared', 'code-format', 'unknown-key', 'status-range', 'detail-unknown-placeholder'].map((rule, i) => {
    const { line, column } = unmark(marked.split(MARK).slice(0, i + 1).join('') + MARK);
    return `:${line}:${column}: error[${rule}]`;
  });
  const file = catalogFile(marked.replaceAll(MARK, ''));
  const result = await cli('validate', '--catalog', file);
  assert.is(result.code, 1);
  const heads = result.stderr.split('\n').filter((l) => l.startsWith(file));
  assert.equal(
    heads.map((l) => l.slice(file.length).split(': ').slice(0, 2).join(': ')),
    expected,
  );
  // Each diagnostic is followed by a code frame that shows its line with a caret under it.
  assert.match(result.stderr, / \|         status: 200\n {3}\| {17}\^\^\^\n/);
  assert.match(result.stderr, /5 error\(s\), 0 warning\(s\)/);
});

test.run();
