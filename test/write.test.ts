/**
 * The writer and check: only changed files written, stale ones removed, nothing outside the output
 * folder, all or nothing on failure, and every kind of drift reported.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, check } from '../generator/index.js';
import type { Emitter } from '../generator/emit/index.js';
import { emitters } from '../generator/emit/index.js';
import { MANIFEST, WriteError, checkOutput, defaultIo, writeOutput } from '../generator/write.js';
import type { BatchWriter, WriterIo } from '../generator/write.js';
import { secondThreadBatch } from '../generator/thread/index.js';
import { FileWriter } from '../generator/thread/write-files.js';
import { statKey } from '../generator/cache-files.js';
import { contentHash, hashOpenFile } from '../generator/fingerprint.js';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { catalogYaml } from '../bench/synth.js';
import { MINIMAL, catalogFile, cli, rejects, root, snapshot, tempDir } from './helpers.js';

const fixed = (files: Record<string, string>): Emitter => ({
  name: 'fixed',
  emit: () => ({ files: Object.entries(files).map(([p, contents]) => ({ path: p, contents })), diagnostics: [] }),
});

test('generate writes every file, then writes nothing when nothing changed', async () => {
  const out = path.join(tempDir(), 'out');
  const catalog = catalogFile(MINIMAL);
  const first = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, /wrote .*catalog\.json/);
  const before = fs.statSync(path.join(out, 'catalog.json')).mtimeMs;
  const second = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(second.code, 0);
  assert.match(second.stdout, /0 written, \d+ unchanged, 0 removed/);
  assert.is(fs.statSync(path.join(out, 'catalog.json')).mtimeMs, before);
});

test('generate names each written file, and condenses a long list', async () => {
  const groups = Array.from({ length: 12 }, (_, i) => `  - id: g${i}\n    errors:\n      - { code: e, status: 400, title: E }\n`).join('');
  const catalog = catalogFile(`version: 1\nname: many\ntitle: Many\ntypeBase: https://example.com/e\nlocales: [en]\ngroups:\n${groups}`);
  const result = await cli('generate', '--catalog', catalog, '--out', path.join(tempDir(), 'out'));
  assert.is(result.code, 0, result.stderr);
  const total = Number(/(\d+) written/.exec(result.stdout)![1]);
  assert.ok(total > 40);
  assert.is(result.stdout.split('\n').filter((l) => l.startsWith('wrote ')).length, 40);
  assert.match(result.stdout, new RegExp(`… and ${total - 40} more\n`));
});

test('files generated before and no longer generated are removed; other files are kept', async () => {
  const out = tempDir();
  fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
  await writeOutput(out, [{ path: 'a/one.txt', contents: '1' }, { path: 'two.txt', contents: '2' }]);
  const report = await writeOutput(out, [{ path: 'two.txt', contents: '2' }]);
  assert.equal(report.removed, ['a/one.txt']);
  assert.equal([...snapshot(out).keys()].sort(), [MANIFEST, 'notes.txt', 'two.txt']);
});

test('a file the generator did not write is never replaced: generating into a folder that holds one is refused, and nothing is touched', async () => {
  const project = tempDir();
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "mine" }\n');
  fs.mkdirSync(path.join(project, 'docs'));
  fs.writeFileSync(path.join(project, 'docs', 'guide.md'), '# mine\n');
  fs.writeFileSync(path.join(project, 'same.txt'), 'same\n');
  const before = snapshot(project);
  const files = [{ path: 'package.json', contents: '{ "name": "generated" }\n' }, { path: 'docs/guide.md', contents: '# generated\n' }, { path: 'same.txt', contents: 'same\n' }, { path: 'new.txt', contents: 'new\n' }];
  await rejects(() => writeOutput(project, files), /refusing to replace 2 files in '.*' that it did not write \(not in its \.error-catalog-manifest\.json\): docs\/guide\.md, package\.json; move them away, or choose another output folder/);
  assert.equal(snapshot(project), before);
  // Through the CLI: exit 2, the project's own package.json kept.
  const result = await cli('generate', '--catalog', path.join(root, 'catalog.yaml'), '--out', project);
  assert.is(result.code, 2);
  assert.match(result.stderr, /refusing to replace .*package\.json/);
  assert.equal(snapshot(project), before);
  // A file with the very bytes it would write is taken over (it becomes the generator's), and so are those the manifest lists.
  fs.rmSync(path.join(project, 'package.json'));
  fs.rmSync(path.join(project, 'docs'), { recursive: true });
  const report = await writeOutput(project, files);
  assert.equal(report.unchanged, ['same.txt']);
  const changed = await writeOutput(project, files.map((f) => ({ ...f, contents: f.contents.replace('\n', ' again\n') })));
  assert.equal([...changed.written].sort(), ['docs/guide.md', 'new.txt', 'package.json', 'same.txt']);
  // A file the manifest does not list, added since, with other bytes: refused again.
  fs.writeFileSync(path.join(project, 'extra.txt'), 'mine\n');
  await rejects(() => writeOutput(project, [...files, { path: 'extra.txt', contents: 'generated\n' }]), /refusing to replace 1 file in .*: extra\.txt;/);
});

for (const hostile of ['../escape.txt', '/tmp/abs.txt', 'a/../../escape.txt', 'a/./b.txt', 'a\\..\\b.txt', '', 'a//b', 'a/', '.', '..', 'a/..', './a', 'C:x.txt', 'a\0b', MANIFEST]) {
  test(`an output path '${hostile}' is refused before anything is written`, async () => {
    const parent = tempDir();
    const out = path.join(parent, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.txt'), 'keep');
    const before = snapshot(parent);
    await rejects(() => writeOutput(out, [{ path: 'ok.txt', contents: 'x' }, { path: hostile, contents: 'x' }]), (e: unknown) => e instanceof WriteError);
    assert.equal(snapshot(parent), before);
  });
}

test('names with dots that stay inside the folder are written', async () => {
  const out = path.join(tempDir(), 'out');
  const files = ['.well-known/problems.json', 'a..b/...', '.x/..y/z.'];
  await writeOutput(out, files.map((f) => ({ path: f, contents: f })));
  for (const f of files) assert.is(fs.readFileSync(path.join(out, f), 'utf8'), f);
});

test('a hand-edited manifest cannot make the writer delete outside the folder', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(parent, 'victim.txt'), 'precious');
  fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify({ files: ['../victim.txt', '/etc/hostname', 'x/../../victim.txt'] }));
  await writeOutput(out, [{ path: 'a.txt', contents: 'a' }]);
  assert.is(fs.readFileSync(path.join(parent, 'victim.txt'), 'utf8'), 'precious');
});

test('the writer never writes through a symlink inside the output folder', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  const elsewhere = path.join(parent, 'elsewhere');
  fs.mkdirSync(out);
  fs.mkdirSync(elsewhere);
  fs.symlinkSync(elsewhere, path.join(out, 'sub'));
  fs.symlinkSync(path.join(elsewhere, 'target.txt'), path.join(out, 'file.txt'));
  const before = snapshot(parent);
  await rejects(() => writeOutput(out, [{ path: 'sub/x.txt', contents: 'x' }]), /symlink/);
  await rejects(() => writeOutput(out, [{ path: 'file.txt', contents: 'x' }]), /symlink/);
  assert.equal(snapshot(parent), before);
});

test('a hostile group id or code is rejected by validation and nothing is written', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  for (const [from, to] of [
    ['id: orders', 'id: ../../outside'],
    ['id: orders', 'id: "/etc"'],
    ['code: not-found', 'code: ../x'],
  ] as const) {
    const result = await cli('generate', '--catalog', catalogFile(MINIMAL.replace(from, to)), '--out', out);
    assert.is(result.code, 1);
    assert.match(result.stderr, /error\[code-format\]/);
  }
  assert.equal([...snapshot(parent).keys()], []);
});

async function generatedFolder(): Promise<{ out: string; catalog: string }> {
  const out = path.join(tempDir(), 'out');
  const catalog = catalogFile(MINIMAL);
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  return { out, catalog };
}

test('a generate with a bad catalog leaves the output folder byte-identical', async () => {
  const { out } = await generatedFolder();
  const before = snapshot(out);
  const bad = catalogFile(MINIMAL.replace('status: 404', 'status: 200'));
  const result = await cli('generate', '--catalog', bad, '--out', out);
  assert.is(result.code, 1);
  assert.equal(snapshot(out), before);
});

test('a generate whose emitter throws leaves the output folder byte-identical and exits 2 (CLI) / throws (API)', async () => {
  const { out, catalog } = await generatedFolder();
  const changed = catalogFile(MINIMAL.replace('Order not found', 'No such order'));
  const before = snapshot(out);
  const boom: Emitter = { name: 'boom', emit: () => { throw new Error('kaboom'); } };
  await rejects(() => generate({ catalog: changed, out, emitters: [...emitters, boom] }), /emitter 'boom' failed: kaboom/);
  assert.equal(snapshot(out), before);
  void catalog;
});

test('a failure in the middle of writing undoes every step: the folder is as it was', async () => {
  const out = tempDir();
  await writeOutput(out, [
    { path: 'a.txt', contents: 'old a' },
    { path: 'b/b.txt', contents: 'old b' },
    { path: 'gone.txt', contents: 'old gone' },
  ]);
  const before = snapshot(out);
  const next = [
    { path: 'a.txt', contents: 'new a' },
    { path: 'b/b.txt', contents: 'new b' },
    { path: 'c/d/new.txt', contents: 'new' },
  ];
  // Fail at each rename and at the unlink of the stale file in turn.
  for (let failAt = 0; failAt < 5; failAt++) {
    let calls = 0;
    const failing: WriterIo = {
      writeFile: (f, d) => fs.promises.writeFile(f, d, { flag: 'wx' }),
      rename: async (a, b) => {
        if (calls++ === failAt) throw new Error('disk full');
        await fs.promises.rename(a, b);
      },
      unlink: async (f) => {
        if (calls++ === failAt) throw new Error('disk full');
        await fs.promises.unlink(f);
      },
    };
    await rejects(() => writeOutput(out, next, failing), /disk full.*left as it was/);
    assert.equal(snapshot(out), before, `after a failure at step ${failAt}`);
  }
  // And a failure while staging temporary files.
  const failingWrite: WriterIo = {
    writeFile: async () => { throw new Error('no space'); },
    rename: fs.promises.rename,
    unlink: fs.promises.unlink,
  };
  await rejects(() => writeOutput(out, next, failingWrite), /no space/);
  assert.equal(snapshot(out), before);
});

test('a new output folder appears whole or not at all, with nothing left beside it', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'new', 'deeper', 'out');
  const files = [
    { path: 'a.txt', contents: 'a' },
    { path: 'b/b.txt', contents: 'b' },
    { path: 'c/d/e.txt', contents: 'e' },
  ];
  // A failure at each write, then at the final rename: no output folder, no staging folder, no parents made for it.
  for (let failAt = 0; failAt <= files.length + 1; failAt++) {
    let calls = 0;
    const failing: WriterIo = {
      writeFile: async (f, d) => {
        if (calls++ === failAt) throw new Error('disk full');
        await fs.promises.writeFile(f, d, { flag: 'wx' });
      },
      rename: async (a, b) => {
        if (calls++ === failAt) throw new Error('disk full');
        await fs.promises.rename(a, b);
      },
      unlink: fs.promises.unlink,
    };
    await rejects(() => writeOutput(out, files, failing), /disk full.*left as it was/);
    assert.equal(fs.readdirSync(parent), [], `after a failure at step ${failAt}`);
  }
  const report = await writeOutput(out, files);
  assert.equal(report.written, ['a.txt', 'b/b.txt', 'c/d/e.txt']);
  assert.equal(fs.readdirSync(path.dirname(out)), ['out'], 'no staging folder is left beside it');
  const written = snapshot(out);
  assert.ok(written.has(MANIFEST));
  written.delete(MANIFEST);
  assert.equal([...written].filter(([, v]) => v !== 'dir'), files.map((f) => [f.path, f.contents]));
});

test('a new output folder, and each folder in it, gets the permissions any new folder gets (not only its owner\'s), on either thread', async () => {
  const parent = tempDir();
  const reference = path.join(parent, 'reference');
  fs.mkdirSync(reference); // as the process's umask has it, e.g. rwxr-xr-x: a web server serving the site can read it
  const expected = fs.statSync(reference).mode & 0o777;
  const catalog = path.join(root, 'catalog.yaml');
  for (const [name, io] of [['here', defaultIo], ['second thread', { ...defaultIo, batch: secondThreadBatch }]] as const) {
    const out = path.join(parent, name.replace(' ', '-'), 'out');
    await generate({ catalog, out, io });
    for (const dir of [out, path.join(out, 'site'), path.join(out, 'typescript', 'groups')]) {
      assert.is((fs.statSync(dir).mode & 0o777).toString(8), expected.toString(8), `${path.relative(parent, dir)}, written ${name}`);
    }
  }
});

test('a stop signal while writing is held off, then the writing stops and is undone; a program listening for it keeps it', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  const first = Array.from({ length: 50 }, (_, i) => ({ path: `d${i % 5}/f${i}.txt`, contents: `old ${i}\n` }));
  await writeOutput(out, first);
  const before = snapshot(out);
  const next = [...first.slice(10).map((f) => ({ ...f, contents: f.contents.replace('old', 'new') })), { path: 'e/new.txt', contents: 'new\n' }];
  // The signal comes with the second write, or the second rename (when half the targets are replaced).
  const signalling = (at: 'writeFile' | 'rename', signal: NodeJS.Signals): WriterIo => {
    let calls = 0;
    const send = async () => {
      if (++calls === 2) {
        process.kill(process.pid, signal);
        await new Promise((resolve) => setTimeout(resolve, 20)); // delivered on the next turn of the loop
      }
    };
    return {
      ...defaultIo,
      writeFile: async (f, d) => (at === 'writeFile' && (await send()), defaultIo.writeFile(f, d)),
      rename: async (a, b) => (at === 'rename' && (await send()), defaultIo.rename(a, b)),
    };
  };
  for (const [at, signal] of [['writeFile', 'SIGINT'], ['rename', 'SIGTERM'], ['rename', 'SIGINT']] as const) {
    let error: unknown;
    await writeOutput(out, next, signalling(at, signal)).catch((e: unknown) => (error = e));
    assert.instance(error, WriteError, `${signal} at ${at}`);
    assert.match((error as WriteError).message, new RegExp(`interrupted by ${signal}; the output folder was left as it was`));
    assert.is((error as WriteError).signal, signal);
    assert.equal(snapshot(out), before, `${signal} at ${at}: the folder as it was, no temporary file`);
    assert.is(process.listenerCount(signal), 0, 'the signal is let go afterwards');
  }
  // A new folder: it does not appear, and nothing is left beside it.
  const fresh = path.join(parent, 'fresh');
  const error = await writeOutput(fresh, next, signalling('writeFile', 'SIGINT')).catch((e: unknown) => e);
  assert.is((error as WriteError).signal, 'SIGINT');
  assert.equal(fs.readdirSync(parent), ['out']);
  // A program with its own listener: the signal is its to handle, and the writing goes on.
  let heard = 0;
  const listener = () => heard++;
  process.on('SIGINT', listener);
  try {
    await writeOutput(out, next, signalling('rename', 'SIGINT'));
  } finally {
    process.off('SIGINT', listener);
  }
  assert.is(heard, 1);
  assert.is(fs.readFileSync(path.join(out, 'e/new.txt'), 'utf8'), 'new\n');
});

const isSame = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Runs the CLI in a process of its own; `whenStarted` may signal it. */
async function cliProcess(args: readonly string[], whenStarted: (child: ChildProcess) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, '.build', 'generator', 'cli.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  whenStarted(child);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  return { code, signal, stderr };
}

