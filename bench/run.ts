/**
 * `npm run bench`: wall time and peak memory of the generator on synthetic catalogs, beside TypeSpec
 * compiling the same catalog, as medians of several runs, each in a new process.
 *
 * Environment: BENCH_SIZES (default 100,1000,10000), BENCH_RUNS (default 5), BENCH_TSP_RUNS (runs of
 * TypeSpec, default 5; 3 at 10,000 errors, where one run takes most of a minute), BENCH_TSP=0 to skip
 * TypeSpec. Writes a table on stdout and bench/results.md.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalogYaml, typeSpecSource } from './synth.js';
import yaml from 'js-yaml';
import { emitters } from '../generator/emit/index.js';
import { median, root, timeNode } from './measure.js';
import type { Sample } from './measure.js';

const build = path.join(root, '.build');
const cliJs = path.join(build, 'generator', 'cli.js');
const stageJs = path.join(build, 'bench', 'stage.js');
const floorJs = path.join(build, 'bench', 'floor.js');
const tspJs = path.join(root, 'node_modules', '@typespec', 'compiler', 'cmd', 'tsp.js');

const sizes = (process.env['BENCH_SIZES'] ?? '100,1000,10000').split(',').map(Number);
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const withTypeSpec = process.env['BENCH_TSP'] !== '0';
const tspRuns = (n: number) => Number(process.env['BENCH_TSP_RUNS'] ?? (n >= 10000 ? 3 : 5));

interface Row {
  readonly name: string;
  readonly ms: number;
  readonly rssMb: number;
  readonly cpuMs: number;
  readonly runs: number;
  readonly note?: string;
}

/** The medians of samples taken of one measure. */
function row(name: string, samples: readonly Sample[], note?: string): Row {
  return {
    name,
    ms: median(samples.map((s) => s.ms)),
    rssMb: median(samples.map((s) => s.rssMb)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    runs: samples.length,
    ...(note ? { note } : {}),
  };
}

function measure(name: string, count: number, sample: (i: number) => Sample, note?: string): Row {
  return row(name, Array.from({ length: count }, (_, i) => sample(i)), note);
}

/**
 * TypeSpec's figures count only if it did the same work: its OpenAPI document must hold every problem
 * (a source without `@service` compiles to an 89-byte document, which would make any ratio meaningless).
 */
function assertTypeSpecDocument(outDir: string, n: number): void {
  const file = path.join(outDir, '@typespec', 'openapi3', 'openapi.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const schemas = ((yaml.load(text) as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {});
  const missing = Array.from({ length: n }, (_, i) => `E${i}`).filter((name) => !(name in schemas));
  if (missing.length) throw new Error(`TypeSpec's document (${text.length} bytes) lacks ${missing.length} of the ${n} problems (${missing.slice(0, 3).join(', ')}…): its figures would not be comparable`);
  process.stderr.write(`  TypeSpec's document holds all ${n} problems (${(text.length / 1024).toFixed(0)} KB)\n`);
}

function benchSize(n: number): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${n}-`));
  const catalog = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(catalog, catalogYaml(n));
  // The same catalog with one lint warning: a warning's position must not cost a reading of the whole text.
  const warned = path.join(dir, 'catalog-with-a-warning.yaml');
  fs.writeFileSync(warned, catalogYaml(n, { warning: true }));
  const verdict = spawnSync(process.execPath, [cliJs, 'validate', '--catalog', warned], { encoding: 'utf8' });
  if (!/0 error\(s\), 1 warning\(s\)/.test(verdict.stderr)) throw new Error(`the catalog with a warning does not have exactly one warning:\n${verdict.stderr}`);
  const rows: Row[] = [];
  const log = (row: Row) => {
    rows.push(row);
    process.stderr.write(`  ${n} errors, ${row.name}: ${row.ms.toFixed(0)} ms, ${row.rssMb.toFixed(0)} MB\n`);
  };

  // Cold, no-change, check and TypeSpec runs are interleaved, so that the machine's drift over time weighs
  // on all of them alike (they are compared with one another).
  if (withTypeSpec) {
    fs.writeFileSync(path.join(dir, 'main.tsp'), typeSpecSource(n));
    // TypeSpec resolves its libraries from the main file's folder.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  }
  // The no-change runs keep their stat cache where the CLI puts it (node_modules/.cache beside the cwd);
  // the fresh-clone runs start in a folder without node_modules, so every output is read and hashed.
  if (!fs.existsSync(path.join(dir, 'node_modules'))) fs.mkdirSync(path.join(dir, 'node_modules'));
  const bare = path.join(dir, 'bare');
  fs.mkdirSync(bare);
  const typeSpec: Sample[] = [];
  const out = path.join(dir, 'cold-0');
  timeNode([cliJs, 'generate', '--catalog', catalog, '--out', out], dir); // the folder the no-change runs find
  // A file is remembered in the stat cache once it is 2 s old (a write in the same clock tick could hide
  // otherwise): the no-change runs measure a folder written a while ago, as in daily use.
  spawnSync('sleep', ['2.1']);
  timeNode([cliJs, 'check', '--catalog', catalog, '--out', out], dir);
  const cold: Sample[] = [];
  const unchanged: Sample[] = [];
  const checked: Sample[] = [];
  const forced: Sample[] = [];
  const fresh: Sample[] = [];
  const start: Sample[] = [];
  const read: Sample[] = [];
  const create: Sample[] = [];
  const withoutSite: Sample[] = [];
  const withWarning: Sample[] = [];
  const poolSized: Sample[] = [];
  // The site came after the speed goals were set: a cold run without its templates is the work they were set on.
  const noSite = path.join(dir, 'templates-without-site');
  fs.cpSync(path.join(root, 'templates'), noSite, { recursive: true, filter: (source) => path.relative(path.join(root, 'templates'), source).split(path.sep)[0] !== 'site' });
  for (let i = 0; i < runs; i++) {
    cold.push(timeNode([cliJs, 'generate', '--catalog', catalog, '--out', path.join(dir, `cold-${i + 1}`)], dir));
    poolSized.push(timeNode(['--v8-pool-size=0', cliJs, 'generate', '--catalog', catalog, '--out', path.join(dir, `cold-pool-${i + 1}`)], dir));
    withoutSite.push(timeNode([cliJs, 'generate', '--catalog', catalog, '--out', path.join(dir, `cold-without-site-${i + 1}`), '--templates', noSite], dir));
    withWarning.push(timeNode([cliJs, 'generate', '--catalog', warned, '--out', path.join(dir, `cold-with-warning-${i + 1}`)], dir));
    const again = timeNode([cliJs, 'generate', '--catalog', catalog, '--out', out], dir);
    const written = Number(/(\d+) written/.exec(again.stdout)?.[1] ?? -1);
    if (written !== 0) throw new Error(`a no-change generate wrote ${written} files`);
    unchanged.push(again);
    checked.push(timeNode([cliJs, 'check', '--catalog', catalog, '--out', out], dir));
    fresh.push(timeNode([cliJs, 'check', '--catalog', catalog, '--out', out], bare));
    forced.push(timeNode([cliJs, 'check', '--force', '--catalog', catalog, '--out', out], dir));
    start.push(timeNode([floorJs, 'start'], dir));
    read.push(timeNode([floorJs, 'read', out], dir));
    create.push(timeNode([floorJs, 'create', out, path.join(dir, `create-${i}`)], dir, true));
    if (withTypeSpec && i < tspRuns(n)) {
      const tspOut = path.join(dir, `tsp-${i}`);
      typeSpec.push(timeNode([tspJs, 'compile', 'main.tsp', '--emit', '@typespec/openapi3', '--output-dir', tspOut], dir));
      if (i === 0) assertTypeSpecDocument(tspOut, n);
    }
  }
  log(row(COLD, cold));
  log(row(POOL_SIZED, poolSized));
  log(row(WITHOUT_SITE, withoutSite));
  log(row(WITH_WARNING, withWarning));
  log(row('generate, nothing changed', unchanged));
  log(row('check, nothing changed', checked));
  log(row(FRESH_CHECK, fresh));
  log(row('check --force (builds everything and compares)', forced));
  log(row(FLOOR_START, start));
  log(row(FLOOR_READ, read));
  log(row(FLOOR_CREATE, create, 'The file-creation floor row: the time of the creating alone (its CPU is nearly all the kernel\'s); its CPU and peak memory are those of its whole process.'));

  const stages = ['load', 'validate', 'model', ...emitters.map((e) => `emit:${e.name}`), 'emit:pages:docs', 'emit:pages:site', 'write'];
  for (const stage of stages) {
    log(
      measure(`stage ${stage}`, runs, (i) => timeNode([stageJs, stage, catalog, path.join(dir, `stage-${stage.replace(':', '-')}-${i}`)], dir, true), 'Stage rows: the time of the stage alone; CPU and peak memory of its whole process, the stages before it included.'),
    );
  }

  if (withTypeSpec) log(row('TypeSpec 1.11 tsp compile (OpenAPI 3 emitter only)', typeSpec));
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

const COLD = 'generate, cold (empty output folder)';
const FRESH_CHECK = 'check, nothing changed, as in a fresh clone (no stat cache: every output read)';
const POOL_SIZED = 'generate, cold, with `--v8-pool-size=0` (as the npm scripts run it)';
const WITHOUT_SITE = "generate, cold, without the site's templates";
const WITH_WARNING = 'generate, cold, the catalog with one lint warning (a repeated title)';
const FLOOR_START = "floor: Node's own start and exit (an empty script)";
const FLOOR_READ = 'floor: reading and hashing every output, one after the other';
const FLOOR_CREATE = "floor: creating a cold run's folders and files, empty, one after the other";

/**
 * The least a no-change run can take: Node's own start for any run; reading every output too for one
 * without a stat cache (it verifies the bytes on disk).
 */
function floorOf(rows: readonly Row[], name: string): Row | undefined {
  return rows.find((r) => r.name === (name === FRESH_CHECK ? FLOOR_READ : FLOOR_START));
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The hand-written analysis of bench/results.md (between its markers), kept across runs. */
function existingNotes(): string | undefined {
  try {
    const text = fs.readFileSync(path.join(root, 'bench', 'results.md'), 'utf8');
    return /<!-- notes -->\n([\s\S]*?)\n<!-- \/notes -->/.exec(text)?.[0];
  } catch {
    return undefined;
  }
}

function report(results: Map<number, Row[]>): string {
  const lines: string[] = [];
  const cold = (n: number) => results.get(n)?.find((r) => r.name === COLD);
  const tsp = (n: number) => results.get(n)?.find((r) => r.name.startsWith('TypeSpec'));
  for (const [n, rows] of results) {
    lines.push(`### ${n.toLocaleString('en-US')} errors`, '', '| measure | median ms | CPU ms (all threads) | peak RSS MB | runs |', '| --- | ---: | ---: | ---: | ---: |');
    for (const r of rows) lines.push(`| ${r.name} | ${r.ms.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${r.rssMb.toFixed(0)} | ${r.runs} |`);
    for (const note of new Set(rows.flatMap((r) => (r.note ? [r.note] : [])))) lines.push('', note);
    const c = cold(n);
    const t = tsp(n);
    if (c && t) lines.push('', `TypeSpec (OpenAPI only) / error-catalog (cold generate, all outputs): **${(t.ms / c.ms).toFixed(2)}×** in this run.`);
    lines.push('');
  }
  const goals: string[] = [];
  const c10k = cold(10000);
  const c1k = cold(1000);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  if (c10k) goals.push(`- 10,000 errors, cold, all outputs: ${(c10k.ms / 1000).toFixed(2)} s (goal ≤ 3 s in the machine's fast state), peak ${c10k.rssMb.toFixed(0)} MB (goal ≤ 600 MB): ${verdict(c10k.ms <= 3000)} / ${verdict(c10k.rssMb <= 600)}`);
  const bare10k = results.get(10000)?.find((r) => r.name === WITHOUT_SITE);
  if (bare10k) goals.push(`- 10,000 errors, cold, without the site (the outputs there were when the goals were set): ${(bare10k.ms / 1000).toFixed(2)} s (≤ 3 s: ${verdict(bare10k.ms <= 3000)}), peak ${bare10k.rssMb.toFixed(0)} MB`);
  // Not a goal of its own: a warning's position must not cost much (it once cost reading the whole text again).
  for (const [n, c] of [[1000, c1k], [10000, c10k]] as const) {
    const warned = results.get(n)?.find((r) => r.name === WITH_WARNING);
    if (c && warned) goals.push(`- ${n.toLocaleString('en-US')} errors, cold, the catalog with one lint warning: ${(warned.ms / 1000).toFixed(2)} s, ${(warned.ms / c.ms).toFixed(2)}× the time without it, peak ${warned.rssMb.toFixed(0)} MB`);
  }
  // The CPU time a cold run needs, over the cores there are, is the least wall time its work can take.
  // And the disk's part, which swings with the machine's state: making the files alone, before any byte.
  for (const [n, c] of [[1000, c1k], [10000, c10k]] as const) {
    const made = results.get(n)?.find((r) => r.name === FLOOR_CREATE);
    const disk = made ? `; creating its files and folders, empty, took ${(made.ms / 1000).toFixed(2)} s at the moments of this run` : '';
    if (c) goals.push(`- ${n.toLocaleString('en-US')} errors, cold, the floor of its work: ${(c.cpuMs / 1000).toFixed(2)} s of CPU over all threads, so on ${os.cpus().length} cores no less than ${(c.cpuMs / os.cpus().length / 1000).toFixed(2)} s (it took ${(c.ms / 1000).toFixed(2)} s: the cores ${((100 * c.cpuMs) / os.cpus().length / c.ms).toFixed(0)}% busy)${disk}`);
  }
  const t1k = tsp(1000);
  if (c1k && t1k) goals.push(`- 1,000 errors vs TypeSpec 1.11 doing the same work: ${(t1k.ms / c1k.ms).toFixed(2)}× as fast (goal ≥ 3×): ${verdict(t1k.ms / c1k.ms >= 3)}`);
  const t10k = tsp(10000);
  if (c10k && t10k) goals.push(`- 10,000 errors vs TypeSpec 1.11: ${(t10k.ms / c10k.ms).toFixed(2)}× as fast (goal ≥ 10×): ${verdict(t10k.ms / c10k.ms >= 10)}`);
  if (c10k && c1k) goals.push(`- linearity, time(10k) / time(1k): ${(c10k.ms / c1k.ms).toFixed(1)} (goal ≤ 10): ${verdict(c10k.ms / c1k.ms <= 10)}`);
  for (const [n, rows] of results) {
    const cg = rows.find((r) => r.name === COLD)!;
    for (const r of rows.filter((r) => r.name.startsWith('generate, nothing') || r.name.startsWith('check,'))) {
      const floor = floorOf(rows, r.name);
      const below = floor && floor.ms > cg.ms * 0.05 ? `; its floor alone, ${floor.name.slice('floor: '.length)}, is ${((100 * floor.ms) / cg.ms).toFixed(1)}% (${floor.ms.toFixed(0)} ms)` : '';
      goals.push(`- ${n} errors, ${r.name}: ${((100 * r.ms) / cg.ms).toFixed(1)}% of a cold run, nothing written (goal ≤ 5%): ${verdict(r.ms <= cg.ms * 0.05)}${below}`);
    }
  }
  const notes = existingNotes();
  return [
    '# Benchmark results',
    '',
    `Machine: ${machine()}.`,
    '',
    `Medians of ${runs} runs, each in a new Node process; the cold, no-change, check and TypeSpec runs interleaved (TypeSpec: ${[...results.keys()].map((n) => `${tspRuns(n)} at ${n}`).join(', ')}). ` +
      'Wall time includes process start. Synthetic catalogs from `bench/synth.ts`: N errors in N/20 groups, ' +
      'one in five with two extension members and a detail template, two locales; TypeSpec compiles the same errors as `@error` models.',
    '',
    '## Goals',
    '',
    ...goals,
    '',
    ...(notes ? ['## What dominates', '', notes, ''] : []),
    '## Figures',
    '',
    ...lines,
  ].join('\n');
}

const results = new Map<number, Row[]>();
for (const n of sizes) {
  process.stderr.write(`${n} errors…\n`);
  results.set(n, benchSize(n));
}
const markdown = report(results);
process.stdout.write(markdown + '\n');
fs.writeFileSync(path.join(root, 'bench', 'results.md'), markdown + '\n');
// The bench fails when an unchanged run costs more than 5% of a cold one (a write already failed it above).
const slow = [...results].flatMap(([n, rows]) => {
  const cold = rows.find((r) => r.name === COLD)!;
  return rows.filter((r) => (r.name.startsWith('generate, nothing') || r.name.startsWith('check,')) && r.ms > cold.ms * 0.05).map((r) => `${n} errors, ${r.name}: ${r.ms.toFixed(0)} ms of ${cold.ms.toFixed(0)} ms cold`);
});
if (slow.length) {
  process.stderr.write(`unchanged runs cost more than 5% of a cold run:\n${slow.join('\n')}\n`);
  process.exitCode = 1;
}
