// axe-core over the main views: no serious or critical violations, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './helpers/site.mjs';
import { drop, notice } from './helpers/drop.mjs';
import { axe } from './helpers/axe.mjs';

const site = useSite();

const VIEWS = [
  ['reading view', ''],
  ['viewpoint filter, entity chosen, entities panel', '#/?v=iranian&p=entities&sc=corpus'],
  ['stances panel over the corpus', '#/?p=stances&sc=corpus'],
];

for (const scheme of ['light', 'dark']) {
  for (const [name, hash] of VIEWS) {
    test(`axe: ${name} (${scheme})`, async () => {
      const page = await site.open(hash, { context: { colorScheme: scheme }, count: hash.includes('v=') ? 1 : 5 });
      if (hash.includes('entities')) {
        await page.click('#entities button[data-entity]');
        await page.waitForFunction(() => location.hash.includes('e='));
      }
      // With every annotation shown and a tooltip open.
      await page.click('#reader-tools button[data-show="cues"]');
      await page.click('#reader-tools button[data-show="evidence"]');
      const mark = await page.$('#text mark.mention');
      if (mark) await mark.hover();
      assert.deepEqual(await axe(page), []);
    });
  }
}

test('axe: 390 px wide', async () => {
  const page = await site.open('', { context: { viewport: { width: 390, height: 844 }, isMobile: true } });
  assert.deepEqual(await axe(page), []);
});

test('axe: paste dialog, messages and an added article', async () => {
  const page = await site.open();
  await drop(page, [{ name: 'a.txt', text: 'Tehran criticized Baku over its ties with Israel.' }, { name: 'b.pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a] }]);
  await notice(page, 'b.pdf');
  assert.deepEqual(await axe(page), []);
  await page.click('#paste-open');
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press('Escape');
  assert.ok(!(await page.isVisible('#paste-dialog')), 'Esc closes the dialog');
});
