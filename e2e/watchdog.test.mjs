// Nothing a reader drops can freeze the page (issue 8) and the analyzer pool (issue 9): a job
// that runs over its time limit is stopped, its worker replaced, the file named; the queue
// goes on and nothing saved is touched. Every way in has the same size limit, checked before
// a file is read, and names are shown without control or bidi characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSite, listed, waitForCorpus } from './helpers/site.mjs';
import { drop, notice, articleCount, reading, storedCount } from './helpers/drop.mjs';

const site = useSite();
const MB = 1024 * 1024;
const ARTICLE = 'Tehran warned Baku on Monday that its ties with Israel threaten the region, a spokesman said.';

/** A real, legal input that is slow: just under the size limit, dense with mentions. */
function hugeText() {
  const line = 'Iran warned Israel. Baku answered Tehran. ';
  return line.repeat(Math.floor((5 * MB - 1024) / line.length));
}

test('a file that runs over its time limit is stopped and named; the next file is added; nothing saved is touched', async () => {
  // A small time budget from the address (no test hook in the code): 0.3 s for any job.
  // The 5 MB file needs far more even at the speed issue 9 aims for (8 MB/s: 0.6 s); the
  // small file needs milliseconds. (At 1.5 s a faster core finished the big file in time.)
  const page = await site.open('?budget=300,0&workers=1');
  await drop(page, [{ name: 'saved-before.txt', text: ARTICLE }]);
  await articleCount(page, 6);
  await storedCount(page, 1);
  const started = Date.now();
  await drop(page, [
    { name: 'huge.txt', text: hugeText() },
    // Plain text: a Markdown note would load the HTML module in the fresh worker within
    // the same 0.3 s, which a busy machine can miss.
    { name: 'normal.txt', text: 'After the hang\n\nIsrael and Azerbaijan signed a deal; Iran objected.' },
  ]);
  const msg = (await notice(page, 'huge.txt', 30_000)).find((t) => t.includes('huge.txt'));
  assert.match(msg, /^“huge\.txt” was stopped: it took longer than 0\.3 s and was stopped\. The analyzer was restarted; nothing else is affected\./);
  await articleCount(page, 7, 30_000);
  const titles = (await listed(page)).map((a) => a.title);
  assert.ok(titles.includes('After the hang'), titles.join(' | '));
  assert.ok(!titles.some((t) => t.startsWith('Iran warned Israel. Baku')), 'the hung file was not added');
  await storedCount(page, 2);
  assert.ok(Date.now() - started < 30_000);
  // The page answered all along: the search box takes input.
  await page.fill('#search', 'normal.txt');
  await page.waitForFunction(() => document.querySelectorAll('#list .item').length === 1);
  assert.deepEqual((await listed(page)).map((a) => a.title), ['After the hang']);
});

test('control: with the default budget the same slow file is legal work: it is not stopped, and it and the file after it are added', async () => {
  // The default limit scales with size (5 s + 10 s per MB), so only the tiny budget above
  // is what stopped the file; nothing here depends on how fast this machine is.
  const page = await site.open('?workers=1');
  await drop(page, [
    { name: 'huge.txt', text: hugeText() },
    { name: 'normal.md', text: '# After the hang\n\nIsrael and Azerbaijan signed a deal; Iran objected.' },
  ]);
  await articleCount(page, 7, 120_000);
  const messages = await page.$$eval('#notices .notice-text', (els) => els.map((e) => e.textContent));
  assert.ok(!messages.some((t) => t.includes('was stopped')), messages.join(' | '));
  const titles = (await listed(page)).map((a) => a.title);
  assert.ok(titles.includes('After the hang'), titles.join(' | '));
});

test('a pool of workers: many files are analyzed in parallel and listed in the order dropped', async () => {
  const page = await site.open('?workers=2');
  const files = Array.from({ length: 12 }, (_, i) => ({ name: `f-${String(i).padStart(2, '0')}.md`, text: `# Parallel ${String(i).padStart(2, '0')}\n\n${'Tehran and Baku discussed Israel again. '.repeat(50 + 200 * (i % 3))}` }));
  await drop(page, files);
  await articleCount(page, 17);
  const titles = (await listed(page)).slice(5).map((a) => a.title);
  assert.deepEqual(titles, files.map((_, i) => `Parallel ${String(i).padStart(2, '0')}`));
  await storedCount(page, 12);
});

