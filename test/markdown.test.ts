/**
 * The reference pages, read back by a real markdown parser (markdown-it with GitHub's options: HTML,
 * tables, autolinks): every cell holds exactly the catalog's text, never markup or injected HTML; the
 * French page carries the seed page's entries in its order; custom templates work through --templates.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cellOf, md, tablesOf } from './markdown-cells.js';
import { validate } from '../generator/index.js';
import type { CatalogModel } from '../generator/catalog/model.js';
import { MINIMAL, catalogFile, cli, fixtures, root, snapshot, tempDir } from './helpers.js';

const catalogs = { default: path.join(root, 'catalog.yaml'), hazards: path.join(fixtures, 'hazards', 'catalog.yaml') };

async function generated(catalog: string, ...extra: string[]): Promise<{ out: string; model: CatalogModel }> {
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalog, '--out', out, ...extra);
  assert.is(result.code, 0, result.stderr);
  return { out, model: (await validate(catalog)).model! };
}

/** The page a group's table is on: the locale's page, or the group's own page when pages are split. */
const pageOf = (out: string, model: CatalogModel, group: string, locale: string) =>
  path.join(out, 'docs', model.pages.perGroup ? `${group}.${locale}.md` : `api-errors.${locale}.md`);

/** The tables of a locale, in group order, wherever they are. */
function tablesIn(out: string, model: CatalogModel, locale: string) {
  if (!model.pages.perGroup) return tablesOf(fs.readFileSync(pageOf(out, model, '', locale), 'utf8'));
  return model.groups.flatMap((g) => tablesOf(fs.readFileSync(pageOf(out, model, g.id, locale), 'utf8')));
}

for (const [name, catalog] of Object.entries(catalogs)) {
  test(`${name}: every type URI's fragment is an anchor on the page of its group, in every locale`, async () => {
    const { out, model } = await generated(catalog);
    for (const locale of model.locales) {
      for (const p of model.problems) {
        const page = fs.readFileSync(pageOf(out, model, p.group, locale), 'utf8');
        const anchors = tablesOf(page).flatMap((t) => t.rows.flatMap((row) => row[0]!.anchors));
        const fragment = p.type.slice(p.type.indexOf('#') + 1);
        assert.is(anchors.filter((a) => a === fragment).length, 1, `${locale} ${p.group}/${p.code}: #${fragment}`);
      }
    }
  });

  test(`${name}: every page parses into one table per group whose cells hold exactly the catalog's texts`, async () => {
    const { out, model } = await generated(catalog);
    for (const locale of model.locales) {
      const tables = tablesIn(out, model, locale);
      assert.is(tables.length, model.groups.length, `${locale}: one table per group`);
      model.groups.forEach((group, g) => {
        const table = tables[g]!;
        assert.is(table.heading, group.title[locale], `${locale}: the heading above the table is the group title`);
        assert.is(table.rows.length, group.problems.length);
        group.problems.forEach((p, r) => {
          const [code, status, title, description, resolution] = table.rows[r]!;
          for (const cell of table.rows[r]!) assert.equal(cell.markup, [], `${locale} ${p.code}: no markup or HTML in any cell`);
          assert.equal(code!.code, [p.code]);
          assert.is(status!.text, String(p.status));
          assert.is(title!.text, p.title[locale]);
          assert.is(description!.text, p.description?.[locale] ?? '');
          assert.is(resolution!.text, p.resolution?.[locale] ?? '');
          // The type URI's fragment lands on the row.
          const fragment = p.type.includes('#') ? p.type.slice(p.type.indexOf('#') + 1) : p.code;
          assert.equal(code!.anchors, [fragment], `${p.group}/${p.code}: its row's anchor is its type URI's fragment`);
        });
      });
      // An anchor appears once per page.
      for (const page of model.pages.perGroup ? model.groups.map((g) => g.id) : ['']) {
        const all = tablesOf(fs.readFileSync(pageOf(out, model, page, locale), 'utf8')).flatMap((t) => t.rows.flatMap((row) => row[0]!.anchors));
        assert.is(new Set(all).size, all.length, `${locale}: anchors are unique`);
      }
    }
  });
}

