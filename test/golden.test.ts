/**
 * Golden files: each `test/fixtures/{case}/` with a `catalog.yaml` and an `expected/` folder is
 * generated and compared file by file; a missing, extra or different file fails. The default catalog's
 * golden files are the committed `generated/` (see `npm run check`).
 *
 * Update after an intended change of output: `npm run test:update` (UPDATE=1), then review the diff.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, fixtures, snapshot, tempDir } from './helpers.js';
import { MANIFEST } from '../generator/write.js';

const update = process.env['UPDATE'] === '1';
const cases = fs.readdirSync(fixtures).filter((name) => fs.existsSync(path.join(fixtures, name, 'catalog.yaml')) && fs.existsSync(path.join(fixtures, name, 'expected')));

test('there are golden cases', () => {
  assert.ok(cases.length >= 2, cases.join(', '));
});

for (const name of cases) {
  test(`golden: ${name}`, async () => {
    const dir = path.join(fixtures, name);
    const expected = path.join(dir, 'expected');
    const out = update ? expected : path.join(tempDir(), 'out');
    const result = await cli('generate', '--catalog', path.join(dir, 'catalog.yaml'), '--out', out);
    assert.is(result.code, 0, result.stderr);
    if (update) return;
    // The writer's manifest records a fingerprint of the generator itself: it is the writer's bookkeeping
    // (tested in write.test.ts), not output, and would change with every change of the generator's code.
    const outputOnly = (files: Map<string, string>) => new Map([...files].filter(([f]) => f !== MANIFEST));
    const want = outputOnly(snapshot(expected));
    const got = outputOnly(snapshot(out));
    const missing = [...want.keys()].filter((f) => !got.has(f));
    const extra = [...got.keys()].filter((f) => !want.has(f));
    const different = [...want.keys()].filter((f) => got.has(f) && got.get(f) !== want.get(f));
    assert.equal({ missing, extra, different }, { missing: [], extra: [], different: [] }, `${name}: run npm run test:update if the change is intended`);
  });
}

test.run();
