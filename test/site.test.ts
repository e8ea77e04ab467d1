/**
 * The HTML site in a real browser: headless Chromium (Debian's package, driven by playwright-core) over the
 * generated site served on 127.0.0.1 the way a static host serves it. Every type URI lands on its entry,
 * which shows the catalog's texts exactly; the filter finds a problem by code and by title; the language
 * switch keeps the fragment; no console error (the Content-Security-Policy included); no serious axe-core
 * violation; the hazard texts render as text. A screenshot of the French page is written to .build/screenshots/.
 *
 * Locally: `apt-get install chromium` (or set CHROMIUM to a Chromium binary). Without a browser these tests
 * are skipped with a notice, except in CI (CI=true), where a missing browser fails them.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { validate } from '../generator/index.js';
import type { CatalogModel } from '../generator/catalog/model.js';
import { cli, fixtures, root, tempDir } from './helpers.js';

const executablePath = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const available = fs.existsSync(executablePath);
const site = suite('site');

/** Serves a folder as a static host does: `/a` redirects to `/a/`, a folder serves its index.html. */
function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, pathname);
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return void response.writeHead(301, { location: `${pathname}/` }).end();
      return void send(path.join(file, 'index.html'));
    }
    send(file);
    function send(target: string) {
      if (!fs.existsSync(target)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' }).end(fs.readFileSync(target));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) })),
  );
}

let browser: Browser | undefined;
const cleanup: (() => Promise<void>)[] = [];

site.before(async () => {
  if (!available) {
    if (process.env['CI'] === 'true') throw new Error(`no Chromium at ${executablePath}: .ci/run installs Debian's chromium package`);
    return;
  }
  // The flags a closed network needs: no background connections, no first-run work.
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});

site.after(async () => {
  for (const step of cleanup) await step();
  await browser?.close();
});

/** Generates a catalog and serves its site; the model beside. */
async function published(catalog: string): Promise<{ url: string; model: CatalogModel; out: string }> {
  const out = path.join(tempDir(), 'out');
  const result = await cli('generate', '--catalog', catalog, '--out', out);
  assert.is(result.code, 0, result.stderr);
  const server = await serve(path.join(out, 'site'));
  cleanup.push(server.close);
  return { url: server.url, model: (await validate(catalog)).model!, out };
}

