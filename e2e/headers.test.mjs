// Headers a static host can carry (issue 8): Parallax's server sends the CSP as a header, so
// it also binds the workers, plus frame-ancestors and nosniff; dist/_headers says the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite } from './helpers/site.mjs';
import { siteDir } from './helpers/serve.mjs';
import { headersFile, policyOf } from '../scripts/serve.mjs';

const site = useSite();

test('every response carries the CSP with frame-ancestors, nosniff and the right type', async () => {
  const csp = policyOf(siteDir());
  assert.match(csp, /frame-ancestors 'none'$/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  for (const [path, type] of [
    ['', /^text\/html/],
    ['worker.js', /^text\/javascript/],
    ['pkg/parallax_bg.wasm', /^application\/wasm$/],
    ['seeds/index.json', /^application\/json/],
    ['no-such-file', /^text\/plain/],
  ]) {
    const res = await fetch(site.url + path);
    assert.equal(res.headers.get('content-security-policy'), csp, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.match(res.headers.get('content-type'), type, path);
  }
});

test('dist/_headers ships the same headers for static hosts', () => {
  const shipped = readFileSync(join(siteDir(), '_headers'), 'utf8');
  assert.equal(shipped, headersFile(siteDir()));
  assert.ok(shipped.includes(`  Content-Security-Policy: ${policyOf(siteDir())}\n`));
  assert.match(shipped, /^\/\*\n(  .+\n)*  X-Content-Type-Options: nosniff\n/m);
  assert.match(shipped, /^\/\*\.wasm\n  Content-Type: application\/wasm$/m);
});

test('the workers run under the policy: nothing from another origin or a data: URL', async () => {
  const page = await site.open();
  const [worker] = page.workers();
  assert.ok(worker, 'an analyzer worker is running');
  const verdict = await worker.evaluate(async () => {
    const attempt = (p) => p.then(() => 'allowed', (e) => e.name);
    return {
      sameOrigin: await attempt(fetch('./seeds/index.json')),
      dataModule: await attempt(import('data:text/javascript,export default 1')),
    };
  });
  assert.deepEqual(verdict, { sameOrigin: 'allowed', dataModule: 'TypeError' });
  page.expectErrors(); // the refusals are reported on the console
});

test('the page cannot be framed by another origin', async () => {
  const page = await site.open('', { wait: false, before: (p) => p.route('http://framer.invalid/', (r) => r.fulfill({ contentType: 'text/html', body: `<iframe src="${site.url}"></iframe>` })) });
  page.expectErrors();
  await page.goto('http://framer.invalid/');
  await page.waitForTimeout(1000);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, 'the iframe exists');
  const inside = await frame.evaluate(() => (document.getElementById('status') ? 'Parallax' : 'blocked')).catch(() => 'blocked');
  assert.equal(inside, 'blocked', 'the site did not load in the frame');
});
