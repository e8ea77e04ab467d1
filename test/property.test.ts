/**
 * Property tests (fast-check): arbitrary texts in a catalog come back exactly from every text output —
 * the OpenAPI YAML (read by `yaml`), the JSON Schemas, catalog.json, and the markdown cells (read by
 * markdown-it) — whatever characters they hold.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { parseCatalog } from '../generator/catalog/load.js';
import { validateCatalog } from '../generator/catalog/validate.js';
import { buildModel } from '../generator/catalog/model.js';
import { emitAll } from '../generator/index.js';
import { emitters } from '../generator/emit/index.js';
import { loadTemplates } from '../generator/templates.js';
import { root } from './helpers.js';
import { renderedText, tablesOf } from './markdown-cells.js';

const HAZARDS = ['|', '\n', '`', '*', '_', '[', ']', '#', '&amp;', '{{x}}', '<script>', '\u2028', '\\', '"', "'", ': ', ' #', '- ', '---', '...', '${', '*/', 'é', '🎉', 'true', 'null', '0x1F', '@', 'www.', 'https://a.b', '\t', '%', '!', '&', '>'];

/** A text as a catalog author could write it: non-blank, no surrounding whitespace (table cells trim it), no CR or NUL. */
const text = fc
  .array(fc.oneof(fc.constantFrom(...HAZARDS), fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim() === s && /\S/.test(s) && !/[\r\0]/.test(s));

test('texts survive every output exactly', async () => {
  const templates = (await loadTemplates(path.join(root, 'templates'))).set;
  const textEmitters = emitters.filter((e) => e.name !== 'typescript');
  await fc.assert(
    fc.asyncProperty(text, text, text, async (title, description, resolution) => {
      // JSON is YAML: the catalog is written as JSON so any string is quoted correctly.
      const catalog = {
        version: 1,
        name: 'prop',
        title: 'Property',
        typeBase: 'https://example.com/p',
        locales: ['en'],
        groups: [{ id: 'g', title: 'G', errors: [{ code: 'e', status: 400, title, description, resolution }] }],
      };
      const { catalog: raw, diagnostics } = validateCatalog(parseCatalog(JSON.stringify(catalog), 'catalog.yaml'));
      assert.ok(raw, JSON.stringify(diagnostics));
      const files = new Map((await emitAll(buildModel(raw!), { sourceName: 'catalog.yaml', templates }, textEmitters)).files.map((f) => [f.path, f.contents]));

      for (const file of ['openapi/openapi.yaml', 'openapi/openapi-3.0.yaml']) {
        const doc = parse(files.get(file)!) as { components: { schemas: Record<string, { title?: string; description?: string; allOf?: { title: string; description: string }[] }> } };
        const schema = doc.components.schemas['GEProblem']!;
        // An OpenAPI description is CommonMark: what a reader of it sees is the text, exactly.
        assert.equal([schema.title ?? schema.allOf![1]!.title, renderedText(schema.description ?? schema.allOf![1]!.description)], [title, description], file);
      }
      const group = JSON.parse(files.get('schemas/groups/g.json')!) as { $defs: { e: { title: string; description: string } } };
      assert.equal([group.$defs.e.title, group.$defs.e.description], [title, description]);
      const resolved = JSON.parse(files.get('catalog.json')!) as { groups: { problems: { resolution: { en: string } }[] }[] };
      assert.is(resolved.groups[0]!.problems[0]!.resolution.en, resolution);
      const [row] = tablesOf(files.get('docs/api-errors.en.md')!)[0]!.rows;
      assert.equal(row!.slice(2, 5).map((c) => [c.text, c.markup]), [[title, []], [description, []], [resolution, []]]);
    }),
    { numRuns: 150, seed: 20261125 },
  );
});

test('the OpenAPI YAML writer: what it writes, `yaml` and js-yaml read back exactly (random JSON documents)', async () => {
  const { toYaml } = await import('../generator/emit/yaml.js');
  const jsYaml = (await import('js-yaml')).default;
  const key = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('$ref', 'true', 'null', 'y', '- a', 'a: b', '#', '~', '1e3', '0x1F', '', ' ', '__proto__'));
  const scalar = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !/[\uD800-\uDFFF]/.test(s)), fc.constantFrom(...HAZARDS, 'yes', 'No', 'ON', '~', '-1', '.5', '1_000', '0o17'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { maxLength: 4 }),
    map: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  }));
  fc.assert(
    fc.property(tree, (value) => {
      const text = toYaml(value as never);
      const want = JSON.stringify(value);
      assert.is(JSON.stringify(parse(text)), want, text);
      assert.is(JSON.stringify(jsYaml.load(text)), want, text);
    }),
    { numRuns: 2000, seed: 20261125 },
  );
});

test.run();
