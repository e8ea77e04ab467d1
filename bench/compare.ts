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
 * Two versions may not write the same files: one that writes more files, in more folders, asks more of the
 * disk, whose cost per new file swings by 30× on this machine. So each round also times the disk's part for
 * each version: its output's folders and files made again, empty (bench/floor.ts `create`), right after
 * its run; the table gives each version's time without it, and the ratio of those too.
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
const floorJs = path.join(root, '.build', 'bench', 'floor.js');

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

  const lines = [
    '| errors | version | median ms | CPU ms (all threads) | peak RSS MB | min–max ms | ratio | files, folders | creating them, empty: ms | median ms without it | ratio without it |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
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
    const creating: { ms: number; files: number; folders: number }[][] = versions.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const v of order) {
        samples[v]!.push(cold(versions[v]!.cli, path.join(folder, `out-${round}-${v}`)));
        // The disk's part of that run, at this moment: its output's folders and files made again, empty.
        const made = timeNode([floorJs, 'create', firsts[v]!, path.join(folder, `create-${round}-${v}`)], folder);
        creating[v]!.push(JSON.parse(made.stdout.trim().split('\n').pop()!) as { ms: number; files: number; folders: number });
      }
      process.stderr.write(`  ${n} errors, round ${round + 1}/${rounds}\n`);
    }
    fs.rmSync(folder, { recursive: true, force: true });
    const medians = samples.map((s) => median(s.map((x) => x.ms)));
    // Each round's run less the same round's creating, so that a moment when the disk was slow weighs on both.
    const without = samples.map((s, i) => median(s.map((x, round) => x.ms - creating[i]![round]!.ms)));
    versions.forEach((v, i) => {
      const s = samples[i]!;
      const ms = s.map((x) => x.ms);
      const ratio = (of: number[]) => (i === 0 ? '1.00×' : `**${(of[i]! / of[0]!).toFixed(2)}×**`);
      const { files, folders } = creating[i]![0]!;
      lines.push(
        `| ${n.toLocaleString('en-US')} | ${v.name} | ${medians[i]!.toFixed(0)} | ${median(s.map((x) => x.cpuMs)).toFixed(0)} | ${median(s.map((x) => x.rssMb)).toFixed(0)} | ` +
          `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} | ${ratio(medians)} | ${files.toLocaleString('en-US')}, ${folders.toLocaleString('en-US')} | ` +
          `${median(creating[i]!.map((c) => c.ms)).toFixed(0)} | ${without[i]!.toFixed(0)} | ${ratio(without)} |`,
      );
    });
  }
  process.stdout.write(
    [
      `Cold \`generate\` (empty output folder), default Node, ${rounds} interleaved rounds per size, outputs in ${outRoot}; ratio: this checkout's median over ${ref}'s. ` +
        "Beside each run, its output's files and folders made again, empty (the disk's part, at that moment); \"without it\": the median of each round's run less that round's creating.",
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
