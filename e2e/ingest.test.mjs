// Drop anything, lose nothing (issue 5): ingest through every way in, refusals with reasons,
// persistence across reloads, export/reset/import, storage failures, a queue with cancel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSite, listed, waitForCorpus } from './helpers/site.mjs';
import { drop, notice, articleCount, reading, storedCount, utf16le, cp1252 } from './helpers/drop.mjs';

const site = useSite();
const FILES = new URL('./fixtures/files/', import.meta.url);
const file = (name) => readFileSync(new URL(name, FILES), 'utf8');

const ARTICLE = 'Iranian Foreign Minister Hossein Amir-Abdollahian told reporters on Monday that the Zionist regime threatens the region. Hikmət Hacıyev, an aide to President Ilham Aliyev, rejected the claim and said Azerbaijan’s ties with Israel threaten no one.';

/** Fails the test on any dialog (alert, confirm…) and records requests leaving 127.0.0.1. */
function guard(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return {
    dialogs,
    foreign: () => page.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(u)),
  };
}

test('a dropped .txt is analyzed, shown, and listed; the drop target shows while dragging', async () => {
  const page = await site.open();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'x.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  assert.ok(await page.isVisible('#dropzone'), 'visible drop target while dragging');
  await drop(page, [{ name: 'aide.txt', text: ARTICLE, type: 'text/plain' }]);
  await articleCount(page, 6);
  assert.ok(!(await page.isVisible('#dropzone')));
  await reading(page, 'Iranian Foreign Minister');
  assert.match(await page.textContent('#reader-byline'), /aide\.txt/);
  const marks = await page.$$eval('#text mark.mention', (els) => els.map((e) => e.textContent));
  assert.ok(marks.includes('Hikmət Hacıyev'), `Azerbaijani letters highlighted intact: ${marks}`);
  assert.ok(await page.isVisible('#remove-article'), 'added articles can be removed');
});

test('a saved web page: article kept, boilerplate dropped, comments apart, nothing run or fetched', async () => {
  const page = await site.open();
  const g = guard(page);
  const scripts = await page.evaluate(() => document.scripts.length);
  await drop(page, [{ name: 'saved-page.html', text: file('saved-page.html'), type: 'text/html' }]);
  await articleCount(page, 6);
  await reading(page, 'Tehran watches Baku’s ties with Israel');
  const text = await page.textContent('#text');
  assert.match(text, /Iran warned Azerbaijan on Monday/);
  for (const junk of ['Subscribe', 'Share on Facebook', 'Leave a Reply', 'Privacy', 'window.__pwned', 'alert(']) assert.ok(!text.includes(junk), `"${junk}" is not article text`);
  assert.ok(!text.includes('Zionist regime will never'), 'comments are not article text');
  assert.ok(await page.isVisible('#comments'), 'comments shown apart');
  assert.match(await page.textContent('#comment-list'), /Zionist regime will never be a friend/);
  const byline = await page.textContent('#reader-byline');
  assert.match(byline, /Example Herald/);
  assert.match(byline, /Jane Reporter/);
  assert.match(byline, /html/);
  // The comment's "Zionist regime" is no evidence for the article's viewpoint.
  const evidence = await page.$$eval('#why .ev-text', (els) => els.map((e) => e.textContent).join(' | '));
  assert.ok(!/Zionist regime will never/.test(evidence), evidence);
  // Inert: no script, no handler, no fetch of what the page names.
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.scripts.length), scripts);
  assert.equal(await page.$$eval('#reader img, #reader iframe, #reader script, #reader [onerror]', (e) => e.length), 0);
  assert.notEqual(await page.title(), 'pwned');
  assert.deepEqual(g.dialogs, []);
  assert.deepEqual(g.foreign(), [], 'no request left 127.0.0.1');
});

