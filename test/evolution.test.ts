/**
 * Catalog evolution: `diff` classifies every kind of change between two catalogs (with both positions),
 * gates on breaking changes unless the major version moves, reads the old catalog from git; tombstones
 * leave the live API but stay looked up and documented.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { MINIMAL, catalogFile, cli, tempDir } from './helpers.js';
import { typeCheck } from './tsc.js';

const BASE = MINIMAL.replace('locales: [en, fr]', 'catalogVersion: 1.0.0\nlocales: [en, fr]');

/** MINIMAL with `from` replaced by `to` (which must occur once), on top of BASE by default. */
function edit(from: string, to: string, base = BASE): string {
  if (base.split(from).length !== 2) throw new Error(`'${from}' must occur once`);
  return base.replace(from, to);
}

type Change = { class: string; kind: string; problem: string; old?: { line: number; column: number }; new?: { line: number; column: number } };
async function diffOf(before: string, after: string, ...extra: string[]): Promise<{ code: number; changes: Change[]; majorBump: boolean; stdout: string }> {
  const result = await cli('diff', catalogFile(before), catalogFile(after), '--format', 'json', ...extra);
  assert.ok(result.stdout.startsWith('{'), result.stderr);
  const parsed = JSON.parse(result.stdout) as { changes: Change[]; majorBump: boolean };
  return { code: result.code, changes: parsed.changes, majorBump: parsed.majorBump, stdout: result.stdout };
}