/** A page that records console errors and uncaught exceptions (a CSP violation is a console error). */
async function watchedPage(options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ bypassCSP: options.bypassCSP ?? false, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** The URL a type URI maps to when the site is published at the catalog's typeBase, in a locale. */
const published_ = (url: string, model: CatalogModel, type: string, locale: string) =>
  `${url}${locale === model.defaultLocale ? '' : `/${locale}`}${type.slice(model.typeBase.length)}`;

const catalogs = { default: path.join(root, 'catalog.yaml'), hazards: path.join(fixtures, 'hazards', 'catalog.yaml') };

for (const [name, catalog] of Object.entries(catalogs)) {
  site(`${name}: every type URI lands on its entry, in view, with the catalog's texts exactly; no console error; text stays text`, async () => {
    if (!browser) return console.warn(`site tests skipped: no Chromium at ${executablePath}`);
    const { url, model } = await published(catalog);
    const { page, errors } = await watchedPage();
    for (const locale of model.locales) {
      for (const p of model.problems.filter((p) => p.type.startsWith(`${model.typeBase}/`))) {
        const target = published_(url, model, p.type, locale);
        await page.goto(target);
        const fragment = p.type.slice(p.type.indexOf('#') + 1);
        const entry = page.locator(`[id="${fragment}"]`);
        assert.is(await entry.count(), 1, `${target}: one element with id ${fragment}`);
        assert.ok(await entry.isVisible(), target);
        const box = (await entry.boundingBox())!;
        assert.ok(box.y >= -1 && box.y < 800, `${target}: the entry is in view (top at ${box.y})`);
        assert.is(await page.getAttribute('html', 'lang'), locale);
        type Element = { querySelector: (selector: string) => { textContent: string | null } | null };
        const texts = await entry.evaluate((el: Element) => ({
          title: el.querySelector('h2')!.textContent!,
          code: el.querySelector('h2 code')!.textContent!,
          description: el.querySelector('.description')?.textContent ?? null,
          resolution: el.querySelector('.resolution')?.textContent ?? null,
          detail: el.querySelector('.detail')?.textContent ?? null,
        }));
        assert.equal(texts, {
          title: `${p.code} ${p.title[locale]}`,
          code: p.code,
          description: p.description?.[locale] ?? null,
          resolution: p.resolution?.[locale] ?? null,
          detail: p.detail?.template[locale] ?? null,
        });
      }
      // The hazards' <script> and <b> texts are text: the only script is the site's own, no <b> anywhere.
      // (The callback runs in the page; this project's own TypeScript has no DOM types.)
      assert.equal(await page.evaluate(() => [...(globalThis as unknown as { document: { scripts: { src: string }[] } }).document.scripts].map((s) => new URL(s.src).pathname)), ['/site.js']);
      assert.is(await page.locator('main b').count(), 0);
    }
    assert.equal(errors, []);
    await page.context().close();
  });
}

site('the index filter finds a problem by code and by title; without a match it says so', async () => {
  if (!browser) return;
  const { url, model } = await published(catalogs.default);
  const { page, errors } = await watchedPage();
  await page.goto(`${url}/`);
  const visibleCodes = () => page.locator('li[data-filter]:visible code').allTextContents();
  assert.is((await visibleCodes()).length, model.problems.length, 'without a query, everything');
  await page.fill('#filter', 'throttled');
  assert.equal(await visibleCodes(), ['throttled']);
  await page.fill('#filter', 'enough credit');
  assert.equal(await visibleCodes(), ['out-of-credit']);
  await page.fill('#filter', 'no such problem at all');
  assert.equal(await visibleCodes(), []);
  assert.ok(await page.locator('#no-match').isVisible());
  // The French index filters on French titles.
  await page.goto(`${url}/fr/`);
  await page.fill('#filter', 'Trop de requêtes');
  assert.equal(await visibleCodes(), ['throttled']);
  assert.equal(errors, []);
  await page.context().close();
});

site('the language switch keeps the anchor; the French page is screenshotted', async () => {
  if (!browser) return;
  const { url } = await published(catalogs.default);
  const { page, errors } = await watchedPage();
  await page.goto(`${url}/whatsapp-provisioning#throttled`);
  await page.click('nav.languages a[hreflang="fr"]');
  await page.waitForURL(/\/fr\/whatsapp-provisioning\/#throttled$/);
  assert.ok(await page.locator('[id="throttled"]').isVisible());
  assert.is(await page.getAttribute('html', 'lang'), 'fr');
  await page.click('nav.languages a[hreflang="en"]');
  await page.waitForURL(/\/whatsapp-provisioning\/#throttled$/);
  assert.is(await page.getAttribute('html', 'lang'), 'en');
  await page.goto(`${url}/fr/account/#out-of-credit`);
  const shots = path.join(root, '.build', 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'site-fr.png'), fullPage: false });
  assert.ok(fs.statSync(path.join(shots, 'site-fr.png')).size > 1000);
  assert.equal(errors, []);
  await page.context().close();
});

site('axe-core finds no serious or critical accessibility violation on the index and a group page, in each locale', async () => {
  if (!browser) return;
  const { url, model } = await published(catalogs.default);
  const axe = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // axe is injected, which the site's own policy forbids: this context alone bypasses it.
  const { page } = await watchedPage({ bypassCSP: true });
  for (const locale of model.locales) {
    for (const at of ['/', `/${model.groups[0]!.id}/`]) {
      await page.goto(`${url}${locale === model.defaultLocale ? '' : `/${locale}`}${at}`);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
      });
      assert.equal(violations, [], `${locale} ${at}`);
    }
  }
  await page.context().close();
});

site.run();
