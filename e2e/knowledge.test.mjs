// The knowledge editor (issue 11) in headless Chromium: an alias added in the page is
// highlighted at once and kept after a reload; an invalid entry shows the Rust validator's
// message and changes nothing; the knowledge file exports and imports back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, waitForCorpus } from './helpers/site.mjs';
import { axe } from './helpers/axe.mjs';
import { notice } from './helpers/drop.mjs';

const site = useSite();

/** A word of the shown article that no mention covers: the alias to add. */
async function unmarkedWord(page) {
  return page.$eval('#text', (root) => {
    const covered = new Set();
    for (const m of root.querySelectorAll('mark.mention')) for (const w of m.textContent.split(/\s+/)) covered.add(w);
    const words = root.textContent.match(/\b[a-z]{7,}\b/g) || [];
    return words.find((w) => !covered.has(w));
  });
}

const mentionsOf = (page, word) =>
  page.$$eval('#text mark.mention', (ms, w) => ms.filter((m) => m.textContent === w).map((m) => m.dataset.entity), word);

async function settle(page) {
  await page.waitForFunction(() => /re-analysed|nothing was saved|not imported|cannot be imported/i.test(document.getElementById('kn-status').textContent), null, { timeout: 30_000 });
}

test('an alias added in the editor is highlighted at once and kept after a reload', async () => {
  const page = await site.open();
  const article = await page.$eval('#list .item[data-id] a[aria-current="true"]', (a) => a.closest('.item').dataset.id);
  const word = await unmarkedWord(page);
  assert.ok(word, 'the article has a word no mention covers');
  assert.deepEqual(await mentionsOf(page, word), []);

  await page.click('#views a[data-view="knowledge"]');
  assert.equal(await page.$eval('#knowledge', (s) => s.hidden), false);
  assert.match(page.url(), /#\/knowledge$/);
  assert.deepEqual(await axe(page), [], 'the editor passes axe');
  // Keyboard only: focus the entity field, type, Tab to the alias, Enter submits.
  await page.focus('#kn-alias-entity');
  await page.keyboard.type('iran');
  await page.keyboard.press('Tab');
  await page.keyboard.type(word);
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match(await page.textContent('#kn-status'), /re-analysed/);
  assert.equal(await page.$eval('#kn-problems', (ul) => ul.children.length), 0);
  assert.match(await page.inputValue('#kn-entities'), new RegExp(`^iran \\| - \\| - \\| - \\| ${word}$`, 'm'));

  await page.goBack();
  await page.waitForFunction((id) => document.querySelector(`#list .item[data-id="${id}"] a[aria-current="true"]`), article);
  await page.waitForFunction((w) => [...document.querySelectorAll('#text mark.mention')].some((m) => m.textContent === w), word);
  const ids = await mentionsOf(page, word);
  assert.ok(ids.length >= 1 && ids.every((id) => id === 'iran'), `“${word}” is a mention of Iran: ${ids}`);

  await page.reload();
  await waitForCorpus(page);
  await page.waitForFunction((w) => [...document.querySelectorAll('#text mark.mention')].some((m) => m.textContent === w), word);
  assert.ok((await mentionsOf(page, word)).every((id) => id === 'iran'));
  await page.goto(site.url + '#/knowledge');
  assert.match(await page.inputValue('#kn-entities'), new RegExp(`\\| ${word}$`, 'm'), 'the row is kept');
});

test('another open tab follows the change, and a problem’s button selects its line', async () => {
  const page = await site.open('#/knowledge');
  const tab = await page.context().newPage();
  await tab.goto(site.url + '#/');
  await waitForCorpus(tab);
  const word = await unmarkedWord(tab);
  await page.fill('#kn-entities', `azerbaijan | - | - | - | ${word}`);
  await page.click('#kn-apply');
  await settle(page);
  await tab.waitForFunction((w) => [...document.querySelectorAll('#text mark.mention')].some((m) => m.textContent === w), word, { timeout: 30_000 });
  assert.ok((await mentionsOf(tab, word)).every((id) => id === 'azerbaijan'));
  await tab.close();

  await page.fill('#kn-cues', 'iron fist | israeli | 1\nsoft glove | martian | 1');
  await page.click('#kn-apply');
  await settle(page);
  await page.click('#kn-problems li button');
  const selected = await page.$eval('#kn-cues', (t) => [document.activeElement === t, t.value.slice(t.selectionStart, t.selectionEnd)]);
  assert.deepEqual(selected, [true, 'soft glove | martian | 1']);
});

test('an invalid entry shows the validator’s message and changes nothing', async () => {
  const page = await site.open('#/knowledge');
  const before = await page.$$eval('#list .item', (items) => items.length);
  const marks = async () => {
    await page.goto(site.url + '#/');
    await waitForCorpus(page);
    return page.$$eval('#text mark.mention', (ms) => ms.map((m) => `${m.dataset.entity}:${m.textContent}`).join('|'));
  };
  const was = await marks();
  await page.goto(site.url + '#/knowledge');
  await page.fill('#kn-entities', 'iran | - | - | - | Persepolisland\nzed | Zed | robot | - | -\nzee | Zee | person | mars | -');
  await page.click('#kn-apply');
  await settle(page);
  const problems = await page.$$eval('#kn-problems li', (li) => li.map((x) => x.textContent));
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /^user\/entities\.txt:2: unknown type `robot`: use country, person/);
  assert.match(problems[1], /^user\/entities\.txt:3: unknown bloc `mars`: use one of iran, israel/);
  assert.match(await page.textContent('#kn-status'), /nothing was saved or changed/);
  assert.equal(await marks(), was, 'the analysis is as it was');
  assert.equal(await page.$$eval('#list .item', (items) => items.length), before);
  await page.reload();
  await waitForCorpus(page);
  await page.goto(site.url + '#/knowledge');
  assert.equal(await page.inputValue('#kn-entities'), '', 'nothing was saved');
});

