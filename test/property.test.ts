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
      const files = new Map((await emitAll(buildModel(raw!), { sourceName: 'catalog.yaml', templates }, textEmitters)).files.map((f) => [f.path, typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('utf8')]));

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

test('the OpenAPI YAML writer: documents of many thousands of lines (it joins its lines in chunks) read back exactly', async () => {
  const { toYaml } = await import('../generator/emit/yaml.js');
  const item = fc.record({ code: fc.string({ unit: 'grapheme', maxLength: 6 }), status: fc.integer(), tags: fc.array(fc.constantFrom('a', 'true', '- x', ''), { maxLength: 3 }) });
  fc.assert(
    fc.property(fc.array(item, { minLength: 3000, maxLength: 5000 }), (items) => {
      const text = toYaml({ items } as never);
      assert.ok(text.split('\n').length > 3 * 4096, 'crosses several chunk boundaries');
      assert.is(JSON.stringify(parse(text)), JSON.stringify({ items }));
    }),
    { numRuns: 5, seed: 20261125 },
  );
});

test('the fast YAML reader: whenever it answers, its data is what `yaml` reads, and `yaml` has nothing to report (random documents)', async () => {
  const { readFast } = await import('../generator/catalog/fast.js');
  const { readWithYaml } = await import('../generator/catalog/load.js');
  const jsYaml = (await import('js-yaml')).default;
  const { stringify } = await import('yaml');
  const { SourceMap } = await import('../generator/diagnostics.js');
  // Plain scalars that resolve differently across schemas and readers, and texts with YAML's hazards.
  const PLAIN = ['1_000', '0b11', '0o17', '0O17', '0x1F', '0X1F', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN', '1e3', '1E+3', '08000', '+1', '-0', '1.', '.5', '1.5e-3', '~', 'null', 'Null', 'NULL', 'nUll', 'true', 'True', 'TRUE', 'tRue', 'yes', 'y', 'on', 'off', '2001-12-14', '12:30:00', '=', '<<', '9007199254740993', '1e400', '0', '00', '22P02', 'a b', 'a#b', 'a # b', "it's", '@x', '`x`', '%x', 'é', '🎉'];
  const KEYS = ['code', 'title', 'null', '~', '1', '1.0', 'true', '[object Object]', '__proto__', 'constructor', 'a b', 'é', '<<', '?', '-', 'groups', 'errors'];
  const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ unit: 'grapheme', maxLength: 6 }));
  const scalar = fc.oneof(
    fc.constantFrom(...PLAIN, ...HAZARDS).map((s) => ({ plain: s })),
    fc.string({ unit: 'grapheme', maxLength: 10 }).map((s) => ({ plain: s })),
    fc.integer().map((n) => ({ plain: String(n) })),
    fc.double().map((n) => ({ plain: String(n) })),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { maxLength: 4 }),
    map: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }).map((entries) => ({ entries })),
  }));
  type Node = { plain: string } | Node[] | { entries: [string, Node][] };
  // A YAML writer of its own that tries the styles and traps the two readers may disagree on.
  const style = fc.record({
    indent: fc.constantFrom(1, 2, 4),
    scalar: fc.constantFrom('plain', 'single', 'double', 'literal', 'folded', 'mixed'),
    flow: fc.boolean(),
    comments: fc.boolean(),
    trap: fc.constantFrom('', '\t', '\r\n', '- - x', '|2', '>1', '&a', '*a', '!!str ', '? ', '%YAML 1.1\n---\n', '---\n', '--- x\n', '...\n', 'dup', '\\x41', '"\\uD800"', '\\0', '\uFEFF', '#c'),
    seed: fc.integer({ min: 0, max: 1000 }),
  });
  const quote = (s: string, how: string, pick: number): string => {
    const kind = how === 'mixed' ? ['plain', 'single', 'double', 'literal', 'folded'][pick % 5]! : how;
    if (kind === 'single') return `'${s.replace(/'/g, "''")}'`;
    if (kind === 'double') return JSON.stringify(s);
    return s;
  };
  const write = (node: Node, st: { indent: number; scalar: string; flow: boolean; comments: boolean }, depth: number, n = { i: 0 }): string => {
    const pad = ' '.repeat(st.indent * depth);
    if ('plain' in node) return quote(node.plain, st.scalar, n.i++);
    if (st.flow && depth > 0) {
      if (Array.isArray(node)) return `[${node.map((c) => write(c, { ...st, flow: true }, depth + 1, n)).join(', ')}]`;
      return `{${node.entries.map(([k, v]) => `${quote(k, st.scalar, n.i++)}: ${write(v, st, depth + 1, n)}`).join(', ')}}`;
    }
    if (Array.isArray(node)) {
      if (!node.length) return '[]';
      return node.map((c) => `\n${pad}- ${write(c, st, depth + 1, n).replace(/^\n\s*/, '')}`).join('') + (st.comments ? ` # ${n.i}` : '');
    }
    if (!node.entries.length) return '{}';
    return node.entries.map(([k, v]) => `\n${pad}${quote(k, st.scalar, n.i++)}:${'plain' in v ? ' ' : ''}${write(v, st, depth + 1, n)}`).join('');
  };
  // A code where the loader keeps it as written (groups[i].errors[j].code), and one where it does not.
  const errors = (node: Node): Node => ({ entries: [['errors', [{ entries: [['code', node], ['title', { plain: 'x' }]] }]]] });
  const shapes = {
    free: (node: Node) => node,
    catalog: (node: Node): Node => ({ entries: [['groups', [errors(node)]]] }),
    mapped: (node: Node): Node => ({ entries: [['groups', { entries: [['g', errors(node)]] }]] }),
  };
  let vouched = 0;
  const check = (text: string) => {
    const fast = readFast(text);
    if (!fast) return;
    vouched++;
    const slow = readWithYaml(text, new SourceMap('x.yaml', text));
    assert.equal(slow.diagnostics, [], `the fast reader answered for a text \`yaml\` reports on:\n${text}`);
    // Compared as text, numbers tagged (NaN, -0 and infinities kept apart from texts); not with a deep-equal,
    // which reads an own 'constructor' key as the object's class.
    const canonical = (v: unknown) => JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' ? `#number ${Object.is(x, -0) ? '-0' : String(x)}` : x));
    assert.is(canonical(fast.value), canonical(slow.value), text);
  };
  fc.assert(
    fc.property(tree, style, fc.constantFrom('free', 'catalog', 'mapped') as fc.Arbitrary<keyof typeof shapes>, (value, st, shape) => {
      const node = shapes[shape](value as Node);
      let text = write(node, st, 0).replace(/^\n/, '') + '\n';
      if (st.trap === 'dup') text = `${text}${text.split('\n')[0]}\n`;
      else if (st.trap) {
        const at = st.seed % (text.length + 1);
        text = st.trap.endsWith('\n') && !st.trap.startsWith('...') ? st.trap + text : text.slice(0, at) + st.trap + text.slice(at);
      }
      check(text);
      // The same data as js-yaml and `yaml` write it.
      let data: unknown;
      try {
        data = jsYaml.load(text, { schema: jsYaml.JSON_SCHEMA });
      } catch {
        return;
      }
      if (data === undefined) return;
      check(jsYaml.dump(data, { flowLevel: st.flow ? 1 : -1, indent: st.indent + 1, lineWidth: st.seed % 2 ? 20 : -1 }));
      check(stringify(data, { indent: st.indent + 1, defaultStringType: st.scalar === 'literal' ? 'BLOCK_LITERAL' : st.scalar === 'double' ? 'QUOTE_DOUBLE' : 'PLAIN' }));
    }),
    { numRuns: 4000, seed: 20261125 },
  );
  // Many are vouched for (most random texts here are not YAML at all, or hold a trap): not a reader of nothing.
  assert.ok(vouched > 500, `vouched for ${vouched} documents`);
});