test('Markdown, UTF-16 and Windows-1252 files are read correctly and say how', async () => {
  const page = await site.open();
  await drop(page, [{ name: 'note.md', text: file('note.md'), type: 'text/markdown' }]);
  await reading(page, 'A note on Baku and Jerusalem');
  const md = await page.textContent('#text');
  assert.ok(!/[*#>]|\]\(/.test(md), `Markdown syntax removed: ${md}`);
  assert.match(await page.textContent('#reader-byline'), /markdown/);

  await drop(page, [{ name: 'utf16.txt', bytes: utf16le('Hikmət Hacıyev met Iranian diplomats in Baku to discuss Israel.') }]);
  await reading(page, 'Hikmət Hacıyev met Iranian diplomats');
  assert.match(await page.textContent('#reader-byline'), /UTF-16/i);

  await drop(page, [{ name: 'cp1252.txt', bytes: cp1252('Café talk: “Tehran is worried” — Baku’s ties with Israel grow.') }]);
  await reading(page, 'Café talk: “Tehran is worried” — Baku’s ties');
  assert.match(await page.textContent('#reader-byline'), /windows-1252/i);
  await articleCount(page, 8);
});

test('PDFs, images, empty files and duplicates are refused with a message naming the file', async () => {
  const page = await site.open();
  await drop(page, [
    { name: 'report.pdf', bytes: [...Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1')] },
    { name: 'photo.txt', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1] },
    { name: 'empty.txt', text: '' },
    { name: 'blank.md', text: '  \n\t\n' },
  ]);
  const all = await notice(page, 'blank.md');
  const about = (name) => all.find((t) => t.includes(name)) || '';
  assert.match(about('report.pdf'), /PDF/);
  assert.match(about('report.pdf'), /paste|copy/i, 'says what to do instead');
  assert.match(about('photo.txt'), /image/i, 'recognized by content, not name');
  assert.match(about('empty.txt'), /empty/i);
  assert.match(about('blank.md'), /empty|blank/i);
  assert.equal((await listed(page)).length, 5, 'nothing added, nothing lost');

  await drop(page, [{ name: 'one.txt', text: ARTICLE }]);
  await articleCount(page, 6);
  await drop(page, [{ name: 'again.txt', text: ARTICLE }]);
  const dup = (await notice(page, 'again.txt')).find((t) => t.includes('again.txt'));
  assert.match(dup, /already in the corpus as “Iranian Foreign Minister/);
  // A seed dropped again is a duplicate too.
  const seed = await page.evaluate(async () => (await (await fetch('./seeds/002_609cd06ed5f3656a.txt')).text()));
  await drop(page, [{ name: 'seed-copy.txt', text: seed }]);
  assert.match((await notice(page, 'seed-copy.txt')).find((t) => t.includes('seed-copy.txt')), /already in the corpus/);
  assert.equal((await listed(page)).length, 6);
});

test('the file picker, a picked folder and pasted text are ways in too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-folder-'));
  mkdirSync(join(dir, 'inner'));
  writeFileSync(join(dir, 'a.txt'), 'Tehran criticized Baku over its ties with Israel on Tuesday.');
  writeFileSync(join(dir, 'inner', 'b.md'), '# Jerusalem and Baku\n\nIsrael praised its partnership with Azerbaijan.');
  const page = await site.open();
  await page.setInputFiles('#file-input', { name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from('Washington welcomed the Azerbaijan–Israel partnership, a US official said.') });
  await articleCount(page, 6);
  await page.setInputFiles('#folder-input', dir);
  await articleCount(page, 8);
  const names = await page.$$eval('#list .item-title', (els) => els.map((e) => e.textContent));
  assert.ok(names.includes('Jerusalem and Baku'), names.join(' | '));

  await page.click('#paste-open');
  assert.ok(await page.isVisible('#paste-dialog'));
  await page.click('#paste-submit');
  assert.match(await page.textContent('#paste-error'), /Paste some text/);
  await page.fill('#paste-text', 'Iran and Azerbaijan held talks in Baku; Tehran raised its concerns about Israel.');
  await page.fill('#paste-title-input', 'My pasted note');
  await page.fill('#paste-outlet', 'Notebook');
  await page.click('#paste-submit');
  await reading(page, 'My pasted note');
  assert.ok(!(await page.isVisible('#paste-dialog')));
  assert.match(await page.textContent('#reader-byline'), /Notebook/);
  await articleCount(page, 9);
});

test('dropped articles survive a reload; remove has undo', async () => {
  const page = await site.open();
  await drop(page, [{ name: 'keep.txt', text: ARTICLE }, { name: 'also.md', text: '# Second kept note\n\nIsrael and Azerbaijan signed a deal.' }]);
  await articleCount(page, 7);
  await storedCount(page, 2);
  await page.reload();
  await waitForCorpus(page, 7);
  const titles = await page.$$eval('#list .item-title', (els) => els.map((e) => e.textContent));
  assert.ok(titles.includes('Second kept note'), titles.join(' | '));
  assert.ok(titles.some((t) => t.startsWith('Iranian Foreign Minister')));

  await page.click('.item:has-text("Second kept note") a');
  await reading(page, 'Second kept note');
  await page.click('#remove-article');
  await articleCount(page, 6);
  await notice(page, 'Removed “Second kept note”');
  await page.click('#notices .notice:has-text("Removed") button:has-text("Undo")');
  await articleCount(page, 7);
  await storedCount(page, 2);
  await page.reload();
  await waitForCorpus(page, 7);
  // Remove for good: gone after reload.
  await page.click('.item:has-text("Second kept note") a');
  await page.click('#remove-article');
  await articleCount(page, 6);
  await storedCount(page, 1);
  await page.reload();
  await waitForCorpus(page, 6);
  await page.waitForTimeout(300);
  assert.equal((await listed(page)).length, 6);
});

