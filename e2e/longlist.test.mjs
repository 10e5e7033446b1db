// A long corpus (issue 9): the list draws only the rows in view, yet every article is
// reachable by scrolling and by j/k, and the count says how many there are; a drop of 1,000
// articles is listed and saved in full, drawn as it streams in, at most once a frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './helpers/site.mjs';
import { drop, storedCount } from './helpers/drop.mjs';

const site = useSite();
const N = 150;

test('a long list draws only the visible rows; scrolling and j/k reach every article', async () => {
  const page = await site.open();
  const files = Array.from({ length: N }, (_, i) => ({
    name: `note-${String(i + 1).padStart(3, '0')}.txt`,
    text: `Note ${i + 1}\n\nTehran warned Baku about note ${i + 1}, officials said.`,
    type: 'text/plain',
  }));
  await drop(page, files);
  await page.waitForFunction((n) => document.getElementById('corpus-count').textContent.trim() === String(n), 5 + N, { timeout: 90_000 });
  const drawn = () => page.$$eval('#list .item', (els) => els.map((e) => e.dataset.id));
  const first = await drawn();
  assert.ok(first.length > 5 && first.length < 60, `only the rows in view are drawn (${first.length})`);
  assert.equal(await page.getAttribute('#list .item:first-child', 'aria-setsize'), String(5 + N));

  // Scrolled to the end, the last article is drawn and the first is not.
  await page.$eval('#corpus', (pane) => (pane.scrollTop = pane.scrollHeight));
  await page.waitForFunction((n) => document.querySelector('#list .item:last-child')?.getAttribute('aria-posinset') === String(n), 5 + N);
  assert.ok(!(await drawn()).includes(first[0]), 'rows scrolled out are dropped');

  // Back at the top, k and j walk past the drawn rows: the current row is always drawn.
  await page.$eval('#corpus', (pane) => (pane.scrollTop = 0));
  // The rows are drawn again on a later frame: click the first one once it is back, and
  // walk from it only once it is the current one.
  await page.waitForFunction((id) => !!document.querySelector(`#list .item[data-id="${id}"]`), first[0]);
  await page.click(`.item[data-id="${first[0]}"] a`);
  await page.waitForFunction((id) => document.querySelector('#list [aria-current="true"]')?.closest('.item')?.dataset.id === id, first[0]);
  for (let i = 0; i < 70; i++) await page.keyboard.press('j');
  const current = () => page.evaluate(() => document.querySelector('#list [aria-current="true"]')?.closest('.item')?.dataset.id || null);
  await page.waitForFunction(() => document.querySelector('#list [aria-current="true"]')?.closest('.item')?.getAttribute('aria-posinset') === '71');
  const id = await current();
  assert.ok(id, 'the current article is drawn');
  // The row is scrolled into view and laid out over the next frames, so its place is
  // polled for a while rather than read once (a busy machine may need a few frames).
  const boxOf = (id) =>
    page.$eval(`.item[data-id="${id}"]`, (el) => {
      const r = el.getBoundingClientRect();
      const p = document.getElementById('corpus').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, paneTop: p.top, paneBottom: p.bottom };
    });
  const inView = (b) => b.bottom > b.top && b.top >= b.paneTop && b.bottom <= b.paneBottom;
  let box = await boxOf(id);
  for (let i = 0; i < 50 && !inView(box); i++) {
    await page.waitForTimeout(100);
    box = await boxOf(id);
  }
  assert.ok(inView(box), `the current row is in view (${JSON.stringify(box)})`);
});

test('1,000 dropped articles: all listed and saved, the list growing as they come, redrawn at most once a frame', async () => {
  const page = await site.open();
  const DROP = 1000;
  const files = Array.from({ length: DROP }, (_, i) => ({
    name: `wire-${String(i + 1).padStart(4, '0')}.txt`,
    text: `Wire ${i + 1}\n\nTehran warned Baku about wire number w${i + 1}x, and Israel answered, officials said.`,
    type: 'text/plain',
  }));
  // Each change of the count is noted with the animation frame it happened in. The frame
  // counter's callback is asked for first in every frame, so a redraw in frame F sees F.
  await page.evaluate(() => {
    window.__frame = 0;
    const tick = () => {
      window.__frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__counts = [];
    const count = document.getElementById('corpus-count');
    new MutationObserver(() => window.__counts.push({ frame: window.__frame, text: count.textContent.trim() })).observe(count, { childList: true, characterData: true, subtree: true });
  });
  await drop(page, files);
  await page.waitForFunction((n) => document.getElementById('corpus-count').textContent.trim() === String(n), 5 + DROP, { timeout: 240_000, polling: 250 });
  await page.waitForFunction(() => !/Adding/.test(document.getElementById('status').textContent), null, { timeout: 60_000 });
  assert.match(await page.textContent('#status'), new RegExp(`${DROP} articles added`));
  await storedCount(page, DROP, 60_000);

  const counts = await page.evaluate(() => window.__counts);
  const between = new Set(counts.map((c) => Number(c.text)).filter((n) => n > 5 && n < 5 + DROP));
  assert.ok(between.size >= 2, `the list grew while the articles came in (counts seen: ${[...between].join(', ')})`);
  const frames = counts.map((c) => c.frame);
  assert.equal(new Set(frames).size, frames.length, `the count was redrawn at most once a frame (${JSON.stringify(counts.slice(0, 20))})`);
  assert.ok((await page.$$('#list .item')).length < 60, 'only the rows in view are drawn');

  // Every one is there: the last and a middle one are found by their own words.
  for (const n of [DROP, 500]) {
    await page.fill('#search', `w${n}x`);
    await page.waitForFunction(() => document.getElementById('corpus-count').textContent.trim().startsWith('1 of'));
    assert.equal(await page.textContent('#list .item .item-title'), `Wire ${n}`);
  }
});