test('the TypeScript string literal: JavaScript reads back exactly the text, on one line, whole through UTF-8 (random texts)', async () => {
  const { stringLiteral } = await import('../generator/emit/typescript/text.js');
  const texts = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.constantFrom(...HAZARDS, '\u2029', '\u0000', '\u001f', '\u007f', '\uD83D', '\uDE00', 'a'), { maxLength: 8 }).map((p) => p.join('')));
  let plain = 0;
  fc.assert(
    fc.property(texts, (value) => {
      const literal = stringLiteral(value);
      assert.is(new Function(`return ${literal};`)(), value);
      assert.not.match(literal, /[\n\r\u2028\u2029]/);
      assert.is(Buffer.from(literal, 'utf8').toString('utf8'), literal, 'survives UTF-8');
      if (literal === `"${value}"`) plain++;
    }),
    { numRuns: 3000, seed: 20261125 },
  );
  assert.ok(plain > 300, `${plain} texts took the short way`); // both ways are exercised
});

test('PascalCase names: the one-pass path gives what the word rule gives (random codes and other names)', async () => {
  const { pascalCase, pascalCaseOfWords, words } = await import('../generator/naming.js');
  // Codes and ids are written with letters, digits, `-`, `_` and `.`; the rest take the rule's own steps.
  const name = fc.string({ unit: fc.constantFrom(...'aAbBzZyYqQ0129-_.', 'é', '$', ' ', '\n'), maxLength: 24 });
  let split = 0;
  fc.assert(
    fc.property(name, (value) => {
      assert.is(pascalCase(value), pascalCaseOfWords(value), JSON.stringify(value));
      if (words(value).length > 2) split++;
    }),
    { numRuns: 20_000, seed: 20261126 },
  );
  assert.ok(split > 2_000, `${split} names of three words or more`); // case changes and separators are exercised
  for (const [code, pascal] of [['INVALID_ARGUMENT', 'InvalidArgument'], ['HTTPError', 'HttpError'], ['22P02', '22P02'], ['card_declined', 'CardDeclined'], ['2fa-required', '2faRequired'], ['NotFound', 'NotFound']]) {
    assert.is(pascalCase(code!), pascal);
  }
});

test('the fast YAML reader reads the default catalog and the PostgreSQL one, and agrees with `yaml` on every fixture', async () => {
  const { readFast } = await import('../generator/catalog/fast.js');
  const { readWithYaml } = await import('../generator/catalog/load.js');
  const { SourceMap } = await import('../generator/diagnostics.js');
  const fs = await import('node:fs');
  const fixtures = fs.readdirSync(path.join(root, 'test', 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('catalog.yaml'));
  const read = ['catalog.yaml', ...fixtures.map((f) => path.join('test', 'fixtures', f))].map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const fast = readFast(text);
    if (fast) assert.equal(JSON.stringify(fast.value), JSON.stringify(readWithYaml(text, new SourceMap(file, text)).value), file);
    return [file, fast !== undefined] as const;
  });
  const vouched = read.filter(([, v]) => v).map(([f]) => f);
  for (const file of ['catalog.yaml', path.join('test', 'fixtures', 'real', 'postgres', 'catalog.yaml')]) assert.ok(vouched.includes(file), `${file} takes the fast path`);
  assert.not.ok(vouched.includes(path.join('test', 'fixtures', 'hazards', 'catalog.yaml')), 'the hazards (tabs, anchors) take the yaml path');
});

test.run();