test('hazards: headings and the example keep their texts; no HTML reaches the rendered page', async () => {
  const { out, model } = await generated(catalogs.hazards);
  const page = fs.readFileSync(path.join(out, 'docs', 'api-errors.en.md'), 'utf8');
  const html = md.render(page);
  assert.not.match(html, /<script/i);
  assert.not.match(html, /<b>/);
  const tokens = md.parse(page, {});
  assert.is(cellOf(tokens[tokens.findIndex((t) => t.type === 'heading_open') + 1]!).text, model.title['en']);
  const fence = tokens.find((t) => t.type === 'fence')!;
  const body = fence.content.slice(fence.content.indexOf('\n\n') + 2);
  assert.equal(JSON.parse(body), model.example!.example);
});

/** The seed page's entries: each code, then "Description", its text, "Résolution", its text. */
function seedEntries(): { code: string; description: string; resolution: string }[] {
  const lines = fs
    .readFileSync(path.join(fixtures, 'seed', 'vonage-api-errors.fr.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const entries: { code: string; description: string; resolution: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i + 1] === 'Description' && lines[i + 3] === 'Résolution') {
      entries.push({ code: lines[i]!.replace(/^CodeInformations/, ''), description: lines[i + 2]!, resolution: lines[i + 4]! });
      i += 4;
    }
  }
  return entries;
}

test("the French page carries the seed page's codes, descriptions and resolutions, in the seed's order", async () => {
  const { out } = await generated(catalogs.default);
  const seed = seedEntries();
  assert.is(seed.length, 8);
  const tables = tablesOf(fs.readFileSync(path.join(out, 'docs', 'api-errors.fr.md'), 'utf8'));
  const whatsapp = tables.find((t) => t.heading === 'Provisionnement de WhatsApp')!;
  assert.equal(
    whatsapp.rows.map(([code, , , description, resolution]) => ({ code: code!.code[0], description: description!.text, resolution: resolution!.text })),
    seed,
  );
  const page = fs.readFileSync(path.join(out, 'docs', 'api-errors.fr.md'), 'utf8');
  const tokens = md.parse(page, {});
  assert.is(cellOf(tokens[tokens.findIndex((t) => t.type === 'heading_open') + 1]!).text, "Erreurs de l'API");
  // The example comes before the tables, as on the seed page, and is the out-of-credit example.
  const fence = tokens.findIndex((t) => t.type === 'fence');
  assert.ok(fence > 0 && fence < tokens.findIndex((t) => t.type === 'table_open'));
  assert.match(tokens[fence]!.content, /^HTTP\/1\.1 403 Forbidden\nContent-Type: application\/problem\+json\n/);
  assert.match(tokens[fence]!.content, /"detail": "Your current balance is 30, but that costs 50\."/);
});

test('each page shows the example in its own locale (title, detail, Content-Language), and each problem its detail template and members', async () => {
  const { out, model } = await generated(path.join(fixtures, 'const-style', 'catalog.yaml'));
  const problem = model.example!;
  for (const locale of model.locales) {
    const tokens = md.parse(fs.readFileSync(path.join(out, 'docs', `api-errors.${locale}.md`), 'utf8'), {});
    const fence = tokens.find((t) => t.type === 'fence')!.content;
    assert.match(fence, new RegExp(`^Content-Language: ${locale}$`, 'm'));
    const body = JSON.parse(fence.slice(fence.indexOf('\n\n') + 2)) as { title: string; detail: string };
    assert.is(body.title, problem.title[locale]);
    assert.is(body.detail, (await import('../generator/catalog/model.js')).renderTemplate(problem.detail!.segments[locale]!, problem.example!));
  }
  assert.not.equal(problem.title['de'], problem.title['en'], 'the fixture translates the title');
  const { out: vonage, model: vonageModel } = await generated(catalogs.default);
  const credit = vonageModel.problems.find((p) => p.code === 'out-of-credit')!;
  const row = tablesOf(fs.readFileSync(path.join(vonage, 'docs', 'api-errors.fr.md'), 'utf8')).flatMap((t) => t.rows).find((r) => r[0]!.code[0] === 'out-of-credit')!;
  assert.is(row[5]!.text, ['Détail: ' + credit.detail!.template['fr'], 'balance (number): Current balance of the account', 'cost (number): Price of the request'].join('\n'));
});