test('one size limit for every way in, checked before reading, with a message naming the file', async () => {
  const page = await site.open();
  const big = 'Iran and Israel. '.repeat(Math.ceil((6 * MB) / 17));
  // Drop.
  await drop(page, [{ name: 'too-big.txt', text: big }, { name: 'fine.txt', text: ARTICLE }]);
  const all = await notice(page, 'too-big.txt');
  assert.match(all.find((t) => t.includes('too-big.txt')), /^“too-big\.txt” is 6 MB; the limit is 5 MB\. Split it into smaller files and add those\./);
  await articleCount(page, 6);
  // Folder.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-big-'));
  writeFileSync(join(dir, 'huge-in-folder.txt'), big);
  writeFileSync(join(dir, 'small.txt'), 'Baku thanked Israel for its support, officials in Azerbaijan said.');
  await page.setInputFiles('#folder-input', dir);
  assert.match((await notice(page, 'huge-in-folder.txt')).find((t) => t.includes('huge-in-folder.txt')), /is 6 MB; the limit is 5 MB/);
  await articleCount(page, 7);
  // Paste.
  await page.click('#paste-open');
  await page.evaluate((t) => (document.getElementById('paste-text').value = t), big);
  await page.click('#paste-submit');
  assert.match(await page.textContent('#paste-error'), /^The pasted text is 6 MB; the limit is 5 MB\./);
  await page.click('#paste-cancel');
  // Import: the large article is named and left out, the others come in.
  const articles = [
    { origin: 'file', fileName: 'ok.txt', text: 'Israel praised its partnership with Azerbaijan on Friday.', meta: { title: 'Small import' } },
    { origin: 'file', fileName: 'big.txt', text: big, meta: { title: 'Big import' } },
  ];
  await page.setInputFiles('#import-input', { name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'parallax-corpus', version: 1, articles })) });
  assert.match((await notice(page, 'Big import')).find((t) => t.includes('Big import')), /^“Big import” in “mixed\.json” is 6 MB; the limit is 5 MB\..*It was not imported\./);
  await articleCount(page, 8);
  await storedCount(page, 3);
});

test('names are shown without control or bidi characters; an unreadable file of a folder is named and the rest added', async () => {
  const page = await site.open('?workers=1');
  await drop(page, [{ name: 'invoice\u202Etxt.exe\u0007.md', text: '# Reversed name\n\nIran, Israel and Azerbaijan.' }]);
  await reading(page, 'Reversed name');
  const byline = await page.textContent('#reader-byline');
  assert.match(byline, /invoicetxt\.exe\.md/);
  assert.doesNotMatch(await page.textContent('body'), /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u0007]/);

  // A folder whose second file changes on disk after it was picked: the browser then refuses
  // to read it (NotReadableError). The browser may take a file's snapshot (size, time) only
  // when the page first asks its size, which the queue does when it starts the job, so the
  // change is written once the queue shows the batch. A slow first file (the largest legal
  // one, seconds of work for one analyzer) keeps the worker busy until after the change.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-unreadable-'));
  writeFileSync(join(dir, 'a-slow.txt'), hugeText());
  writeFileSync(join(dir, 'b-changed.txt'), 'This file will change before it is read.');
  writeFileSync(join(dir, 'c-fine.md'), '# Still added\n\nIsrael and Azerbaijan signed a deal.');
  await page.setInputFiles('#folder-input', dir);
  await page.waitForFunction(() => /Adding 1 of 3/.test(document.getElementById('status').textContent), null, { timeout: 20_000 });
  writeFileSync(join(dir, 'b-changed.txt'), 'Changed after being picked: the browser will not read the old snapshot.');
  // A file system with a coarse clock may give the change the same time as the original:
  // the change is also dated a day back, so the browser sees it whatever the clock's grain.
  const dayAgo = new Date(Date.now() - 86_400_000);
  utimesSync(join(dir, 'b-changed.txt'), dayAgo, dayAgo);
  const msg = (await notice(page, 'b-changed.txt', 60_000)).find((t) => t.includes('b-changed.txt'));
  assert.match(msg, /b-changed\.txt” was skipped: it could not be read/);
  await articleCount(page, 8, 60_000);
  assert.ok((await listed(page)).some((a) => a.title === 'Still added'));
});