test('export, reset and import round-trip exactly', async () => {
  const page = await site.open();
  await drop(page, [
    { name: 'one.txt', text: ARTICLE },
    { name: 'saved-page.html', text: file('saved-page.html') },
    { name: 'w.txt', bytes: cp1252('Café talk: “Tehran is worried” — Baku’s ties with Israel grow.') },
  ]);
  await articleCount(page, 8);
  const save = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.match(download.suggestedFilename(), /^parallax-corpus-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
    return { path: await download.path(), data };
  };
  const first = await save();
  assert.equal(first.data.articles.length, 3);
  assert.ok(first.data.articles.every((a) => !('report' in a)), 'inputs only, no analysis');

  await page.click('#reset');
  await articleCount(page, 5);
  await notice(page, 'Removed 3 added articles');
  await page.reload();
  await waitForCorpus(page, 5);
  await page.waitForTimeout(300);
  assert.equal((await listed(page)).length, 5, 'reset is stored');

  await page.setInputFiles('#import-input', first.path);
  await articleCount(page, 8);
  const second = await save();
  delete first.data.exported;
  delete second.data.exported;
  assert.deepEqual(second.data, first.data);

  // Importing again adds nothing; a broken file says why.
  await page.setInputFiles('#import-input', first.path);
  await notice(page, 'already in the corpus');
  await page.setInputFiles('#import-input', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  assert.match((await notice(page, 'bad.json')).find((t) => t.includes('bad.json')), /not a Parallax export/);
  assert.equal((await listed(page)).length, 8);
});

test('when storage fails, the message appears and the corpus is intact', async () => {
  const page = await site.open();
  await drop(page, [{ name: 'stored.txt', text: ARTICLE }]);
  await articleCount(page, 6);
  // Storage full from now on.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await drop(page, [{ name: 'unsaved.txt', text: 'Baku and Tehran exchanged sharp words over Israel this week.' }]);
  await articleCount(page, 7);
  const msg = (await notice(page, 'Storage is full')).find((t) => t.includes('Storage is full'));
  assert.match(msg, /Baku and Tehran exchanged/);
  assert.match(msg, /export/i);
  await page.reload();
  await waitForCorpus(page, 6);
  await page.waitForTimeout(300);
  const titles = await page.$$eval('#list .item-title', (els) => els.map((e) => e.textContent));
  assert.equal(titles.length, 6, 'what was stored stays; seeds stay');
  assert.ok(titles.some((t) => t.startsWith('Iranian Foreign Minister')));
});

test('with no IndexedDB at all, the page says so and still works', async () => {
  const page = await site.open('', { before: (p) => p.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined })) });
  await notice(page, 'IndexedDB');
  await drop(page, [{ name: 'x.txt', text: ARTICLE }]);
  await articleCount(page, 6);
});

test('many files: a queue with progress and a cancel button; the page stays responsive', async () => {
  // One analyzer, so that the batch outlasts the clicks below on any machine.
  const page = await site.open('?workers=1');
  // Enough work that the batch is still running when Cancel is pressed, on a fast core
  // and an idle machine too (300 files, as the folder of 300; about 11 MB, seconds
  // of analysis even at the 8 MB/s issue 9 aims for).
  const files = Array.from({ length: 300 }, (_, i) => ({ name: `batch-${String(i).padStart(3, '0')}.txt`, text: `Note ${i}: Tehran and Baku discussed Israel; ${'Azerbaijan and Iran held more talks. '.repeat(1000)}` }));
  await drop(page, files);
  await page.waitForSelector('#queue-cancel', { state: 'visible' });
  await page.waitForSelector('#progress', { state: 'visible' });
  assert.match(await page.textContent('#status'), /Adding \d+ of 300/);
  // Responsive: the search box takes input while the queue runs.
  await page.fill('#search', 'Note');
  await page.fill('#search', '');
  await page.click('#queue-cancel');
  await page.waitForSelector('#queue-cancel', { state: 'hidden' });
  const status = await page.textContent('#status');
  assert.match(status, /cancelled/);
  // The corpus holds the five seeds and the files added before Cancel, not all 300.
  const total = Number(status.match(/(\d+) articles/)?.[1]);
  assert.ok(total >= 5 && total < 305, `cancel stopped the batch at ${total} articles: ${status}`);
  assert.ok((await listed(page)).length >= 5);
});
