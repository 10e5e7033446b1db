// The HTML module (issue 12, issue 9): the HTML parser is a second wasm module that a worker
// loads on the first web page only. A plain-text drop never fetches it; a web page, dropped or
// pasted, does and is read by it; offline, the service worker has it after the first visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, waitForCorpus } from './helpers/site.mjs';
import { drop, articleCount, reading } from './helpers/drop.mjs';

const site = useSite();
const PAGE = readFileSync(new URL('./fixtures/files/saved-page.html', import.meta.url), 'utf8');
const TITLE = 'Tehran watches Baku’s ties with Israel';
const TXT = 'Tehran criticized Baku over its ties with Israel, a spokesman said on Tuesday.';

/** The server's requests for the HTML module's files since `from`. */
const htmlModuleRequests = (from) => site.requests.slice(from).filter((p) => /\/pkg\/parallax_html(_bg\.wasm|\.js)$/.test(p));

test('a .txt drop never fetches the HTML module; the first web page does, and is read by it', async () => {
  const from = site.requests.length;
  const page = await site.open();
  assert.ok(site.requests.slice(from).some((p) => p.endsWith('/pkg/parallax_bg.wasm')), 'the main module was fetched');
  await drop(page, [{ name: 'plain.txt', text: TXT, type: 'text/plain' }]);
  await articleCount(page, 6);
  await reading(page, 'Tehran criticized Baku');
  assert.deepEqual(htmlModuleRequests(from), [], 'no HTML module for plain text');

  await drop(page, [{ name: 'saved-page.html', text: PAGE, type: 'text/html' }]);
  await articleCount(page, 7);
  await reading(page, TITLE);
  const fetched = htmlModuleRequests(from);
  assert.ok(fetched.some((p) => p.endsWith('parallax_html_bg.wasm')), `the HTML module was fetched: ${fetched}`);
  const text = await page.textContent('#text');
  assert.match(text, /Iran warned Azerbaijan on Monday/);
  assert.ok(!text.includes('Share on Facebook'), 'extracted by the reader view, not the whole page');
  assert.match(await page.textContent('#reader-byline'), /Example Herald/);
  const marks = await page.$$eval('#text mark.mention', (els) => els.map((e) => e.textContent));
  assert.ok(marks.includes('Azerbaijan'), `the page's text is analyzed: ${marks}`);
});

test('a Markdown note, dropped or pasted, is read by the HTML module too (the main module has no Markdown parser)', async () => {
  const note = '# Talks in Baku\n\nTehran *criticized* Baku over its ties with [Israel](https://example.com/israel), a spokesman said.\n\n- one\n- two\n';
  const from = site.requests.length;
  const page = await site.open();
  await drop(page, [{ name: 'note.md', text: note, type: 'text/markdown' }]);
  await articleCount(page, 6);
  await reading(page, 'Talks in Baku');
  const fetched = htmlModuleRequests(from);
  assert.ok(fetched.some((p) => p.endsWith('parallax_html_bg.wasm')), `the HTML module was fetched: ${fetched}`);
  const text = await page.textContent('#text');
  assert.match(text, /Tehran criticized Baku over its ties with Israel/);
  assert.ok(!/[*#]|\]\(/.test(text), `Markdown syntax removed: ${text}`);
  assert.match(await page.textContent('#reader-byline'), /markdown/);

  const again = await site.open();
  await again.click('#paste-open');
  await again.fill('#paste-text', note.replace('Talks in Baku', 'Pasted talks'));
  await again.click('#paste-submit');
  await reading(again, 'Pasted talks');
  assert.ok(!/[*#]|\]\(/.test(await again.textContent('#text')), 'pasted Markdown read as a note');
});

test('pasted HTML goes through the HTML module too', async () => {
  const from = site.requests.length;
  const page = await site.open();
  await page.click('#paste-open');
  await page.fill('#paste-text', PAGE);
  await page.click('#paste-submit');
  await reading(page, TITLE);
  assert.ok(!(await page.textContent('#text')).includes('Leave a Reply'), 'comments and furniture apart');
  assert.ok(htmlModuleRequests(from).length > 0, 'the HTML module was fetched');
});

test('offline after the first visit, a web page is still read', async () => {
  const page = await site.open('', { context: { serviceWorkers: 'allow' } });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 20_000 });
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) urls.push(r.url);
    return urls;
  });
  assert.ok(cached.some((u) => u.endsWith('/pkg/parallax_html_bg.wasm')), 'the service worker cached the HTML module');
  await page.context().setOffline(true);
  await page.reload();
  await waitForCorpus(page);
  await drop(page, [{ name: 'offline.html', text: PAGE, type: 'text/html' }]);
  await articleCount(page, 6);
  await reading(page, TITLE);
  assert.match(await page.textContent('#text'), /Iran warned Azerbaijan on Monday/);
});
