// Offline and installable (issue 5): the service worker serves the page, the analyzer and
// the seeds after the first visit, from a sub-path; new deployments wait for a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { useSite, waitForCorpus } from './helpers/site.mjs';
import { serve, siteDir } from './helpers/serve.mjs';
import { openPage } from './helpers/browser.mjs';
import { drop, articleCount } from './helpers/drop.mjs';

const site = useSite();

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 20_000 });
}

// dist/ holds the page's modules bundled (scripts/bundle.mjs): the precache list is written
// from what dist/ holds, not copied from www/.
test("dist/sw.js precaches every file of the built page, and only files that exist", () => {
  const dir = siteDir();
  const files = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
  const want = files(dir)
    .map((p) => './' + relative(dir, p).split('\\').join('/'))
    .filter((f) => !/\.(gz|br)$/.test(f) && !['./sw.js', './VERSION', './_headers'].includes(f) && !/^\.\/seeds\/(?!index\.json$)/.test(f));
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const shell = sw.match(/const SHELL = \[([^\]]*)\]/)[1];
  const listed = [...shell.matchAll(/'(\.\/[^']*)'/g)].map((m) => m[1]).filter((f) => f !== './');
  assert.deepEqual([...listed].sort(), [...want].sort());
  for (const f of ['./index.html', './app.js', './boot.js', './worker.js', './pkg/parallax_bg.wasm']) assert.ok(listed.includes(f), f);
  // Bundled: a handful of scripts where www/ has dozens of modules.
  assert.ok(want.filter((f) => f.endsWith('.js') && !f.startsWith('./pkg/')).length <= 12, 'dist/ is not bundled');
});

test('after the first visit, the page works with the network off', async () => {
  const page = await site.open('', { context: { serviceWorkers: 'allow' } });
  await controlled(page);
  await page.context().setOffline(true);
  await page.reload();
  await waitForCorpus(page);
  await page.click('#list .item:nth-child(3) a');
  await page.waitForSelector('#text mark.mention');
  // Analysis needs no network either.
  await drop(page, [{ name: 'offline.txt', text: 'Tehran criticized Baku over its ties with Israel while offline.' }]);
  await articleCount(page, 6);
  const manifest = await page.evaluate(async () => (await fetch('./manifest.webmanifest')).json());
  assert.equal(manifest.start_url, './');
});

test('control: without the service worker the same offline reload fails', async () => {
  const page = await site.open('', { context: { serviceWorkers: 'block' } });
  page.expectErrors();
  await page.context().setOffline(true);
  await assert.rejects(page.reload(), /ERR_INTERNET_DISCONNECTED/);
});

test('a new deployment is announced and taken only on reload', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-deploy-'));
  cpSync(siteDir(), dir, { recursive: true });
  const sw = join(dir, 'sw.js');
  const original = readFileSync(sw, 'utf8');
  const stamp = (v) => writeFileSync(sw, original.replace(/const VERSION = '[^']*'/, `const VERSION = '${v}'`));
  stamp('deploy-one');
  const server = await serve(dir);
  const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
  try {
    const page = await openPage(ctx);
    await page.goto(server.url);
    await waitForCorpus(page);
    await controlled(page);
    const caches = () => page.evaluate(() => caches.keys());
    assert.deepEqual(await caches(), ['parallax-deploy-one']);

    stamp('deploy-two');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForSelector('#notices .notice-update', { timeout: 20_000 });
    assert.match(await page.textContent('#notices .notice-update'), /new version/i);
    // Until the reader chooses, the old version keeps serving.
    assert.ok((await caches()).includes('parallax-deploy-one'));
    await Promise.all([page.waitForEvent('load'), page.click('#notices .notice-update button:has-text("Reload")')]);
    await waitForCorpus(page);
    await page.waitForFunction(async () => (await caches.keys()).join() === 'parallax-deploy-two');
    assert.deepEqual(page.problems(), []);
  } finally {
    await ctx.close();
    await server.close();
  }
});
