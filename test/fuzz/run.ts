/**
 * `npm run fuzz [-- --minutes M | --runs N] [--out DIR] [--seed S]`: the fuzzing property of the tests,
 * run for a chosen time or number of cases. Each failure's shrunk catalog is written to DIR (default
 * `.build/fuzz-failures/`) as `{seed}.yaml` with the reason beside it; the exit code is 1 if any failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { prepare, property } from './property.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const minutes = Number(option('--minutes') ?? (option('--runs') ? Infinity : 10));
const runs = Number(option('--runs') ?? Number.MAX_SAFE_INTEGER);
const out = path.resolve(option('--out') ?? path.join(root, '.build', 'fuzz-failures'));
let seed = Number(option('--seed') ?? Date.now() % 2 ** 31);

const prepared = await prepare(root);
const deadline = Date.now() + minutes * 60_000;
let total = 0;
let failures = 0;
// Rounds of 100 cases, each with its own seed, so that a failure is reproducible with --seed and the run stops on time.
while (Date.now() < deadline && total < runs) {
  const numRuns = Math.min(100, runs - total);
  const result = await fc.check(property(root, prepared), { numRuns, seed, interruptAfterTimeLimit: Math.max(1, deadline - Date.now()) });
  total += result.numRuns;
  if (result.failed) {
    failures++;
    fs.mkdirSync(out, { recursive: true });
    const [text] = result.counterexample as [string];
    fs.writeFileSync(path.join(out, `${seed}.yaml`), text);
    fs.writeFileSync(path.join(out, `${seed}.txt`), `${String(result.errorInstance)}\n\nreproduce: npm run fuzz -- --runs ${numRuns} --seed ${seed}\n`);
    process.stderr.write(`seed ${seed}: failure, shrunk catalog in ${path.join(out, `${seed}.yaml`)}: ${String(result.errorInstance).split('\n')[0]}\n`);
  }
  seed = (seed + 1) % 2 ** 31;
  process.stderr.write(`${total} cases, ${failures} failing round(s)\n`);
}
fs.rmSync(prepared.work, { recursive: true, force: true });
process.stdout.write(`fuzz: ${total} cases in ${minutes === Infinity ? 'no time limit' : `${minutes} min`}; ${failures} failure(s)${failures ? ` (catalogs in ${out})` : ''}\n`);
process.exitCode = failures ? 1 : 0;
