/**
 * The fuzzer as a test: ~200 seeded structural mutations of the default and the hazards catalog (see
 * fuzz/property.ts for what is mutated and what must hold). `npm run fuzz` runs the same property longer.
 */
import * as fs from 'node:fs';
import { test } from 'uvu';
import fc from 'fast-check';
import { root } from './helpers.js';
import { prepare, property } from './fuzz/property.js';

test('fuzz: every mutated catalog generates (and then checks clean) or is refused with positioned diagnostics, writing nothing', async () => {
  const prepared = await prepare(root);
  try {
    await fc.assert(property(root, prepared), { numRuns: Number(process.env['FUZZ_RUNS'] ?? 200), seed: 20261125, endOnFailure: false });
  } finally {
    fs.rmSync(prepared.work, { recursive: true, force: true }); // the baseline output, which would otherwise stay in the temporary folder after every run
  }
});

test.run();