test('a stop signal after the last step of the writing is sent again once the writing is done: the process ends with the folder whole', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  await writeOutput(out, [{ path: 'a.txt', contents: 'old\n' }]);
  // In a process of its own: the signal, let go, ends it. It comes with the manifest's rename, the last step.
  const script = `
    import { defaultIo, writeOutput } from ${JSON.stringify(pathToFileURL(path.join(root, '.build', 'generator', 'write.js')).href)};
    const io = { ...defaultIo, rename: async (a, b) => { await defaultIo.rename(a, b); if (b.endsWith('manifest.json')) { process.kill(process.pid, 'SIGINT'); await new Promise((r) => setTimeout(r, 50)); } } };
    await writeOutput(${JSON.stringify(out)}, [{ path: 'a.txt', contents: 'new\\n' }, { path: 'b.txt', contents: 'b\\n' }], io);
    await new Promise((r) => setTimeout(r, 1000));
    console.log('not ended');
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.is(run.signal, 'SIGINT', `${run.status} ${run.stdout} ${run.stderr}`);
  assert.is(fs.readFileSync(path.join(out, 'a.txt'), 'utf8'), 'new\n');
  assert.is(fs.readFileSync(path.join(out, 'b.txt'), 'utf8'), 'b\n');
  assert.equal(fs.readdirSync(parent), ['out']);
});

test('two writings at once: a signal that comes as one ends stops the other at its next step, and never ends the process in its middle', async () => {
  const parent = tempDir();
  const [a, b] = [path.join(parent, 'a'), path.join(parent, 'b')];
  const files = (text: string) => Array.from({ length: 12 }, (_, i) => ({ path: `d${i % 3}/f${i}.txt`, contents: `${text} ${i}\n` }));
  await writeOutput(a, files('old'));
  await writeOutput(b, files('old'));
  const [aBefore, bBefore] = [snapshot(a), snapshot(b)];
  // In a process of its own: a starts, then b; the signal comes with a's last step (its manifest's
  // rename), while b's renames are still under way.
  const write = JSON.stringify(pathToFileURL(path.join(root, '.build', 'generator', 'write.js')).href);
  const script = `
    import { defaultIo, writeOutput } from ${write};
    const files = (text) => Array.from({ length: 12 }, (_, i) => ({ path: 'd' + (i % 3) + '/f' + i + '.txt', contents: text + ' ' + i + '\\n' }));
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    const slow = (ms) => ({ ...defaultIo, rename: async (x, y) => {
      await pause(ms);
      await defaultIo.rename(x, y);
      if (y === ${JSON.stringify(path.join(a, MANIFEST))}) { process.kill(process.pid, 'SIGINT'); await pause(20); }
    } });
    const outcome = (p) => p.then(() => 'written', (e) => e.name + ' ' + e.signal);
    const a = outcome(writeOutput(${JSON.stringify(a)}, files('new'), slow(100)));
    await pause(30);
    const b = outcome(writeOutput(${JSON.stringify(b)}, files('new'), slow(400)));
    console.log(JSON.stringify({ a: await a, b: await b, listeners: process.listenerCount('SIGINT') }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.is(run.signal ?? run.status, 0, `the process was not ended in the middle of b's writing: ${run.stderr}`);
  assert.equal(JSON.parse(run.stdout), { a: 'written', b: 'WriteError SIGINT', listeners: 0 });
  assert.not.equal(snapshot(a), aBefore, 'a written');
  assert.equal(snapshot(b), bBefore, 'b stopped and undone: as it was, nothing left in it');
  assert.equal(fs.readdirSync(parent).sort(), ['a', 'b']);
});

test('Ctrl-C at any moment of a generate leaves the output folder old or new, never half of each, and nothing beside it', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  const catalog = path.join(root, 'catalog.yaml');
  assert.is((await cli('generate', '--catalog', catalogFile(MINIMAL), '--out', out)).code, 0);
  const before = snapshot(out);
  const whole = path.join(tempDir(), 'whole');
  await generate({ catalog, out: whole });
  for (const delay of [50, 200, 350, 500, 700]) {
    let timer: NodeJS.Timeout | undefined;
    const run = await cliProcess(['generate', '--catalog', catalog, '--out', out], (child) => (timer = setTimeout(() => child.kill('SIGINT'), delay)));
    clearTimeout(timer);
    assert.equal(fs.readdirSync(parent), ['out'], `after ${delay} ms: nothing beside the folder`);
    if (run.code === 0) {
      assert.equal(snapshot(out), snapshot(whole), `after ${delay} ms: finished, the folder whole`);
      break; // from now on every run finds the folder up to date
    }
    // Stopped while it wrote, and undone: exit 130, saying so.
    if (run.code === 130) {
      assert.match(run.stderr, /interrupted by SIGINT; the output folder was left as it was/);
      assert.equal(snapshot(out), before, `after ${delay} ms: stopped while writing, the folder as it was`);
      continue;
    }
    // Killed before it wrote (the folder as it was), or after (the folder whole): never anything between.
    assert.is(run.signal, 'SIGINT', `after ${delay} ms: ${run.code} ${run.signal} ${run.stderr}`);
    const now = snapshot(out);
    assert.ok(isSame(now, before) || isSame(now, snapshot(whole)), `after ${delay} ms: killed, the folder old or new`);
    if (isSame(now, snapshot(whole))) break;
  }
});