const cases: { name: string; after: string; before?: string; want: [cls: string, kind: string, problem: string][] }[] = [
  { name: 'a problem deleted', after: edit('      - code: not-found\n        status: 404\n        title: Order not found\n        description: No order has this id.\n        resolution: Check the id.\n', ''), want: [['breaking', 'problem-removed', 'orders/not-found']] },
  { name: 'a type URI changed', after: edit('typeBase: https://example.com/errors', 'typeBase: https://example.com/problems'), want: [['breaking', 'type-changed', 'orders/not-found'], ['breaking', 'type-changed', 'orders/out-of-stock']] },
  { name: 'a status changed', after: edit('status: 404', 'status: 410'), want: [['breaking', 'status-changed', 'orders/not-found']] },
  { name: 'a status added', after: edit('status: 404', 'status: [404, 410]'), want: [['dangerous', 'status-added', 'orders/not-found']] },
  { name: 'a required member added', after: edit('          sku: { type: string }', '          sku: { type: string }\n          warehouse: { type: string }').replace('sku: A-1,', 'sku: A-1, warehouse: B,'), want: [['breaking', 'member-added-required', 'orders/out-of-stock']] },
  { name: 'an optional member added', after: edit('          sku: { type: string }', '          sku: { type: string }\n          warehouse: { type: string, optional: true }'), want: [['safe', 'member-added-optional', 'orders/out-of-stock']] },
  { name: 'a member removed', after: edit('          sku: { type: string }\n', '').replace('detail: Only {available} left of {sku}.', 'detail: Only {available} left.').replace(' sku: A-1,', ''), want: [['breaking', 'member-removed', 'orders/out-of-stock'], ['dangerous', 'detail-placeholders-changed', 'orders/out-of-stock']] },
  { name: "a member's type changed", after: edit('sku: { type: string }', 'sku: { type: integer }').replace('sku: A-1', 'sku: 1'), want: [['breaking', 'member-narrowed', 'orders/out-of-stock']] },
  { name: 'an enum value removed', before: edit('sku: { type: string }', 'sku: { type: string, enum: [A-1, B-2] }'), after: edit('sku: { type: string }', 'sku: { type: string, enum: [A-1] }'), want: [['breaking', 'member-narrowed', 'orders/out-of-stock']] },
  { name: 'an optional member made required', before: edit('sku: { type: string }', 'sku: { type: string }\n          note: { type: string, optional: true }'), after: edit('sku: { type: string }', 'sku: { type: string }\n          note: { type: string }').replace('sku: A-1,', 'sku: A-1, note: x,'), want: [['breaking', 'member-narrowed', 'orders/out-of-stock']] },
  { name: 'tighter bounds', after: edit('available: { type: integer, minimum: 0 }', 'available: { type: integer, minimum: 1 }'), want: [['breaking', 'member-narrowed', 'orders/out-of-stock']] },
  { name: 'looser bounds', after: edit('available: { type: integer, minimum: 0 }', 'available: { type: integer }'), want: [['dangerous', 'member-changed', 'orders/out-of-stock']] },
  { name: 'a locale removed', after: edit('locales: [en, fr]', 'locales: [en]').replace('{ en: Orders, fr: Commandes }', 'Orders'), want: [['breaking', 'locale-removed', '']] },
  { name: 'a title changed', after: edit('title: Order not found', 'title: No such order'), want: [['dangerous', 'title-changed', 'orders/not-found']] },
  { name: "a detail template's placeholders changed", after: edit('detail: Only {available} left of {sku}.', 'detail: Only {available} left.'), want: [['dangerous', 'detail-placeholders-changed', 'orders/out-of-stock']] },
  { name: 'a problem and a group added', after: BASE + '  - id: payments\n    errors:\n      - { code: declined, status: 402, title: Declined }\n', want: [['safe', 'group-added', 'payments'], ['safe', 'problem-added', 'payments/declined']] },
  { name: 'a text reworded', after: edit('description: No order has this id.', 'description: No order carries this id.'), want: [['safe', 'text-reworded', 'orders/not-found']] },
  { name: 'a translation added', after: edit('description: No order has this id.', 'description: { en: No order has this id., fr: Aucune commande avec cet identifiant. }'), want: [['safe', 'translation-added', 'orders/not-found']] },
  { name: 'a problem deprecated', after: edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        deprecated: Use orders/gone.\n'), want: [['safe', 'problem-deprecated', 'orders/not-found']] },
  {
    name: 'a deprecated problem tombstoned',
    before: edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        deprecated: true\n'),
    after: edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        deprecated: true\n        removed: { since: 2.0.0, replacedBy: orders/out-of-stock }\n'),
    want: [['safe', 'problem-tombstoned', 'orders/not-found']],
  },
  { name: 'a problem tombstoned without an earlier deprecation', after: edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        removed: { since: 2.0.0 }\n'), want: [['breaking', 'problem-removed-undeprecated', 'orders/not-found']] },
];

for (const c of cases) {
  test(`diff: ${c.name}`, async () => {
    const { changes, code } = await diffOf(c.before ?? BASE, c.after);
    assert.equal(changes.map((x) => [x.class, x.kind, x.problem]), c.want);
    for (const x of changes) assert.ok(x.old || x.new, 'every change is positioned');
    assert.is(code, c.want.some(([cls]) => cls === 'breaking') ? 1 : 0, 'exit 1 on a breaking change');
  });
}

test('diff: positions in both catalogs; a catalog against itself reports nothing', async () => {
  const { changes } = await diffOf(BASE, edit('status: 404', 'status: 410'));
  assert.equal([changes[0]!.old, changes[0]!.new].map((p) => p && [p.line, p.column]), [[12, 17], [12, 17]]);
  const same = await diffOf(BASE, BASE);
  assert.equal([same.changes, same.code], [[], 0]);
});

test('diff: the semver escape hatch — a breaking change with a new major catalogVersion passes and says so; --fail-on dangerous tightens', async () => {
  const bumped = edit('status: 404', 'status: 410').replace('catalogVersion: 1.0.0', 'catalogVersion: 2.0.0');
  const passed = await diffOf(BASE, bumped);
  assert.equal([passed.code, passed.majorBump], [0, true]);
  const text = await cli('diff', catalogFile(BASE), catalogFile(bumped));
  assert.is(text.code, 0);
  assert.match(text.stdout, /1\.0\.0 → 2\.0\.0: 1 breaking, 0 dangerous, 0 safe; passes: the breaking changes come with a new major version/);
  const minor = await cli('diff', catalogFile(BASE), catalogFile(edit('status: 404', 'status: 410').replace('catalogVersion: 1.0.0', 'catalogVersion: 1.1.0')));
  assert.equal([minor.code, /needs a new major catalogVersion/.test(minor.stdout)], [1, true]);
  const dangerous = edit('title: Order not found', 'title: No such order');
  assert.is((await diffOf(BASE, dangerous)).code, 0);
  assert.is((await diffOf(BASE, dangerous, '--fail-on', 'dangerous')).code, 1);
  const markdown = await cli('diff', catalogFile(BASE), catalogFile(dangerous), '--format', 'markdown');
  assert.match(markdown.stdout, /^### Error catalog: 1\.0\.0 → 1\.0\.0\n\n0 breaking, 1 dangerous, 0 safe\.\n\n\| \| problem \| change \| where \|/);
  // A catalog text in the comment renders as written, in its cell: no markup, no broken table.
  const hazard = edit('title: Order not found', 'title: "Order <img src=x> | *not* [found](javascript:x)"');
  const comment = await cli('diff', catalogFile(BASE), catalogFile(hazard), '--format', 'markdown');
  const { tablesOf } = await import('./markdown-cells.js');
  const [table] = tablesOf(comment.stdout);
  const change = JSON.parse((await cli('diff', catalogFile(BASE), catalogFile(hazard), '--format', 'json')).stdout) as { changes: { message: string }[] };
  assert.is(table!.rows.length, 1);
  assert.equal(table!.rows[0]![2]!.markup, []);
  assert.is(table!.rows[0]![2]!.text, change.changes[0]!.message);
});

test('diff --base REF reads the old catalog from git; outside a repository or for an unknown ref, a clear usage error', async () => {
  const repo = tempDir();
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' });
  git('init', '-q');
  fs.writeFileSync(path.join(repo, 'catalog.yaml'), BASE);
  git('add', '.');
  git('commit', '-qm', 'first');
  fs.writeFileSync(path.join(repo, 'catalog.yaml'), edit('status: 404', 'status: 410'));
  const result = await cli('diff', '--base', 'HEAD', '--catalog', path.join(repo, 'catalog.yaml'), '--format', 'json');
  assert.is(result.code, 1, result.stderr);
  assert.equal((JSON.parse(result.stdout) as { changes: Change[] }).changes.map((c) => c.kind), ['status-changed']);
  const unknown = await cli('diff', '--base', 'no-such-branch', '--catalog', path.join(repo, 'catalog.yaml'));
  assert.equal([unknown.code, unknown.stderr], [2, "error-catalog: diff --base no-such-branch: 'no-such-branch' is not a known commit, branch or tag\n"]);
  const outside = await cli('diff', '--base', 'HEAD', '--catalog', catalogFile(BASE));
  assert.is(outside.code, 2);
  assert.match(outside.stderr, /is not in a git repository/);
});

test('tombstones: gone from the live API (using the removed factory does not compile), still found by problemByType, still on its page and site entry', async () => {
  const text = edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        deprecated: true\n        removed: { since: 2.0.0, replacedBy: orders/out-of-stock, note: Orders are never lost. }\n');
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalogFile(text), '--out', out);
  assert.is(result.code, 0, result.stderr);
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  fs.writeFileSync(path.join(out, 'uses-removed.ts'), 'import { createOrdersNotFound } from "./typescript/index.js";\ncreateOrdersNotFound();\n');
  fs.writeFileSync(path.join(out, 'uses-live.ts'), 'import { createOrdersOutOfStock, problemByType } from "./typescript/index.js";\nexport const p = createOrdersOutOfStock({ available: 1, sku: "x" });\nexport const since: string | undefined = problemByType("x")?.removed?.since;\n');
  const { byFile } = typeCheck([path.join(out, 'uses-removed.ts'), path.join(out, 'uses-live.ts')]);
  assert.equal((byFile.get('uses-removed.ts') ?? []).map((d) => d.code), [2305], 'the removed factory is not exported');
  assert.equal(byFile.get('uses-live.ts') ?? [], []);
  const m = (await import(pathToFileURL(path.join(out, 'typescript', 'index.js')).href)) as Record<string, unknown>;
  const found = (m['problemByType'] as (t: string) => { code: string; removed?: { since: string; replacedBy?: string } } | undefined)('https://example.com/errors/orders#not-found');
  assert.equal([found?.code, found?.removed?.since, found?.removed?.replacedBy], ['not-found', '2.0.0', 'orders/out-of-stock']);
  assert.not.ok((m['allProblems'] as { code: string }[]).some((p) => p.code === 'not-found'), 'not among the live problems');
  assert.not.ok('OrdersNotFound' in (m['OrdersError'] as object) || 'NotFound' in (m['OrdersError'] as object), 'not in the enum');
  const schema = fs.readFileSync(path.join(out, 'schemas', 'groups', 'orders.json'), 'utf8');
  assert.not.match(schema, /orders#not-found/, 'not in the schemas');
  const page = fs.readFileSync(path.join(out, 'docs', 'api-errors.en.md'), 'utf8');
  assert.match(page, /<a id="not-found"><\/a>`not-found`<br>\(deprecated\)<br>\(removed in 2\.0\.0; use orders\/out-of-stock; Orders are never lost\.\)/);
  const site = fs.readFileSync(path.join(out, 'site', 'orders', 'index.html'), 'utf8');
  assert.match(site, /<article class="problem" id="not-found"[\s\S]*?<dd class="removed">removed in 2\.0\.0; use orders\/out-of-stock; Orders are never lost\.<\/dd>/);
});

test('tombstones are never reused: a new problem with a tombstoned code, or with its type URI, is a positioned error', async () => {
  const tombstoned = edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        deprecated: true\n        removed: { since: 2.0.0 }\n');
  const sameCode = tombstoned + '      - { code: not-found, status: 404, title: Order missing, resolution: Check. }\n';
  const code = JSON.parse((await cli('validate', '--catalog', catalogFile(sameCode), '--format', 'json')).stdout) as { rule: string; line: number }[];
  assert.equal(code.map((d) => [d.rule, d.line]), [['duplicate-code', 27]]);
  const sameType = tombstoned + '      - { code: gone, type: "https://example.com/errors/orders#not-found", status: 410, title: Gone, resolution: Check. }\n';
  const type = JSON.parse((await cli('validate', '--catalog', catalogFile(sameType), '--format', 'json')).stdout) as { rule: string; line: number }[];
  assert.equal(type.map((d) => [d.rule, d.line]), [['duplicate-type-uri', 27]]);
});

test('changelog: each catalogVersion with what it added, deprecated and removed, newest first, per locale; its links land on anchors', async () => {
  const text = edit('        resolution: Check the id.\n', '        resolution: Check the id.\n        since: 1.0.0\n        deprecated: true\n        deprecatedSince: 1.1.0\n        removed: { since: 2.0.0, replacedBy: orders/out-of-stock }\n')
    .replace('      - code: out-of-stock\n', '      - code: out-of-stock\n        since: 1.1.0\n')
    .replace('catalogVersion: 1.0.0', 'catalogVersion: 2.0.0');
  const out = path.join(tempDir(), 'out');
  assert.is((await cli('generate', '--catalog', catalogFile(text), '--out', out)).code, 0);
  const { md } = await import('./markdown-cells.js');
  for (const [file, page, words] of [['CHANGELOG.md', 'api-errors.en.md', ['Added', 'Deprecated', 'Removed']], ['CHANGELOG.fr.md', 'api-errors.fr.md', ['Ajoutés', 'Obsolètes', 'Supprimés']]] as const) {
    const tokens = md.parse(fs.readFileSync(path.join(out, 'docs', file), 'utf8'), {});
    const headings = tokens.filter((t, i) => tokens[i - 1]?.type === 'heading_open' && tokens[i - 1]!.tag === 'h2').map((t) => t.content);
    assert.equal(headings, ['2.0.0', '1.1.0', '1.0.0']);
    const paragraphs = tokens.filter((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open' && !tokens[i - 1]!.hidden).map((t) => t.content);
    assert.equal(paragraphs, [`${words[2]}:`, `${words[0]}:`, `${words[1]}:`, `${words[0]}:`]);
    const links = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => String(t.attrGet('href')));
    assert.equal(links, [`./${page}#out-of-stock`, `./${page}#not-found`, `./${page}#not-found`]);
    const anchors = fs.readFileSync(path.join(out, 'docs', page), 'utf8');
    for (const link of links) assert.match(anchors, new RegExp(`<a id="${link.split('#')[1]}"></a>`));
  }
  // A catalog that records no history gets no changelog.
  const none = path.join(tempDir(), 'out');
  assert.is((await cli('generate', '--catalog', catalogFile(BASE), '--out', none)).code, 0);
  assert.not.ok(fs.existsSync(path.join(none, 'docs', 'CHANGELOG.md')));
});

test('changelog on one page: a fragment repeated across groups links to the anchor the page gives it', async () => {
  const onePage = edit('locales: [en, fr]', 'locales: [en, fr]\npages: { perGroup: false }') + '  - id: more\n    errors:\n      - { code: not-found, status: 404, title: Gone, resolution: Check., since: 1.0.0 }\n';
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalogFile(onePage), '--out', out);
  assert.is(result.code, 0, result.stderr);
  const { md } = await import('./markdown-cells.js');
  const tokens = md.parse(fs.readFileSync(path.join(out, 'docs', 'CHANGELOG.md'), 'utf8'), {});
  const links = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => String(t.attrGet('href')));
  assert.equal(links, ['./api-errors.en.md#more-not-found']);
  assert.match(fs.readFileSync(path.join(out, 'docs', 'api-errors.en.md'), 'utf8'), /<a id="more-not-found"><\/a>/);
});

test.run();