test('pages split per group: an index page links to one page per group and locale, each with its table', async () => {
  const { out, model } = await generated(path.join(fixtures, 'const-style', 'catalog.yaml'));
  assert.ok(model.pages.perGroup);
  for (const locale of model.locales) {
    const index = md.parse(fs.readFileSync(path.join(out, 'docs', `api-errors.${locale}.md`), 'utf8'), {});
    assert.not.ok(index.some((t) => t.type === 'table_open'), 'the index has no tables');
    const links = index.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    assert.equal(links, model.groups.map((g) => `./${g.id}.${locale}.md`));
    for (const group of model.groups) {
      const page = fs.readFileSync(path.join(out, 'docs', `${group.id}.${locale}.md`), 'utf8');
      const [table] = tablesOf(page);
      assert.is(table!.heading, group.title[locale]);
      assert.equal(table!.rows.map((row) => [row[0]!.code[0], row[2]!.text]), group.problems.map((p) => [p.code, p.title[locale]]));
      assert.match(page, new RegExp(`\\]\\(\\./api-errors\\.${locale}\\.md\\)`), 'the group page links back to the index');
    }
  }
});

test('pages of a catalog not split: no per-group page is written (a template rendering only white space makes no file)', async () => {
  const { out } = await generated(catalogs.default);
  assert.equal(fs.readdirSync(path.join(out, 'docs')).sort(), ['api-errors.en.md', 'api-errors.fr.md']);
});

