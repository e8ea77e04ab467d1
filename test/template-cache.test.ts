/**
 * Compiled templates kept in the compile cache (templates.ts): pages rendered from cached templates are
 * those rendered from templates compiled now; a changed template, a damaged cache and a template that
 * does not parse are each handled as if there were no cache.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { validate } from '../generator/index.js';
import { emitters } from '../generator/emit/index.js';
import { defaultTemplatesDir } from '../generator/index.js';
import { parseTemplates } from '../generator/templates.js';
import { readTemplateFiles } from '../generator/template-files.js';
import type { TemplateFile } from '../generator/template-files.js';
import { root, tempDir } from './helpers.js';

const pages = emitters.find((e) => e.name === 'pages')!;
const { model } = await validate(path.join(root, 'catalog.yaml'));

async function render(files: readonly TemplateFile[], cache: string | undefined) {
  const loaded = parseTemplates(defaultTemplatesDir, files, cache);
  const result = await pages.emit(model!, { sourceName: 'catalog.yaml', templates: loaded.set });
  return { loaded, pages: new Map(result.files.map((f) => [f.path, f.contents])), diagnostics: result.diagnostics };
}

const cacheFiles = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.specs')) : []);

test('pages rendered from cached templates are the pages rendered from templates compiled now', async () => {
  const files = await readTemplateFiles(defaultTemplatesDir);
  const cache = path.join(tempDir(), 'cache');
  const uncached = await render(files, undefined);
  assert.ok(uncached.pages.size > 3);
  const first = await render(files, cache);
  assert.is(cacheFiles(cache).length, 1, 'the first run keeps the compiled templates');
  const second = await render(files, cache);
  assert.ok(second.loaded.set.templates.every((t) => t.spec !== undefined));
  assert.equal(first.pages, uncached.pages);
  assert.equal(second.pages, uncached.pages);
  assert.equal(second.diagnostics, uncached.diagnostics);
});

test('a changed template is compiled again, never served from the cache', async () => {
  const files = await readTemplateFiles(defaultTemplatesDir);
  const cache = path.join(tempDir(), 'cache');
  await render(files, cache);
  const changed = files.map((f) => (f.path.startsWith('docs/api-errors') ? { ...f, bytes: Buffer.from(`CHANGED\n${f.bytes.toString('utf8')}`) } : f));
  const after = await render(changed, cache);
  const page = [...after.pages].find(([p]) => p.startsWith('docs/api-errors'))!;
  assert.ok(String(page[1]).startsWith('CHANGED\n'));
  assert.is(cacheFiles(cache).length, 2);
});

test('a damaged cache, or a damaged entry in it, is compiled again and renders the same pages', async () => {
  const files = await readTemplateFiles(defaultTemplatesDir);
  const cache = path.join(tempDir(), 'cache');
  const expected = (await render(files, undefined)).pages;
  await render(files, cache);
  const file = path.join(cache, cacheFiles(cache)[0]!);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as [hash: string, spec: string, specHash: string][];
  saved[0]![1] = 'throw new Error("not a template")'; // the spec no longer matches its hash
  fs.writeFileSync(file, JSON.stringify(saved));
  assert.equal((await render(files, cache)).pages, expected);
  for (const damaged of ['', '{', '[]', 'null', '{"x": 1}']) {
    fs.writeFileSync(file, damaged);
    assert.equal((await render(files, cache)).pages, expected);
  }
});

test('a template that does not parse is reported with or without a cache, and is not kept', async () => {
  const cache = path.join(tempDir(), 'cache');
  const files: TemplateFile[] = [{ path: 'docs/broken.md.hbs', bytes: Buffer.from('line one\n{{#each groups}}\n') }];
  for (let run = 0; run < 2; run++) {
    const loaded = parseTemplates('templates', files, cache);
    assert.equal(loaded.diagnostics.map((d) => d.rule), ['template-syntax']);
  }
  assert.equal(cacheFiles(cache), []);
});

test('with the templates in the cache, a run does not load the Handlebars compiler', () => {
  const cache = path.join(tempDir(), 'cache');
  const script = `
    import { createRequire } from 'node:module';
    const { parseTemplates, defaultTemplatesDir } = { ...(await import(${JSON.stringify(pathToFileURL(path.join(root, '.build', 'generator', 'templates.js')).href)})), ...(await import(${JSON.stringify(pathToFileURL(path.join(root, '.build', 'generator', 'shortcut.js')).href)})) };
    const { readTemplateFiles } = await import(${JSON.stringify(pathToFileURL(path.join(root, '.build', 'generator', 'template-files.js')).href)});
    const { emitters } = await import(${JSON.stringify(pathToFileURL(path.join(root, '.build', 'generator', 'emit', 'index.js')).href)});
    const { validate } = await import(${JSON.stringify(pathToFileURL(path.join(root, '.build', 'generator', 'index.js')).href)});
    const { model } = await validate(${JSON.stringify(path.join(root, 'catalog.yaml'))});
    const set = parseTemplates(defaultTemplatesDir, await readTemplateFiles(defaultTemplatesDir), ${JSON.stringify(cache)}).set;
    await emitters.find((e) => e.name === 'pages').emit(model, { sourceName: 'catalog.yaml', templates: set });
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(loaded.some((f) => f.includes('handlebars/compiler') || f.includes('source-map'))));
  `;
  const run = () => spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const first = run();
  assert.is(first.status, 0, first.stderr);
  assert.is(first.stdout.trim(), 'true', 'the first run compiles');
  const second = run();
  assert.is(second.status, 0, second.stderr);
  assert.is(second.stdout.trim(), 'false', 'the second runs on the runtime alone');
});

test.run();