test('Ctrl-C while a new output folder is written: exit 130, the folder does not appear, nothing is left', async () => {
  const parent = tempDir();
  const catalog = path.join(tempDir(), 'catalog.yaml');
  fs.writeFileSync(catalog, catalogYaml(1000)); // its folder takes tens of milliseconds to write
  const watcher = fs.watch(parent);
  try {
    const run = await cliProcess(['generate', '--catalog', catalog, '--out', path.join(parent, 'out')], (child) => {
      // The staging folder appears beside the output folder when the writing starts.
      let sent = false; // once: a second Ctrl-C, after the undoing, ends the process at once, as it should
      watcher.on('change', (_, name) => {
        if (!sent && String(name).startsWith('.out-')) sent = child.kill('SIGINT');
      });
    });
    assert.is(run.code, 130, run.stderr);
    assert.match(run.stderr, /error-catalog: writing '.*out' failed: interrupted by SIGINT; the output folder was left as it was/);
    assert.equal(fs.readdirSync(parent), []);
  } finally {
    watcher.close();
  }
});

test('a new output folder written on the second thread holds the same files and manifest as one written here', async () => {
  let batches = 0;
  const threaded: WriterIo = {
    ...defaultIo,
    batch: () => {
      const batch = secondThreadBatch();
      if (batch) batches++;
      return batch;
    },
  };
  const options = { catalog: path.join(root, 'catalog.yaml'), out: '' };
  const there = path.join(tempDir(), 'out');
  const here = path.join(tempDir(), 'out');
  await generate({ ...options, out: there, io: threaded });
  await generate({ ...options, out: here, io: defaultIo });
  assert.is(batches, 1, 'the emitters started the second thread, and it wrote the folder');
  const written = snapshot(there);
  assert.equal(written, snapshot(here));
  assert.ok([...written.keys()].some((f) => f.startsWith('typescript/')) && [...written.keys()].some((f) => f.startsWith('site/')), 'files made on either thread');
});

