/**
 * Positions of a catalog the fast reader took: found by reading only the entry a path is in (near.ts), they
 * must be exactly those of the whole text's syntax tree, for every node and key, in every layout; where
 * the entry cannot be read on its own for sure, the whole text is read.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as yaml from 'yaml';
import { YAML_OPTIONS, locateIn, parseCatalog, readWithYaml } from '../generator/catalog/load.js';
import type { Path } from '../generator/catalog/load.js';
import { nearLocator } from '../generator/catalog/near.js';
import { readFast } from '../generator/catalog/fast.js';
import { SourceMap } from '../generator/diagnostics.js';
import { catalogYaml } from '../bench/synth.js';
import { fixtures, root } from './helpers.js';

/** Every path to a node of a plain value, the root aside. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** A block sequence written under its key with the key's own indentation (`errors:` then `- code:` below it). */
function compactSequences(text: string): string {
  const lines = text.split('\n');
  const indent = (line: string) => (line.trim() === '' ? Infinity : line.length - line.trimStart().length);
  for (let i = 0; i + 1 < lines.length; i++) {
    const at = indent(lines[i]!);
    if (!/^ *[\w-]+:$/.test(lines[i]!) || !lines[i + 1]!.startsWith(' '.repeat(at + 2) + '- ')) continue;
    for (let j = i + 1; j < lines.length && indent(lines[j]!) > at; j++) if (lines[j]!.trim() !== '') lines[j] = lines[j]!.slice(2);
  }
  return lines.join('\n');
}

/** The same catalog in other layouts: sequences not indented under their key, comments, texts over lines, folded texts. */
const layouts: Record<string, (text: string) => string> = {
  'as written': (t) => t,
  'compact sequences': compactSequences,
  'comments everywhere': (t) => t.replace(/^( *)(- |\w+:)/gm, '$1# a comment\n#at the margin\n$1$2'),
  'plain texts over lines': (t) => t.replace(/^( +)(description|resolution): ([A-Za-z][^"\\\n#:]*?) ([^"\\\n#:]+)$/gm, '$1$2: $3\n$1  $4'),
  'folded texts': (t) => t.replace(/^( +)(description|resolution): ([A-Za-z][^"\\\n#:]*)$/gm, '$1$2: >-\n$1  $3'),
  // A catalog kept as JSON (YAML reads it as it is): its entries are found by the JSON's structure.
  'as JSON': (t) => JSON.stringify(yaml.parse(t), null, 2) + '\n',
  'as JSON on one line': (t) => JSON.stringify(yaml.parse(t)),
};

const catalogs: Record<string, string> = {
  default: fs.readFileSync(path.join(root, 'catalog.yaml'), 'utf8'),
  hazards: fs.readFileSync(path.join(fixtures, 'hazards', 'catalog.yaml'), 'utf8'),
  postgres: fs.readFileSync(path.join(fixtures, 'real', 'postgres', 'catalog.yaml'), 'utf8'),
  synthetic: catalogYaml(60),
};

test('a position found by reading only its entry is the one the whole syntax tree gives, for every node and key, in every layout', () => {
  let near = 0;
  let asked = 0;
  const exercised = new Set<string>();
  const foundIn = new Set<string>();
  for (const [name, original] of Object.entries(catalogs)) {
    for (const [layout, change] of Object.entries(layouts)) {
      const text = change(original);
      const fast = readFast(text);
      if (!fast) continue; // a layout the fast reader does not take: `yaml` reads it, with its tree
      if (text !== original || layout === 'as written') exercised.add(layout);
      const whole = readWithYaml(text, new SourceMap('c.yaml', text));
      assert.equal(fast.value, whole.value, `${name}, ${layout}: the same catalog`);
      const paths = pathsOf(fast.value);
      // A sample of each catalog's paths (each entry is read anew), always with the first and last.
      const sample = fc.sample(fc.constantFrom(...paths), { numRuns: 80, seed: 20261126 }).concat([paths[0]!, paths[paths.length - 1]!]);
      for (const p of sample) {
        for (const key of [false, true]) {
          const expected = whole.locate(p, { key });
          assert.equal(parseCatalog(text, 'c.yaml').locate(p, { key }), expected, `${name}, ${layout}: ${JSON.stringify(p)}${key ? ' (key)' : ''}`);
          const found = nearLocator(yaml, new SourceMap('c.yaml', text), fast.value, locateIn, YAML_OPTIONS)(p, key);
          asked++;
          if (found) {
            near++;
            foundIn.add(layout);
            assert.equal(found, expected, `${name}, ${layout}, read near: ${JSON.stringify(p)}${key ? ' (key)' : ''}`);
          }
        }
      }
    }
  }
  // Not a test of the whole text alone: every layout changed a catalog the fast reader took, and most
  // positions were found from their entry.
  assert.equal([...exercised].sort(), Object.keys(layouts).sort());
  assert.equal([...foundIn].sort(), Object.keys(layouts).sort(), 'positions found near in every layout');
  assert.ok(near > asked / 2, `${near} of ${asked} found near`);
});

test('a path into an entry that reads differently on its own, or outside any entry, is found in the whole text', () => {
  const text = catalogs['default']!;
  const fast = readFast(text)!;
  const locate = nearLocator(yaml, new SourceMap('c.yaml', text), fast.value, locateIn, YAML_OPTIONS);
  assert.is(locate([], false), undefined, 'the root');
  assert.is(locate(['groups'], false), undefined, 'a top-level key itself');
  // An entry whose lines, read alone, are not what the fast reader read there (as if the layout misled the search).
  const other = structuredClone(fast.value) as { groups: { errors: { title: unknown }[] }[] };
  other.groups[0]!.errors[0]!.title = 'changed';
  assert.ok(locate(['groups', 0, 'errors', 0, 'title'], false), 'found near with the value as read');
  assert.is(nearLocator(yaml, new SourceMap('c.yaml', text), other, locateIn, YAML_OPTIONS)(['groups', 0, 'errors', 0, 'title'], false), undefined);
});

test.run();
