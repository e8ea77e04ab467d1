/**
 * How the bench times a process: a new Node process per sample, its wall time measured around the spawn,
 * its peak resident memory and the CPU time of all its threads reported by a preloaded hook
 * (rss-hook.ts). Shared by `npm run bench` (run.ts) and `npm run bench:compare` (compare.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

/** The checkout this bench is built from (its `.build/` is two folders up from here). */
export const root = fileURLToPath(new URL('../../', import.meta.url));
const hook = pathToFileURL(path.join(root, '.build', 'bench', 'rss-hook.js')).href;

export interface Sample {
  readonly ms: number;
  readonly rssMb: number;
  /** CPU time of all the process's threads, user and system. */
  readonly cpuMs: number;
}

export const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Runs `node args…` in a new process; wall time measured around the spawn (or, with `stdoutTime`, the
 * `{ "ms": … }` the process printed last), peak RSS and CPU time from the preloaded hook.
 */
export function timeNode(args: readonly string[], cwd: string, stdoutTime = false): Sample & { stdout: string } {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', hook, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  const usage = fs.readFileSync(rssFile, 'utf8').trim().split('\n').map((line) => line.split(' ').map(Number));
  fs.rmSync(rssFile, { force: true });
  const rssKb = Math.max(...usage.map(([rss]) => rss!));
  const cpuUs = usage.reduce((sum, [, cpu]) => sum + cpu!, 0);
  const ms = stdoutTime ? (JSON.parse(result.stdout.trim().split('\n').pop()!) as { ms: number }).ms : wall;
  return { ms, rssMb: rssKb / 1024, cpuMs: cpuUs / 1000, stdout: result.stdout };
}