test('a failure on the second thread while it writes a new folder leaves nothing behind', async () => {
  const batch = secondThreadBatch(); // started by the emitters of an earlier test
  assert.ok(batch);
  const parent = tempDir();
  const out = path.join(parent, 'out');
  // 'x' as a file and as a folder: whichever comes second cannot be made.
  const files = [{ path: 'x', contents: 'file' }, ...Array.from({ length: 40 }, (_, i) => ({ path: `d${i % 7}/f${i}.txt`, contents: 'y'.repeat(i * 1000) })), { path: 'x/y.txt', contents: 'in a folder' }];
  await rejects(() => writeOutput(out, files, { ...defaultIo, batch: () => batch as BatchWriter }), /writing .* failed: .*(EEXIST|ENOTDIR|EISDIR).*left as it was/);
  assert.equal(fs.readdirSync(parent), [], 'no output folder, no staging folder');
});

test('the second thread\'s file writer: synchronous calls, then the thread pool once the disk is found slow; same files either way', async () => {
  for (const slowAfterMs of [Infinity, 0]) {
    const dir = tempDir();
    const writer = new FileWriter(slowAfterMs);
    const files = Array.from({ length: 100 }, (_, i) => [path.join(dir, `g${i % 9}`, `s${i % 4}`, `f${i}.txt`), Buffer.from(`file ${i}\n`.repeat(i))] as const);
    await writer.write(files.slice(0, 60));
    await writer.write(files.slice(60));
    assert.is(writer.throughPool, slowAfterMs === 0, `slow after ${slowAfterMs} ms`);
    for (const [file, bytes] of files) assert.equal(fs.readFileSync(file), bytes);
    // A file that exists already is never replaced: the write fails.
    await rejects(() => writer.write([files[3]!]), /EEXIST/);
  }
});

