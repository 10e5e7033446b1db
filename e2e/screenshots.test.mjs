// Screenshots of the main views (git-ignored; the README embeds a copy from docs/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, SCREENSHOTS } from './helpers/site.mjs';

const site = useSite();

async function shoot(page, name) {
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path });
  assert.ok(statSync(path).size > 10_000, `${name} written`);
}

test('screenshot: reading view, 1280×800, light', async () => {
  const page = await site.open('', { context: { colorScheme: 'light' } });
  await shoot(page, 'explorer.png');
});

test('screenshot: Iranian filter and stances over the corpus, dark', async () => {
  const page = await site.open('#/?v=iranian&p=stances&sc=corpus', { context: { colorScheme: 'dark' }, count: 1 });
  await shoot(page, 'stances-dark.png');
});

test('screenshot: entity chosen, entities panel, tooltip', async () => {
  const page = await site.open('#/?p=entities&sc=corpus', { context: { colorScheme: 'light' } });
  await page.click('#entities button[data-entity]');
  await page.waitForFunction(() => location.hash.includes('e='));
  await page.hover('#text mark.mention.is-chosen');
  await page.waitForSelector('#tooltip', { state: 'visible' });
  await shoot(page, 'entities.png');
});

test('screenshot: evidence and cues shown', async () => {
  const page = await site.open('', { context: { colorScheme: 'light' } });
  await page.click('#reader-tools button[data-show="cues"]');
  await page.click('#reader-tools button[data-show="evidence"]');
  await shoot(page, 'annotations.png');
});

test('screenshot: 390 px wide', async () => {
  const page = await site.open('', { context: { viewport: { width: 390, height: 844 }, isMobile: true, colorScheme: 'light' } });
  await page.screenshot({ path: join(SCREENSHOTS, 'mobile.png'), fullPage: false });
});
