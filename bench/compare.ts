/**
 * `npm run bench:compare -- REF`: this checkout's generator against the one at git REF (a commit, branch
 * or tag), cold `generate` runs interleaved in one sitting, on the bench's synthetic catalogs. Each round
 * runs both, the order alternating from round to round, so that the machine's drift (its figures swing by
 * ±40% over minutes here) weighs on both alike: a ratio measured so is what tells two versions apart, where
 * figures from runs at different moments cannot. It also says whether the two wrote the same files.
 *
 * REF is checked out in a temporary git worktree and built there with its own `npm run build`, against
 * this checkout's `node_modules`; the worktree is removed at the end. Both use the same compile caches.
 *
 * Environment: BENCH_SIZES (default 1000,10000), BENCH_RUNS (rounds, default 11), BENCH_OUT (where the
 * outputs are written, default the system's temporary folder; `/dev/shm` leaves the disk out).
 * Prints a table; writes nothing in the checkout.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalogYaml } from './synth.js';
import { median, root, timeNode } from './measure.js';
import type { Sample } from './measure.js';

const MANIFEST = '.error-catalog-manifest.json';

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.error?.message}): ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/** Every file under `dir`, by `/`-separated relative path. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const absolute = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files.set(path.relative(dir, absolute).split(path.sep).join('/'), fs.readFileSync(absolute));
  }
  return files;
}

/** The paths where two output folders differ (the manifest aside: it records each version's fingerprint). */
function differences(a: string, b: string): string[] {
  const [x, y] = [filesOf(a), filesOf(b)];
  const same = (f: string) => {
    const [p, q] = [x.get(f), y.get(f)];
    return p !== undefined && q !== undefined && p.equals(q);
  };
  return [...new Set([...x.keys(), ...y.keys()])].filter((f) => f !== MANIFEST && !same(f)).sort();
}

const ref = process.argv[2];
if (!ref || ref.startsWith('-')) {
  process.stderr.write('usage: npm run bench:compare -- REF   (a commit, branch or tag to compare this checkout with)\n');
  process.exit(2);
}
const sizes = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);
const rounds = Number(process.env['BENCH_RUNS'] ?? 11);
const outRoot = process.env['BENCH_OUT'] ?? os.tmpdir();

const resolved = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
if (resolved.status !== 0) {
  process.stderr.write(`bench:compare: '${ref}' is not a commit, branch or tag of this repository\n`);
  process.exit(2);
}
const commit = resolved.stdout.trim();
const here = run('git', ['rev-parse', '--short', 'HEAD'], root) + (run('git', ['status', '--porcelain', '--untracked-files=no'], root) ? ' + changes' : '');
const worktree = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-compare-'));
const work = fs.mkdtempSync(path.join(outRoot, 'bench-compare-out-'));
try {
  process.stderr.write(`building ${ref} (${commit.slice(0, 12)}) in ${worktree}…\n`);
  run('git', ['worktree', 'add', '--detach', '--force', worktree, commit], root);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'), 'dir');
  run('npm', ['run', '-s', 'build'], worktree);
  const versions = [
    { name: commit.startsWith(ref) ? ref : `${ref} (${commit.slice(0, 7)})`, cli: path.join(worktree, '.build', 'generator', 'cli.js') },
    { name: `this checkout (${here})`, cli: path.join(root, '.build', 'generator', 'cli.js') },
  ] as const;

  const lines = ['| errors | version | median ms | CPU ms (all threads) | peak RSS MB | min–max ms | ratio |', '| ---: | --- | ---: | ---: | ---: | ---: | ---: |'];
  const notes: string[] = [];
  for (const n of sizes) {
    const folder = path.join(work, String(n)); // this size's catalog and outputs
    fs.mkdirSync(folder);
    const catalog = path.join(folder, 'catalog.yaml');
    fs.writeFileSync(catalog, catalogYaml(n));
    // The outputs stay until every round of this size is done, as in `npm run bench`: removing 4,000 files
    // right before a run makes the disk slower to create the next run's (2× the CPU time on this machine).
    const cold = (cli: string, out: string): Sample => timeNode([cli, 'generate', '--catalog', catalog, '--out', out], folder);
    // A first run of each, untimed: it fills the compile caches, and its outputs are compared.
    const firsts = versions.map((v, i) => {
      const out = path.join(folder, `first-${i}`);
      cold(v.cli, out);
      return out;
    });
    const differing = differences(firsts[0]!, firsts[1]!);
    notes.push(`${n.toLocaleString('en-US')} errors: ${differing.length === 0 ? 'both wrote the same files (the manifest aside)' : `${differing.length} file(s) differ, e.g. ${differing.slice(0, 3).join(', ')}`}`);
    const samples: Sample[][] = versions.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const v of order) samples[v]!.push(cold(versions[v]!.cli, path.join(folder, `out-${round}-${v}`)));
      process.stderr.write(`  ${n} errors, round ${round + 1}/${rounds}\n`);
    }
    fs.rmSync(folder, { recursive: true, force: true });
    const medians = samples.map((s) => median(s.map((x) => x.ms)));
    versions.forEach((v, i) => {
      const s = samples[i]!;
      const ms = s.map((x) => x.ms);
      const ratio = i === 0 ? '1.00×' : `**${(medians[i]! / medians[0]!).toFixed(2)}×**`;
      lines.push(`| ${n.toLocaleString('en-US')} | ${v.name} | ${medians[i]!.toFixed(0)} | ${median(s.map((x) => x.cpuMs)).toFixed(0)} | ${median(s.map((x) => x.rssMb)).toFixed(0)} | ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} | ${ratio} |`);
    });
  }
  process.stdout.write(
    [
      `Cold \`generate\` (empty output folder), default Node, ${rounds} interleaved rounds per size, outputs in ${outRoot}; ratio: this checkout's median over ${ref}'s.`,
      '',
      ...lines,
      '',
      ...notes.map((note) => `- ${note}`),
      '',
    ].join('\n'),
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
  spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
  spawnSync('git', ['worktree', 'prune'], { cwd: root });
  fs.rmSync(worktree, { recursive: true, force: true });
}