test('check reports each modified, missing and stale file, and exits 1', async () => {
  const out = tempDir();
  const emitter = fixed({ 'same.txt': 's', 'edit.txt': 'e', 'lost.txt': 'l', 'old.txt': 'o' });
  const catalog = catalogFile(MINIMAL);
  await generate({ catalog, out, emitters: [emitter] });
  fs.writeFileSync(path.join(out, 'edit.txt'), 'edited');
  fs.rmSync(path.join(out, 'lost.txt'));
  const drift = (await check({ catalog, out, emitters: [fixed({ 'same.txt': 's', 'edit.txt': 'e', 'lost.txt': 'l', 'new.txt': 'n' })] })).drift!;
  assert.equal(drift, { modified: ['edit.txt'], firstDifference: { 'edit.txt': 1 }, missing: ['lost.txt', 'new.txt'], stale: ['old.txt'] });
  assert.equal(fs.readFileSync(path.join(out, 'edit.txt'), 'utf8'), 'edited', 'check writes nothing');
});

test('a file given as UTF-8 bytes is the same file as its text: written as is, found unchanged, its drift located by line', async () => {
  const out = path.join(tempDir(), 'out');
  const text = 'première ligne\n— deuxième —\n日本語\n';
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  // A view into a larger buffer, as the second thread hands its files over.
  const shared = new Uint8Array(bytes.length + 10);
  shared.set(bytes, 5);
  const view = shared.subarray(5, 5 + bytes.length);
  await writeOutput(out, [{ path: 'bytes.txt', contents: view }, { path: 'text.txt', contents: text }]);
  assert.equal(fs.readFileSync(path.join(out, 'bytes.txt')), Buffer.from(text, 'utf8'));
  assert.equal(fs.readFileSync(path.join(out, 'text.txt')), Buffer.from(text, 'utf8'));
  const again = await writeOutput(out, [{ path: 'bytes.txt', contents: text }, { path: 'text.txt', contents: view }]);
  assert.equal(again.written, []);
  assert.equal(again.unchanged, ['bytes.txt', 'text.txt']);
  // On disk: the third line changed, and bytes that are not UTF-8 (read as text, both would be U+FFFD).
  fs.writeFileSync(path.join(out, 'bytes.txt'), Buffer.concat([Buffer.from('première ligne\n— deuxième —\n', 'utf8'), Buffer.from([0xff, 0x0a])]));
  const drift = await checkOutput(out, [{ path: 'bytes.txt', contents: view }, { path: 'text.txt', contents: text }]);
  assert.equal(drift, { modified: ['bytes.txt'], firstDifference: { 'bytes.txt': 3 }, missing: [], stale: [] });
  const invalid = Buffer.from([0x61, 0xfe, 0x0a]);
  fs.writeFileSync(path.join(out, 'text.txt'), invalid);
  assert.equal((await checkOutput(out, [{ path: 'bytes.txt', contents: view }, { path: 'text.txt', contents: invalid.toString('utf8') }])).modified, ['bytes.txt', 'text.txt']);
});

