/**
 * Diagnostics where CI shows them: `--format sarif` validates against the official SARIF 2.1.0 schema
 * (draft-04, as published) and carries every diagnostic with its rule and region; `--format github` is one
 * workflow command per diagnostic, escaped as GitHub reads it. For validate, generate, check and diff.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { MINIMAL, catalogFile, cli, root, tempDir } from './helpers.js';

const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const Ajv = AjvDraft04 as unknown as new (options: object) => { compile: (s: object) => ((data: unknown) => boolean) & { errors?: unknown } };
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);

/** Three mistakes and a warning (a translation missing). */
const FLAWED = MINIMAL.replace('status: 404', 'status: 200').replace('code: out-of-stock', 'code: "out of stock"').replace("title: { en: Orders, fr: Commandes }", 'title: { en: Orders }').replace('        resolution: Check the id.', '        resolutoin: "Check the id, 100%\\nthen retry"');

type Sarif = { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[] }[] }[] };

test('--format sarif: a SARIF 2.1.0 log the official schema accepts, one result per diagnostic, rules described', async () => {
  const catalog = catalogFile(FLAWED);
  const json = JSON.parse((await cli('validate', '--catalog', catalog, '--format', 'json')).stdout) as { rule: string; line: number; column: number; severity: string }[];
  for (const command of ['validate', 'generate', 'check']) {
    const result = await cli(command, '--catalog', catalog, '--out', path.join(tempDir(), 'out'), '--format', 'sarif');
    assert.is(result.code, 1);
    const log = JSON.parse(result.stdout) as Sarif;
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors)?.slice(0, 800));
    const run = log.runs[0]!;
    assert.equal(
      run.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region!.startLine, r.locations[0]!.physicalLocation.region!.startColumn]),
      json.map((d) => [d.rule, d.severity, d.line, d.column]),
      command,
    );
    for (const r of run.results) assert.is(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
  }
});

test('--format sarif on check: each out-of-date file is a result', async () => {
  const out = path.join(tempDir(), 'out');
  const catalog = catalogFile(MINIMAL);
  assert.is((await cli('generate', '--catalog', catalog, '--out', out)).code, 0);
  fs.rmSync(path.join(out, 'catalog.json'));
  const result = await cli('check', '--catalog', catalog, '--out', out, '--format', 'sarif');
  assert.is(result.code, 1);
  const log = JSON.parse(result.stdout) as Sarif;
  assert.ok(validateSarif(log));
  assert.equal(log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('/catalog.json')]), [['output-drift', true]]);
});

test('--format github: one annotation per diagnostic, escaped as GitHub parses workflow commands', async () => {
  const catalog = catalogFile(FLAWED);
  const json = JSON.parse((await cli('validate', '--catalog', catalog, '--format', 'json')).stdout) as { rule: string; line: number; column: number; severity: string; message: string }[];
  const result = await cli('validate', '--catalog', catalog, '--format', 'github');
  assert.is(result.code, 1);
  const lines = result.stdout.trimEnd().split('\n');
  assert.is(lines.length, json.length);
  lines.forEach((line, i) => {
    const d = json[i]!;
    const match = /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=([^:]+)::(.*)$/.exec(line);
    assert.ok(match, line);
    const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    assert.equal([match![1], unescape(match![2]!), Number(match![3]), Number(match![4]), unescape(match![5]!), unescape(match![6]!)], [d.severity, catalog, d.line, d.column, `error-catalog ${d.rule}`, d.message]);
  });
});
test.run();