test('--templates: a custom folder restyles the pages and adds an output (a Python constants module)', async () => {
  const { out, model } = await generated(catalogs.default, '--templates', path.join(fixtures, 'custom-templates'));
  const files = [...snapshot(out).keys()].filter((f) => !f.startsWith('typescript') && !f.startsWith('schemas') && !f.startsWith('openapi'));
  assert.ok(!files.some((f) => f.startsWith('docs')), 'the built-in pages are replaced');
  const groupPages = files.filter((f) => f.startsWith('pages/') && f.endsWith('.md')).sort();
  assert.equal(groupPages, model.groups.flatMap((g) => model.locales.map((l) => `pages/${g.id}.${l}.md`)).sort());
  assert.match(fs.readFileSync(path.join(out, 'pages', 'account.fr.md'), 'utf8'), /^# Compte — Erreurs \(fr\)\n- `out-of-credit` \(403\): You do not have enough credit\n$/);
  // The constants module is real Python: import it and read it back.
  const python = spawnSync('python3', ['-c', 'import json, runpy; print(json.dumps(runpy.run_path("constants/errors.py")["PROBLEMS"]))'], { cwd: out, encoding: 'utf8' });
  assert.is(python.status, 0, python.stderr);
  const problems = JSON.parse(python.stdout) as Record<string, Record<string, [number, string]>>;
  assert.equal(problems['account']!['out-of-credit'], [403, model.problems.find((p) => p.code === 'out-of-credit')!.type]);
  assert.is(Object.values(problems).reduce((n, g) => n + Object.keys(g).length, 0), model.problems.length);
});

test('the md helper given a list renders each item as it renders a text, joined by <br> (as an {{#each}} would)', async () => {
  const templates = tempDir();
  const rows = (cell: string) => `{{#each groups}}{{#each problems}}| {{code}} | ${cell} |\n{{/each}}{{/each}}`;
  fs.writeFileSync(path.join(templates, 'list.md.hbs'), rows('{{md details}}'));
  fs.writeFileSync(path.join(templates, 'each.md.hbs'), rows('{{#each details}}{{#unless @first}}<br>{{/unless}}{{md this}}{{/each}}'));
  const { out, model } = await generated(catalogs.hazards, '--templates', templates);
  const list = fs.readFileSync(path.join(out, 'list.md'), 'utf8');
  assert.is(list, fs.readFileSync(path.join(out, 'each.md'), 'utf8'));
  assert.ok(list.includes('<br>'), 'a problem of the fixture has several detail lines');
  // Read back by markdown-it: a line per detail template and member, and no markup (the fixture's texts are hazards).
  const [table] = tablesOf(`# t\n\n| code | details |\n| --- | --- |\n${list}`);
  const entries = model.groups.flatMap((g) => g.entries);
  assert.equal(table!.rows.map((r) => r[0]!.text), entries.map((p) => p.code));
  for (const [i, p] of entries.entries()) {
    const cell = table!.rows[i]![1]!;
    const lines = (p.detail ? 1 : 0) + p.extensions.length;
    assert.is(cell.text === '' ? 0 : cell.text.split('\n').length, lines, p.code);
    assert.equal(cell.markup, [], p.code);
  }
});

test('template errors are positioned diagnostics, exit 1, and nothing is written', async () => {
  const out = path.join(tempDir(), 'out');
  const catalog = catalogFile(MINIMAL);
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  const before = snapshot(out);
  const templates = tempDir();
  fs.mkdirSync(path.join(templates, 'strings'));
  fs.writeFileSync(path.join(templates, 'broken.md.hbs'), 'line one\n{{#each groups}}\n{{title}\n{{/each}}\n');
  fs.writeFileSync(path.join(templates, 'strings', 'en.json'), '{ "a": 1 }');
  const syntax = await cli('generate', '--catalog', catalog, '--out', out, '--templates', templates, '--format', 'json');
  assert.is(syntax.code, 1);
  const diagnostics = JSON.parse(syntax.stdout) as { rule: string; file: string; line: number }[];
  assert.equal(diagnostics.map((d) => [d.rule, path.basename(d.file), d.line]), [['template-syntax', 'broken.md.hbs', 3], ['template-strings', 'en.json', 1]]);
  fs.writeFileSync(path.join(templates, 'broken.md.hbs'), 'line one\n{{#each groups}}\n{{titel}}\n{{/each}}\n');
  fs.rmSync(path.join(templates, 'strings'), { recursive: true });
  const render = await cli('generate', '--catalog', catalog, '--out', out, '--templates', templates);
  assert.is(render.code, 1);
  assert.match(render.stderr, /broken\.md\.hbs:3:\d+: error\[template-render\]: "titel" not defined/);
  assert.equal(snapshot(out), before);
});

test('markdown escaping: every hazard renders as its literal text in a cell (property over many strings)', async () => {
  const { markdownInline } = await import('../generator/emit/markdown.js');
  const hazards = ['a|b', 'a\nb', '`x`', '*x*', '_x_', '[x](y)', '# h', '&amp;', '{{x}}', '<script>x</script>', 'a\\|b', '\\', '~~s~~', 'https://example.com', 'www.example.com', 'me@example.com', '![i](x)', '<b>', '1. x', '- x', '> q', 'x  ', '\u2028', 'é🎉'];
  for (const text of [...hazards, hazards.join(' ')]) {
    const table = `| h |\n| --- |\n| ${markdownInline(text)} |\n`;
    const cell = tablesOf(table)[0]!.rows[0]![0]!;
    assert.equal(cell.markup, [], JSON.stringify(text));
    assert.is(cell.text, text.trim(), JSON.stringify(text));
  }
});

test.run();