test('check through the CLI lists every out-of-date file, and a missing folder is drift, not a crash', async () => {
  const { out, catalog } = await generatedFolder();
  assert.is((await cli('check', '--catalog', catalog, '--out', out)).code, 0);
  const jsonFile = path.join(out, 'catalog.json');
  const lines = fs.readFileSync(jsonFile, 'utf8').split('\n');
  lines[4] = lines[4] + ' ';
  fs.writeFileSync(jsonFile, lines.join('\n'));
  const modified = await cli('check', '--catalog', catalog, '--out', out);
  assert.is(modified.code, 1);
  assert.match(modified.stderr, /modified: .*catalog\.json \(differs from line 5\)/);
  const missing = await cli('check', '--catalog', catalog, '--out', path.join(out, 'nowhere'));
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /missing: .*catalog\.json/);
  assert.not.ok(fs.existsSync(path.join(out, 'nowhere')));
});

test('an output folder that cannot be one is an error that says why, for generate and check, and nothing is touched', async () => {
  const dir = tempDir();
  const catalog = catalogFile(MINIMAL);
  const file = path.join(dir, 'a-file');
  fs.writeFileSync(file, 'mine\n');
  fs.symlinkSync(path.join(dir, 'nothing-here'), path.join(dir, 'dangling'));
  fs.symlinkSync(file, path.join(dir, 'to-a-file'));
  const cases = [
    [file, /output folder '.*a-file' exists and is not a folder/],
    [path.join(file, 'sub', 'out'), /output folder '.*a-file\/sub\/out' cannot exist: '.*a-file' is not a folder/],
    [path.join(dir, 'dangling'), /output folder '.*dangling' is a symbolic link to '.*nothing-here', which does not exist/],
    [path.join(dir, 'to-a-file'), /output folder '.*to-a-file' is a symbolic link to '.*a-file', which is not a folder/],
    [path.join(dir, 'dangling', 'out'), /output folder '.*dangling\/out' cannot exist: '.*dangling' is a symbolic link to '.*nothing-here', which does not exist/],
  ] as const;
  const before = snapshot(dir);
  for (const [out, message] of cases) {
    for (const command of ['generate', 'check']) {
      const result = await cli(command, '--catalog', catalog, '--out', out);
      assert.is(result.code, 2, `${command} --out ${out}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.not.match(result.stderr, /internal error|\n\s+at /, 'no stack trace');
    }
  }
  assert.equal(snapshot(dir), before);
});



test('the no-change shortcut: an unchanged run writes nothing and says so; each kind of change forces the real run', async () => {
  const dir = tempDir();
  const catalog = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(catalog, MINIMAL);
  const out = path.join(dir, 'out');
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  const shortcut = /unchanged since the last generate/;
  const again = await cli('generate', '--catalog', catalog, '--out', out);
  assert.match(again.stdout, /0 written, \d+ unchanged, 0 removed \(inputs unchanged/);
  assert.match((await cli('check', '--catalog', catalog, '--out', out)).stdout, shortcut);
  assert.not.match((await cli('check', '--catalog', catalog, '--out', out, '--force')).stdout, shortcut, '--force skips the shortcut');

  // A hand-edited output: the real comparison runs and finds it.
  fs.appendFileSync(path.join(out, 'catalog.json'), ' ');
  const edited = await cli('check', '--catalog', catalog, '--out', out);
  assert.equal([edited.code, /modified: .*catalog\.json/.test(edited.stderr)], [1, true]);
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  // A deleted output.
  fs.rmSync(path.join(out, 'schemas', 'problem.json'));
  const deleted = await cli('check', '--catalog', catalog, '--out', out);
  assert.equal([deleted.code, /missing: .*problem\.json/.test(deleted.stderr)], [1, true]);
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  // A changed catalog (one byte) and a changed template folder.
  fs.appendFileSync(catalog, '# a comment\n');
  assert.not.match((await cli('generate', '--catalog', catalog, '--out', out)).stdout, shortcut);
  assert.match((await cli('generate', '--catalog', catalog, '--out', out)).stdout, shortcut);
  const templates = path.join(dir, 'templates');
  fs.cpSync(path.join(root, 'templates'), templates, { recursive: true });
  assert.match((await cli('check', '--catalog', catalog, '--out', out, '--templates', templates)).stdout, shortcut, 'the same templates elsewhere give the same output');
  fs.appendFileSync(path.join(templates, 'partials', 'group-table.hbs'), '\n');
  const changedTemplate = await cli('check', '--catalog', catalog, '--out', out, '--templates', templates);
  assert.equal([changedTemplate.code, /modified: .*api-errors\.en\.md/.test(changedTemplate.stderr)], [1, true]);
  // A manifest written by another generator (its fingerprint differs): the real run.
  const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8')) as { inputs: string };
  fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify({ ...manifest, inputs: 'another-generator' }));
  assert.not.match((await cli('check', '--catalog', catalog, '--out', out)).stdout, shortcut);
});

test('an output is hashed as it is on disk, whatever its size, the size the check was told, and the files read before it', () => {
  const dir = tempDir();
  // Sizes around the reading buffer's first size (1 MiB) and past it, big files before small ones; each
  // told too small first, so that the buffer grows while the file is read.
  // One past the largest buffer kept (64 MiB): it is read into a buffer of its own.
  const sizes = [0, 1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 8 * 1024 * 1024 + 7, 5, 64 * 1024 * 1024 + 3, 2 * 1024 * 1024];
  sizes.forEach((size, i) => {
    const file = path.join(dir, `f${i}`);
    const bytes = Buffer.alloc(size);
    for (let j = 0; j < size; j += 4093) bytes[j] = (j * 31 + i * 7 + (j >> 8)) & 0xff; // a byte every 4 KB: no two files alike
    fs.writeFileSync(file, bytes);
    const expected = contentHash(fs.readFileSync(file));
    // What fstat said, and sizes it did not say: a file that grew or shrank since.
    for (const hint of [0, Math.floor(size / 2), size, size + 4096]) {
      const fd = fs.openSync(file, 'r');
      try {
        assert.is(hashOpenFile(fd, hint), expected, `${size} bytes, told ${hint}`);
      } finally {
        fs.closeSync(fd);
      }
    }
  });
});

test('an unchanged run repeats the last run\'s warnings, with their code frames', async () => {
  const catalog = catalogFile(MINIMAL.replace('status: 409', 'status: 429'));
  const out = path.join(tempDir(), 'out');
  const first = await cli('generate', '--catalog', catalog, '--out', out);
  const again = await cli('generate', '--catalog', catalog, '--out', out);
  assert.match(again.stdout, /inputs unchanged since the last generate/);
  assert.match(first.stderr, /warning\[lint-retry-after\]/);
  assert.is(again.stderr, first.stderr, 'the same warnings, positions and code frames');
  assert.match(again.stderr, /\| +status: 429\n/);
});

/** A new output folder and stat cache folder, and the options of a run that uses them. */
function withStatCache() {
  const dir = tempDir();
  const out = path.join(dir, 'out');
  const statCache = path.join(dir, 'cache');
  return { out, statCache, options: { catalog: catalogFile(MINIMAL), out, statCache } };
}

/** Files written in the last two seconds are always read (a write in the same tick could hide otherwise): wait that long. */
const pastTheRacyMargin = () => new Promise((resolve) => setTimeout(resolve, 2100));

test('the stat cache: a warm one reads no output file, and an edit that keeps size and mtime is still found', async () => {
  const { out, statCache, options } = withStatCache();
  await generate(options);
  const files = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(out, f)).isFile() && f !== MANIFEST);
  // catalog.json gets a whole-second mtime, which utimes can set again exactly after an edit (below).
  const target = path.join(out, 'catalog.json');
  const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  fs.utimesSync(target, mtime, mtime);
  assert.is((await check(options)).shortcut?.hashed, files.length, 'just written: every file is read');
  await pastTheRacyMargin();
  assert.is((await check(options)).shortcut?.hashed, files.length, 'no cache yet: every file is read');
  assert.is((await check(options)).shortcut?.hashed, 0, 'a warm cache: no file is read');

  // Same size, same mtime, other bytes: the ctime moved, so the file is read and found.
  const before = fs.statSync(target, { bigint: true });
  const text = fs.readFileSync(target, 'utf8');
  fs.writeFileSync(target, text.replace('"', "'"));
  fs.utimesSync(target, mtime, mtime);
  const after = fs.statSync(target, { bigint: true });
  assert.equal([after.size, after.mtimeNs, after.ino], [before.size, before.mtimeNs, before.ino], 'only the ctime tells');
  const edited = await check(options);
  assert.is(edited.shortcut, undefined);
  assert.equal(edited.drift?.modified, ['catalog.json']);

  // A damaged cache is no cache.
  await generate(options);
  for (const f of fs.readdirSync(statCache)) fs.writeFileSync(path.join(statCache, f), '{"root": 1');
  assert.is((await check(options)).shortcut?.hashed, files.length);

  // One cache file per output folder (named by 24 characters of its hash), 64 at most: writing one more
  // removes the oldest. Other files in the folder (the compile cache's) are not the stat cache's to remove.
  const old = new Date(Date.now() - 3_600_000);
  for (let i = 0; i < 70; i++) {
    const name = `other-${String(i).padStart(18, '0')}.json`;
    fs.writeFileSync(path.join(statCache, name), '{}');
    fs.utimesSync(path.join(statCache, name), old, old);
  }
  fs.writeFileSync(path.join(statCache, 'templates-someone-else.specs'), '{}');
  fs.utimesSync(path.join(statCache, 'templates-someone-else.specs'), old, old);
  const ours = fs.readdirSync(statCache).filter((f) => !f.startsWith('other-') && !f.startsWith('templates-'));
  for (const f of ours) fs.rmSync(path.join(statCache, f));
  assert.is((await check(options)).shortcut?.hashed, files.length);
  const kept = fs.readdirSync(statCache).filter((f) => f !== 'templates-someone-else.specs');
  assert.is(kept.length, 64);
  assert.ok(ours.every((f) => kept.includes(f)), 'the cache just written is kept');
  assert.ok(fs.existsSync(path.join(statCache, 'templates-someone-else.specs')), 'a file of another cache is kept');
});

test('the stat cache remembers the manifest once it remembers every file; an edited manifest is read again, never answered from the cache', async () => {
  const { out, statCache, options } = withStatCache();
  await generate(options);
  await pastTheRacyMargin(); // the files and the manifest are old enough to be remembered
  assert.ok((await check(options)).shortcut, 'up to date');
  const cacheOf = () => JSON.parse(fs.readFileSync(path.join(statCache, fs.readdirSync(statCache)[0]!), 'utf8')) as { manifest?: { key: string } };
  const manifestFile = path.join(out, MANIFEST);
  const key = (f: string) => statKey(fs.statSync(f));
  assert.is(cacheOf().manifest?.key, key(manifestFile), 'the manifest is remembered, with its key');
  const warm = await check(options);
  assert.is(warm.shortcut?.hashed, 0, 'a warm cache: no output file is read');
  // The manifest written again, the same bytes: its key changed, so it is read, and then remembered anew.
  fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile));
  await pastTheRacyMargin();
  assert.ok((await check(options)).shortcut, 'still up to date');
  assert.is(cacheOf().manifest?.key, key(manifestFile), 'its new key is remembered');

  // The manifest edited by hand, same size, mtime restored: its ctime moved, so it is read, and its inputs differ.
  const text = fs.readFileSync(manifestFile, 'utf8');
  const { mtime } = fs.statSync(manifestFile);
  const inputs = (JSON.parse(text) as { inputs: string }).inputs;
  const other = inputs.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  fs.writeFileSync(manifestFile, text.replace(inputs, other));
  fs.utimesSync(manifestFile, mtime, mtime);
  const edited = await check(options);
  assert.is(edited.shortcut, undefined, 'not answered from the remembered manifest');
  assert.ok(edited.drift, 'the real comparison ran');
  // A damaged cache (a path that no manifest holds) is no cache.
  await generate({ ...options, force: true });
  await pastTheRacyMargin();
  await check(options);
  const file = path.join(statCache, fs.readdirSync(statCache)[0]!);
  const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: string[] };
  cache.files[0] = '../outside.txt';
  fs.writeFileSync(file, JSON.stringify(cache));
  const files = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(out, f)).isFile() && f !== MANIFEST);
  assert.is((await check(options)).shortcut?.hashed, files.length, 'every file read again');
});

test('a new generator version never takes the old output for up to date', async () => {
  // A copy of the built generator whose package.json says another version.
  const copy = tempDir();
  for (const item of ['.build/generator', '.build/validators', 'templates', 'catalog.schema.json']) fs.cpSync(path.join(root, item), path.join(copy, item), { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ ...manifest, version: `${manifest.version}-next` }));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const catalog = catalogFile(MINIMAL);
  const out = path.join(tempDir(), 'out');
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  const other = spawnSync(process.execPath, [path.join(copy, '.build', 'generator', 'cli.js'), 'check', '--catalog', catalog, '--out', out], { encoding: 'utf8' });
  assert.is(other.status, 0, other.stderr);
  assert.match(other.stdout, /is up to date/);
  assert.not.match(other.stdout, /unchanged since the last generate/);
});

test('a missing templates folder or catalog is a usage error (exit 2) with a message, never a stack trace', async () => {
  const missing = await cli('generate', '--catalog', catalogFile(MINIMAL), '--out', path.join(tempDir(), 'out'), '--templates', '/no/such/templates');
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /^error-catalog: cannot read the templates folder '\/no\/such\/templates': no such folder\n/);
  assert.not.match(missing.stderr, /\n\s+at /);
  const catalog = await cli('check', '--catalog', '/no/such/catalog.yaml');
  assert.equal([catalog.code, catalog.stderr], [2, "error-catalog: cannot read '/no/such/catalog.yaml': no such file\n"]);
});

test.run();
