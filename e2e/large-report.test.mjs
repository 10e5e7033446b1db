// An article at the report's caps (issue 8): the page says what was not analysed in full, as
// text, and draws a report of 10,000 mentions without holding the page: the highlights arrive
// in parts, the page answering in between, and every one of them arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './helpers/site.mjs';
import { drop, reading } from './helpers/drop.mjs';

const site = useSite();

/** Over the cap of 10,000 mentions: two names in each of 6,000 short sentences (120 KB). */
const AT_THE_CAP = 'Crowded note: Iran and Israel. ' + 'Iran warned Israel. Baku answered Tehran. '.repeat(3000);
const MENTION_CAP = 10_000;

test("a report's notes (caps hit) are shown with that article, as text", async () => {
  const page = await site.open('?budget=120000,0');
  await drop(page, [{ name: 'ordinary.txt', text: 'Tehran warned Baku on Monday that its ties with Israel threaten the region.' }]);
  await reading(page, 'Tehran warned Baku');
  assert.equal(await page.$eval('#reader-notes', (el) => el.hidden), true, 'an ordinary article has no notes');

  await drop(page, [{ name: 'crowded.txt', text: AT_THE_CAP }]);
  await reading(page, 'Crowded note', 120_000);
  const notes = await page.$$eval('#reader-notes li', (lis) =>
    lis.map((li) => ({ text: li.textContent, onlyText: [...li.childNodes].every((n) => n.nodeType === Node.TEXT_NODE) })),
  );
  assert.ok(!(await page.$eval('#reader-notes', (el) => el.hidden)), 'the notes are shown');
  const mentions = notes.find((n) => /mentions are listed/.test(n.text));
  assert.ok(mentions, `a note on the mention cap among ${JSON.stringify(notes)}`);
  assert.match(mentions.text, /^Only the first 10000 of \d+ mentions are listed/);
  assert.ok(notes.some((n) => /statements were analysed/.test(n.text)), 'a note on the statement cap');
  assert.ok(notes.every((n) => n.onlyText), 'notes are text nodes');

  // Back to the ordinary article: its own (no) notes, not the last one's.
  await page.click('#list .item:has-text("Tehran warned Baku") a');
  await reading(page, 'Tehran warned Baku');
  assert.equal(await page.$eval('#reader-notes', (el) => el.hidden), true);
});

test('a report at the mention cap is drawn in parts, the page answering in between, and all of it arrives', async () => {
  const page = await site.open('?budget=120000,0');
  // From the first change to the text on, look at it again each time the page is free to
  // run a timer: if drawing held the page, the first look would already see every mark.
  await page.evaluate(() => {
    const text = document.getElementById('text');
    window.__looks = [];
    const observer = new MutationObserver(() => {
      if (!document.getElementById('reader-title').textContent.startsWith('Crowded note')) return;
      observer.disconnect();
      const look = () => {
        const marks = text.querySelectorAll('mark.mention[id]').length;
        window.__looks.push(marks);
        if (text.getAttribute('aria-busy') === 'true' || marks === 0) setTimeout(look, 0);
      };
      setTimeout(look, 0);
    });
    observer.observe(text, { childList: true, subtree: true });
  });
  await drop(page, [{ name: 'crowded.txt', text: AT_THE_CAP }]);
  await reading(page, 'Crowded note', 120_000);
  await page.waitForFunction(() => document.getElementById('text').getAttribute('aria-busy') !== 'true' && document.querySelectorAll('#text mark.mention[id]').length > 0, null, { timeout: 60_000 });
  const looks = await page.evaluate(() => window.__looks);
  const total = await page.$$eval('#text mark.mention[id]', (els) => els.length);
  assert.equal(total, MENTION_CAP, 'every highlight arrives');
  assert.ok(looks.length >= 2, `the page ran other work while drawing (${looks.length} looks)`);
  assert.ok(looks[0] < total, `the first look saw a part (${looks[0]} of ${total})`);
  // Drawn in order, the tab stop on the first mention, the page usable: a mention answers.
  assert.equal(await page.$$eval('#text [tabindex="0"]', (els) => els.map((e) => e.id)).then((ids) => ids.join()), 'm-0');
  await page.click('#m-0');
  await page.waitForFunction(() => /[?&]e=/.test(location.search + location.hash));
});
