// A long corpus (issue 9): the list draws only the rows in view, yet every article is
// reachable by scrolling and by j/k, and the count says how many there are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './helpers/site.mjs';
import { drop } from './helpers/drop.mjs';

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
  await page.click(`.item[data-id="${first[0]}"] a`);
  for (let i = 0; i < 70; i++) await page.keyboard.press('j');
  const current = () => page.evaluate(() => document.querySelector('#list [aria-current="true"]')?.closest('.item')?.dataset.id || null);
  await page.waitForFunction(() => document.querySelector('#list [aria-current="true"]')?.closest('.item')?.getAttribute('aria-posinset') === '71');
  const id = await current();
  assert.ok(id, 'the current article is drawn');
  const box = await page.$eval(`.item[data-id="${id}"]`, (el) => {
    const r = el.getBoundingClientRect();
    const p = document.getElementById('corpus').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, paneTop: p.top, paneBottom: p.bottom };
  });
  assert.ok(box.top >= box.paneTop && box.bottom <= box.paneBottom, `the current row is in view (${JSON.stringify(box)})`);
});
