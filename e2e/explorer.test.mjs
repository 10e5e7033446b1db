// The explorer (issues 2 and 4) in headless Chromium, on the built site (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, analyzeSeedInPage, seedIndex, listed, waitForCorpus } from './helpers/site.mjs';
import { siteDir } from './helpers/serve.mjs';

const site = useSite();

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

test('index.html carries the CSP and shows a status before any script runs', () => {
  const html = readFileSync(join(siteDir(), 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  assert.ok(csp, 'a CSP meta tag');
  assert.equal(csp[1], CSP);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style');
  assert.doesNotMatch(html, /(src|href)="(\/|https?:)/, 'relative URLs only');
  assert.match(html, /id="status"[^>]*>Loading analyzer…</);
});

test('"Loading analyzer…" is visible while the wasm loads', async () => {
  let release;
  const gate = new Promise((r) => (release = r));
  const page = await site.open('', {
    wait: false,
    before: (p) => p.route('**/*.wasm', async (route) => { await gate; await route.continue(); }),
  });
  await page.waitForSelector('#status:has-text("Loading analyzer…")', { state: 'visible' });
  release();
  await waitForCorpus(page);
});

test('a failed analyzer load says so clearly', async () => {
  const page = await site.open('', { wait: false, before: (p) => p.route('**/pkg/**', (route) => route.abort()) });
  page.expectErrors();
  await page.waitForSelector('#status.is-error', { timeout: 20_000 });
  assert.match(await page.textContent('#status'), /analyzer could not be loaded/i);
});

test('the five seeds are listed, each with a viewpoint and its confidence', async () => {
  const page = await site.open();
  const seeds = await seedIndex(page);
  const items = await listed(page);
  assert.equal(items.length, 5);
  assert.deepEqual(items.map((i) => i.id).sort(), seeds.map((s) => s.file.replace(/\.txt$/, '')).sort());
  const labels = await page.$$eval('#chips button[data-viewpoint] .chip-label', (els) => els.map((e) => e.textContent));
  assert.ok(labels.length >= 2, 'viewpoint chips rendered from the report');
  for (const it of items) {
    assert.ok(it.title.trim().length > 0, `${it.id} has a title`);
    const m = /^(.+) (\d{1,3})%$/.exec(it.viewpoint);
    assert.ok(m && labels.includes(m[1]), `${it.id}: badge "${it.viewpoint}" names a known viewpoint and a confidence`);
  }
  const withOutlet = await page.$$eval('#list .item-meta', (els) => els.filter((e) => e.textContent.trim()).length);
  assert.equal(withOutlet, 5, 'outlet and date under each title');
  assert.ok(page.requests.every((u) => new URL(u).hostname === '127.0.0.1'), 'no request left 127.0.0.1');
});

test('the first article shows its mentions highlighted, each equal to its slice of the text', async () => {
  const page = await site.open();
  const [first] = await listed(page);
  assert.ok(first.current, 'the first article is shown when none is chosen');
  const seeds = await seedIndex(page);
  const seed = seeds.find((s) => s.file.startsWith(first.id));
  const { text, report } = await analyzeSeedInPage(page, seed);
  assert.ok(report.mentions.length > 0, 'the analyzer finds mentions');

  const marks = await page.$$eval('#text mark.mention', (els) =>
    els.map((e) => ({ m: Number(e.dataset.m), start: Number(e.dataset.start), end: Number(e.dataset.end), entity: e.dataset.entity, text: e.textContent, cont: e.classList.contains('is-cont'), nested: e.parentElement.closest('mark.mention') != null })),
  );
  // A mention split by a crossing span is several pieces; joined, they are the mention.
  const joined = new Map();
  for (const k of marks) joined.set(k.m, { ...k, text: (joined.get(k.m)?.text || '') + k.text });
  assert.equal(joined.size, report.mentions.length, 'every mention is highlighted once');
  for (const k of joined.values()) {
    assert.equal(k.text, text.slice(k.start, k.end), `mention ${k.m} shows its slice`);
  }
  const want = report.mentions.map((m) => `${m.start}:${m.end}:${m.entity}:${m.text}`).sort();
  const got = [...joined.values()].map((k) => `${k.start}:${k.end}:${k.entity}:${k.text}`).sort();
  assert.deepEqual(got, want);

  // Mentions inside mentions are marks inside marks.
  const nestedInReport = report.mentions.filter((m, i) => report.mentions.some((o, j) => j !== i && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start)).length;
  assert.equal(marks.filter((k) => k.nested && !k.cont).length >= nestedInReport, true, 'nested mentions render as nested <mark>s');

  // Colour is not the only channel: each bloc has its own underline style.
  const styles = await page.$$eval('#legend mark.mention', (els) => els.map((e) => `${getComputedStyle(e).borderBottomStyle} ${getComputedStyle(e).borderBottomWidth}`));
  assert.equal(new Set(styles).size, styles.length, `legend underline styles are distinct: ${styles}`);
});

test('the Iranian chip leaves only articles and statements of that voice undimmed', async () => {
  const page = await site.open();
  const iranian = await page.$('#chips button[data-viewpoint="iranian"]');
  assert.ok(iranian, 'an Iranian chip');
  const label = (await page.textContent('#chips button[data-viewpoint="iranian"] .chip-label')).trim();
  await iranian.click();
  await page.waitForFunction(() => location.hash.includes('v=iranian'));
  assert.equal(await iranian.getAttribute('aria-pressed'), 'true');
  const items = await listed(page);
  const primary = items.filter((i) => !i.quoting);
  assert.ok(primary.length >= 1, 'at least one seed is written from the Iranian viewpoint');
  assert.ok(primary.length < 5, 'the filter removes articles');
  for (const it of primary) assert.ok(it.viewpoint.startsWith(label + ' '), `${it.id} is ${label}: ${it.viewpoint}`);
  for (const it of items.filter((i) => i.quoting)) {
    assert.ok(!it.viewpoint.startsWith(label + ' '), `${it.id} only quotes the voice`);
    const [dim, normal] = await page.evaluate((id) => [
      getComputedStyle(document.querySelector(`#quoting .item[data-id="${id}"] .item-title`)).color,
      getComputedStyle(document.querySelector('#list .item .item-title')).color,
    ], it.id);
    assert.notEqual(dim, normal, 'articles that only quote the voice are dimmed');
  }
  // Inside every listed article: statements of other voices are dimmed (still visible).
  let undimmed = 0;
  let dimmed = 0;
  for (const it of items) {
    await page.click(`.item[data-id="${it.id}"] a`);
    await page.waitForFunction((id) => document.querySelector(`.item[data-id="${id}"] a`)?.getAttribute('aria-current') === 'true', it.id);
    const stmts = await page.$$eval('#text .stmt.is-first', (els) => els.map((e) => ({ voice: e.dataset.voice, dim: e.classList.contains('is-dim'), color: getComputedStyle(e).color, visible: e.getClientRects().length > 0 })));
    const body = await page.$eval('#text', (e) => getComputedStyle(e).color);
    for (const s of stmts) {
      assert.equal(s.dim, s.voice !== 'iranian', `statement voiced ${s.voice} ${s.dim ? 'dimmed' : 'undimmed'}`);
      assert.ok(s.visible, 'dimmed, not hidden');
      assert.equal(s.color !== body, s.dim, 'dimmed statements are drawn in a fainter ink');
      s.dim ? dimmed++ : undimmed++;
    }
  }
  assert.ok(undimmed > 0, 'some statements have the Iranian voice');
  assert.ok(page.url().includes('v=iranian'), 'the filter stays in the route');
  // Choosing the chip again removes the filter.
  await iranian.click();
  await page.waitForFunction(() => !location.hash.includes('v='));
  assert.equal(await page.$$eval('#text .stmt.is-dim', (e) => e.length), 0);
  assert.equal((await listed(page)).length, 5);
  void dimmed;
});

test("a mention's tooltip names its canonical entity (hover and keyboard focus)", async () => {
  const page = await site.open('', {});
  const [first] = await listed(page);
  const seed = (await seedIndex(page)).find((s) => s.file.startsWith(first.id));
  const { report } = await analyzeSeedInPage(page, seed);
  const names = new Map(report.entities.map((e) => [e.id, e]));
  const mark = await page.$('#text mark.mention:not(.is-cont)');
  const entity = names.get(await mark.getAttribute('data-entity'));
  await mark.hover();
  await page.waitForSelector('#tooltip', { state: 'visible' });
  assert.equal(await page.textContent('#tooltip .tip-title'), entity.name);
  const lines = await page.$$eval('#tooltip .tip-line', (els) => els.map((e) => e.textContent));
  assert.ok(lines.some((l) => l.includes(entity.type)), 'type shown');
  assert.ok(lines.some((l) => /\d+ mentions? in \d+ articles?/.test(l)), 'corpus-wide count shown');
  assert.equal(await mark.getAttribute('aria-describedby'), 'tooltip');

  // Keyboard: the text is one tab stop; arrows walk the mentions.
  await page.mouse.move(0, 0);
  await page.focus('#text mark.mention[tabindex="0"]');
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => ({ m: document.activeElement.dataset.m, entity: document.activeElement.dataset.entity }));
  assert.ok(focused.m != null, 'focus is on a mention');
  await page.waitForSelector('#tooltip', { state: 'visible' });
  assert.equal(await page.textContent('#tooltip .tip-title'), names.get(focused.entity).name);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#tooltip', { state: 'hidden' });
});

test('choosing an entity highlights it and filters the list; the corpus count is right', async () => {
  const page = await site.open('#/?p=entities&sc=corpus');
  const rows = await page.$$eval('#entities button[data-entity]', (els) =>
    els.map((b) => ({ id: b.dataset.entity, text: b.querySelector('.entity-count').textContent })),
  );
  assert.ok(rows.length > 3, 'entities of the corpus are listed');
  const pick = rows.map((r) => ({ ...r, articles: Number(/in (\d+)/.exec(r.text)[1]) })).find((r) => r.articles >= 1 && r.articles < 5);
  assert.ok(pick, 'some entity is mentioned by only some articles');
  await page.click(`#entities button[data-entity="${pick.id}"]`);
  await page.waitForFunction((id) => location.hash.includes('e=' + encodeURIComponent(id)), pick.id);
  assert.equal(await page.getAttribute(`#entities button[data-entity="${pick.id}"]`, 'aria-pressed'), 'true');
  const items = await listed(page);
  assert.equal(items.length, pick.articles, 'the list keeps the articles mentioning it');
  await page.waitForSelector('#entity-filter', { state: 'visible' });
  for (const it of items) {
    await page.click(`.item[data-id="${it.id}"] a`);
    await page.waitForFunction((id) => document.querySelector(`.item[data-id="${id}"] a`)?.getAttribute('aria-current') === 'true', it.id);
    const chosen = await page.$$eval('#text mark.mention.is-chosen', (els) => els.map((e) => e.dataset.entity));
    assert.ok(chosen.length > 0 && chosen.every((e) => e === pick.id), `${it.id} highlights ${pick.id}`);
  }
  await page.click('#entity-filter-clear');
  await page.waitForFunction(() => !location.hash.includes('e='));
  assert.equal((await listed(page)).length, 5);
});

test('clicking a mention chooses its entity', async () => {
  const page = await site.open();
  const mark = await page.$('#text mark.mention:not(.is-cont)');
  const id = await mark.getAttribute('data-entity');
  await mark.click();
  await page.waitForFunction((id) => location.hash.includes('e=' + encodeURIComponent(id)), id);
  const n = await page.$$eval('#text mark.mention.is-chosen', (els) => els.length);
  assert.ok(n >= 1);
});

test('the hash route restores the same view after reload, and Back/Forward walk it', async () => {
  const page = await site.open();
  const items = await listed(page);
  const target = items[2];
  const [entity] = await page.$$eval('#text mark.mention', (els) => els.map((e) => e.dataset.entity));
  await page.goto(site.url + `#/a/${encodeURIComponent(target.id)}?v=iranian,israeli&e=${encodeURIComponent(entity || 'iran')}&p=stances&sc=corpus&sort=title`);
  await page.reload();
  await waitForCorpus(page, 1);
  const snapshot = () =>
    page.evaluate(() => ({
      title: document.getElementById('reader-title').textContent,
      pressed: [...document.querySelectorAll('#chips [aria-pressed="true"]')].map((b) => b.dataset.viewpoint).sort(),
      tab: document.querySelector('[role="tab"][aria-selected="true"]').dataset.panel,
      scope: document.querySelector('#panel-scope [aria-pressed="true"]').dataset.scope,
      sort: document.getElementById('sort').value,
      hash: location.hash,
    }));
  const before = await snapshot();
  assert.equal(before.title, target.title);
  assert.deepEqual(before.pressed, ['iranian', 'israeli']);
  assert.equal(before.tab, 'stances');
  assert.equal(before.scope, 'corpus');
  assert.equal(before.sort, 'title');
  await page.reload();
  await waitForCorpus(page, 1);
  assert.deepEqual(await snapshot(), before, 'same view after reload');

  // Back and Forward.
  const other = (await listed(page)).find((i) => i.id !== target.id);
  await page.click(`.item[data-id="${other.id}"] a`);
  await page.waitForFunction((t) => document.getElementById('reader-title').textContent === t, other.title);
  await page.goBack();
  await page.waitForFunction((t) => document.getElementById('reader-title').textContent === t, target.title);
  await page.goForward();
  await page.waitForFunction((t) => document.getElementById('reader-title').textContent === t, other.title);
});

test('keyboard: j/k and arrows move the selection, / searches, Esc clears', async () => {
  const page = await site.open();
  const ids = (await listed(page)).map((i) => i.id);
  // The hash changes before the page redraws: wait for the list itself.
  const selected = (id) => page.waitForFunction((id) => document.querySelector(`.item[data-id="${id}"] a`)?.getAttribute('aria-current') === 'true' && location.hash.includes(id), id);
  assert.ok((await listed(page))[0].current);
  await page.keyboard.press('j');
  await selected(ids[1]);
  await page.keyboard.press('j');
  await selected(ids[2]);
  await page.keyboard.press('k');
  await selected(ids[1]);
  // Arrows from the list move the selection and keep focus on it.
  await page.focus(`.item[data-id="${ids[1]}"] a`);
  await page.keyboard.press('ArrowDown');
  await selected(ids[2]);
  await page.waitForFunction((id) => document.activeElement.closest('.item')?.dataset.id === id, ids[2]);
  // '/' focuses search; typing filters; Esc clears.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.type('zzzz-no-such-article');
  await page.waitForFunction(() => document.querySelectorAll('#list .item').length === 0);
  assert.ok(await page.isVisible('#list-empty'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('#list .item').length === 5);
  assert.equal(await page.inputValue('#search'), '');
  // Tab reaches controls with a visible focus ring.
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  });
  assert.ok(ring, 'focus ring visible');
});

test('search finds words in the text and the sort changes the order', async () => {
  const page = await site.open();
  await page.fill('#search', 'Zionist');
  await page.waitForFunction(() => location.hash.includes('q=Zionist'));
  const hits = await listed(page);
  assert.ok(hits.length >= 1 && hits.length < 5, `search narrows the list (${hits.length})`);
  await page.fill('#search', '');
  await page.selectOption('#sort', 'date');
  await page.waitForFunction(() => location.hash.includes('sort=date'));
  const dates = await page.$$eval('#list .item-meta', (els) => els.map((e) => (/\d{4}-\d{2}/.exec(e.textContent) || [''])[0]));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
});

test('why-panel evidence scrolls to its span; stances panel rows open their statement', async () => {
  const page = await site.open();
  // Pick an article with evidence in the text.
  for (const it of await listed(page)) {
    await page.click(`.item[data-id="${it.id}"] a`);
    await page.waitForFunction((id) => document.querySelector(`.item[data-id="${id}"] a`)?.getAttribute('aria-current') === 'true', it.id);
    if (await page.$('#why button[data-ev]')) break;
  }
  const button = await page.$('#why button[data-ev]');
  assert.ok(button, 'some seed has evidence in its text');
  const i = await button.getAttribute('data-ev');
  await button.click();
  await page.waitForFunction((i) => document.getElementById('ev-' + i)?.classList.contains('flash'), i);
  // The scroll is smooth (unless the reader asks for reduced motion): a far span takes a
  // moment to arrive.
  const inView = await page
    .waitForFunction((i) => {
      const r = document.getElementById('ev-' + i).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, i, { timeout: 5000 })
    .then(() => true, () => false);
  assert.ok(inView, 'evidence scrolled into view');

  await page.click('#tab-stances');
  await page.waitForFunction(() => location.hash.includes('p=stances'));
  const row = await page.$('#stances button[data-statement]');
  assert.ok(row, 'stance rows listed');
  const s = await row.getAttribute('data-statement');
  await row.click();
  await page.waitForFunction((s) => document.getElementById('s-' + s)?.classList.contains('flash'), s);
  assert.ok(await page.$('#stances table.matrix'), 'holder × target matrix');
  const cells = await page.$$eval('#stances td.cell:not(.is-none)', (els) => els.map((e) => e.textContent));
  assert.ok(cells.length > 0 && cells.every((c) => /^[−+]?\d\.\d\d \(\d+\)$/.test(c)), `matrix cells show mean and count: ${cells.slice(0, 3)}`);
});

test('cue words and viewpoint evidence appear on demand', async () => {
  const page = await site.open();
  const shown = () => page.evaluate(() => ({ cues: document.getElementById('reader').classList.contains('show-cues'), ev: document.getElementById('reader').classList.contains('show-evidence') }));
  assert.deepEqual(await shown(), { cues: false, ev: false });
  await page.click('#reader-tools button[data-show="cues"]');
  await page.click('#reader-tools button[data-show="evidence"]');
  assert.deepEqual(await shown(), { cues: true, ev: true });
  const cue = await page.$('#text mark.cue');
  if (cue) assert.notEqual(await cue.evaluate((e) => getComputedStyle(e).borderTopStyle), 'none');
});

test('390 px wide: one column, no sideways scrolling', async () => {
  const page = await site.open('', { context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
  const boxes = await page.evaluate(() => ['corpus', 'reader', 'panels'].map((id) => document.getElementById(id).getBoundingClientRect()).map((r) => [Math.round(r.left), Math.round(r.width)]));
  for (const [left, width] of boxes) assert.ok(left >= 0 && width <= 390, 'panes stacked');
});