test('the knowledge exports as one file in the data format and imports back', async () => {
  const page = await site.open('#/knowledge');
  await page.fill('#kn-blocs', 'gulf | Gulf states | ✦ | 9 | -');
  await page.fill('#kn-entities', 'qorvex_institute | Qorvex Institute | organization | gulf | Qorvex');
  await page.fill('#kn-cues', 'sandy kingdoms | israeli | 2');
  await page.click('#kn-apply');
  await settle(page);
  assert.match(await page.textContent('#kn-status'), /re-analysed/);
  assert.ok(await page.$('.kn-reference td code:text-is("gulf")'), 'the new bloc is listed');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#kn-export')]);
  assert.equal(dl.suggestedFilename(), 'parallax-knowledge.txt');
  const text = readFileSync(await dl.path(), 'utf8');
  assert.match(text, /^# file: user\/entities\.txt\nqorvex_institute \| Qorvex Institute \| organization \| gulf \| Qorvex$/m);
  assert.match(text, /^# file: user\/blocs\.txt\ngulf \| Gulf states \| ✦ \| 9 \| -$/m);
  assert.match(text, /^# file: user\/viewpoint_cues\.txt\nsandy kingdoms \| israeli \| 2$/m);

  // Into a fresh browser profile: nothing there, then the file.
  const other = await site.open('#/knowledge');
  assert.equal(await other.inputValue('#kn-entities'), '');
  await other.setInputFiles('#kn-file', { name: 'parallax-knowledge.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await settle(other);
  assert.match(await other.textContent('#kn-status'), /imported/);
  assert.equal(await other.inputValue('#kn-entities'), 'qorvex_institute | Qorvex Institute | organization | gulf | Qorvex');
  assert.equal(await other.inputValue('#kn-blocs'), 'gulf | Gulf states | ✦ | 9 | -');
  assert.equal(await other.inputValue('#kn-cues'), 'sandy kingdoms | israeli | 2');

  // A file that is not knowledge is refused with its name, and changes nothing.
  await other.setInputFiles('#kn-file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') });
  await settle(other);
  assert.match(await other.textContent('#kn-status'), /“notes\.json” cannot be imported: it is not a knowledge file/);
});

const dataFetches = () => site.requests.filter((p) => p.endsWith('/pkg/knowledge-data.json')).length;

test('the built-in data files are fetched on the first overlay only, and a new entity is recognised over them', async () => {
  const before = dataFetches();
  const page = await site.open();
  assert.equal(dataFetches(), before, 'the first load does without the built-in data files');
  const word = await unmarkedWord(page);
  assert.ok(word, 'the article has a word no mention covers');
  await page.goto(site.url + '#/knowledge');
  await page.fill('#kn-entities', `zorvane_group | Zorvane Group | organization | - | ${word}`);
  await page.click('#kn-apply');
  await settle(page);
  assert.match(await page.textContent('#kn-status'), /re-analysed/);
  assert.ok(dataFetches() > before, 'the overlay was built over the fetched files');
  await page.goBack();
  await page.waitForFunction((w) => [...document.querySelectorAll('#text mark.mention')].some((m) => m.textContent === w), word, { timeout: 30_000 });
  const ids = await mentionsOf(page, word);
  assert.ok(ids.length >= 1 && ids.every((id) => id === 'zorvane_group'), `“${word}” is a mention of the new entity: ${ids}`);
});

test('without the built-in data files the editor says so, and the built-in and saved knowledge are kept', async () => {
  const page = await site.open('#/knowledge');
  await page.fill('#kn-entities', 'iran | - | - | - | Zorbland');
  await page.click('#kn-apply');
  await settle(page);
  assert.match(await page.textContent('#kn-status'), /re-analysed/);

  // Offline before the file was cached: the fetch fails (routing also bypasses the HTTP cache).
  page.expectErrors(); // the failed fetch is logged by the browser
  await page.route('**/pkg/knowledge-data.json', (route) => route.abort());
  await page.reload();
  await waitForCorpus(page);
  await notice(page, 'Your own knowledge is not in use: the built-in data files your knowledge is laid over could not be loaded');
  assert.equal(await page.inputValue('#kn-entities'), 'iran | - | - | - | Zorbland', 'the saved row is kept');
  await page.goto(site.url + '#/');
  await page.waitForFunction(() => document.querySelectorAll('#text mark.mention').length > 0, null, { timeout: 30_000 });
  await page.goto(site.url + '#/knowledge');

  await page.fill('#kn-entities', 'iran | - | - | - | Zorbland\nisrael | - | - | - | Qelmoria');
  await page.click('#kn-apply');
  await settle(page);
  assert.match(await page.textContent('#kn-status'), /could not be checked: the built-in data files your knowledge is laid over could not be loaded .*; connect to the network and try again\. Nothing was saved or changed/);
  await page.unroute('**/pkg/knowledge-data.json');
  await page.reload();
  await waitForCorpus(page);
  assert.equal(await page.inputValue('#kn-entities'), 'iran | - | - | - | Zorbland', 'what was saved before is in force');
});

test('offline after the first visit, knowledge of the user’s own is still applied (the service worker cached the built-in data files)', async () => {
  const page = await site.open('', { context: { serviceWorkers: 'allow' } });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 20_000 });
  const word = await unmarkedWord(page);
  assert.ok(word, 'the article has a word no mention covers');
  await page.context().setOffline(true);
  await page.reload();
  await waitForCorpus(page);
  await page.goto(site.url + '#/knowledge');
  await page.fill('#kn-entities', `zorvane_group | Zorvane Group | organization | - | ${word}`);
  await page.click('#kn-apply');
  await settle(page);
  assert.match(await page.textContent('#kn-status'), /re-analysed/);
  await page.goBack();
  await page.waitForFunction((w) => [...document.querySelectorAll('#text mark.mention')].some((m) => m.textContent === w), word, { timeout: 30_000 });
  assert.ok((await mentionsOf(page, word)).every((id) => id === 'zorvane_group'));
});

// The worker sends only the built-in blocs and viewpoints as it starts (the first screen
// needs no more); the editor's entity suggestions and count come once the seeds are drawn.
test('the editor suggests the built-in entities, asked for after the first articles', async () => {
  const page = await site.open('#/knowledge');
  await page.waitForFunction(() => document.querySelectorAll('#kn-entity-list option').length > 1000, null, { timeout: 30_000 });
  assert.match(await page.textContent('#knowledge-editor .kn-reference'), /\d{4,} entities are known/);
  assert.ok(await page.$('#kn-entity-list option[value="iran"]'), 'iran is suggested');
  // The blocs' glyphs, from the start: the reference table lists them.
  assert.match(await page.textContent('#knowledge-editor .kn-reference'), /Iran/);
});
