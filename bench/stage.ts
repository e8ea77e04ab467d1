/**
 * Times one stage of the pipeline in a fresh process: runs the stages before it untimed, then the
 * named one, and prints `{ "ms": … }`. Usage: node stage.js <load|validate|model|emit:NAME|write> CATALOG OUT
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCatalog } from '../generator/catalog/load.js';
import { validateCatalog } from '../generator/catalog/validate.js';
import { buildModel } from '../generator/catalog/model.js';
import { emitters } from '../generator/emit/index.js';
import { emitAll, defaultTemplatesDir } from '../generator/index.js';
import { writeOutput } from '../generator/write.js';
import { loadTemplates } from '../generator/templates.js';

const [stage, catalog, out] = process.argv.slice(2) as [string, string, string];
const options = { sourceName: 'catalog.yaml', templates: (await loadTemplates(defaultTemplatesDir)).set };

async function time<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const text = readFileSync(catalog, 'utf8');
let ms: number;
if (stage === 'load') {
  ms = (await time(() => parseCatalog(text, catalog))).ms;
} else {
  const loaded = parseCatalog(text, catalog);
  if (stage === 'validate') {
    ms = (await time(() => validateCatalog(loaded))).ms;
  } else {
    const raw = validateCatalog(loaded).catalog;
    if (!raw) throw new Error('the benchmark catalog is invalid');
    if (stage === 'model') {
      ms = (await time(() => buildModel(raw))).ms;
    } else {
      const model = buildModel(raw);
      if (stage === 'emit:pages:site' || stage === 'emit:pages:docs') {
        // The pages emitter renders every template; here only the site's (or only the markdown pages').
        const prefix = stage === 'emit:pages:site' ? 'site/' : 'docs/';
        const subset = { ...options, templates: { ...options.templates, templates: options.templates.templates.filter((t) => t.path.startsWith(prefix)) } };
        ms = (await time(() => emitters.find((e) => e.name === 'pages')!.emit(model, subset))).ms;
      } else if (stage.startsWith('emit:')) {
        const emitter = emitters.find((e) => e.name === stage.slice(5));
        if (!emitter) throw new Error(`no emitter '${stage.slice(5)}'`);
        // Loading its libraries is not its running time (the pipeline loads them on another thread meanwhile).
        const { emitTypeScript } = await import('../generator/emit/typescript/emit.js');
        ms = (await time(async () => (emitter.name === 'typescript' ? emitTypeScript(model, options) : (await emitter.emit(model, options)).files))).ms;
      } else if (stage === 'write') {
        const { files } = await emitAll(model, options);
        ms = (await time(() => writeOutput(out, files))).ms;
      } else {
        throw new Error(`unknown stage '${stage}'`);
      }
    }
  }
}
process.stdout.write(JSON.stringify({ ms }) + '\n');
