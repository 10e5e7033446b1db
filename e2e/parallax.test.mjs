// The parallax views (issue 11) in headless Chromium: statement markers, compare, the stance
// network, and every export downloaded and read back by a real parser, checked against the
// page's own analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { useSite, analyzeSeedInPage, seedIndex, waitForCorpus } from './helpers/site.mjs';
import { axe } from './helpers/axe.mjs';
import { collectionProblems, itemsOf } from './helpers/annotation-model.mjs';

const site = useSite();

/** The seeds as the page analyses them: [{id, text, report}]. */
async function seedReports(page) {
  const out = [];
  for (const seed of await seedIndex(page)) {
    const { text, report } = await analyzeSeedInPage(page, seed);
    out.push({ id: seed.file.replace(/\.[^.]+$/, ''), text, report });
  }
  return out;
}

const cpSlice = (text, start, end) => [...text].slice(start, end).join('');

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

test('a statement marker names holder and targets; focus shows its rule and cue words', async () => {
  const page = await site.open();
  const seeds = await seedReports(page);
  const shown = await page.$eval('#list .item[data-id] a[aria-current="true"]', (a) => a.closest('.item').dataset.id);
  const report = seeds.find((s) => s.id === shown).report;
  const i = report.statements.findIndex((s) => s.targets.some((t) => t.entity !== s.holder));
  assert.ok(i >= 0, 'the first article has a statement with a target');
  const s = report.statements[i];
  const tag = await page.$eval(`#s-${i}`, (el) => el.dataset.tag);
  assert.ok(tag.startsWith(`${s.holder_name} → `), tag);
  for (const t of s.targets.filter((t) => t.entity !== s.holder).slice(0, 2)) assert.ok(tag.includes(t.name), `${tag} names ${t.name}`);
  assert.match(tag, / [−+○±]$/);
  // The tag is drawn by CSS: the text itself is unchanged.
  assert.equal(await page.$eval(`#s-${i}`, (el) => getComputedStyle(el, '::before').content), JSON.stringify(tag));

  // Keyboard: Tab into the text, arrows to the statement; its tooltip names rule and cues.
  await page.focus('#text [tabindex="0"]');
  await page.$eval(`#s-${i}`, (el) => el.focus());
  await page.waitForSelector('#tooltip:not([hidden])');
  const tip = await page.textContent('#tooltip');
  assert.ok(tip.includes(tag), tip);
  assert.match(tip, /rule: /);
  for (const c of s.cues) assert.ok(tip.includes(`“${c.text}”`), `cue ${c.text} in ${tip}`);
  assert.equal(await page.getAttribute(`#s-${i}`, 'aria-describedby'), 'tooltip');
  // ↓ walks statements, → mentions.
  await page.keyboard.press('ArrowDown');
  const next = await page.evaluate(() => document.activeElement.id);
  assert.ok(/^s-\d+$/.test(next) && next !== `s-${i}`, `↓ goes to the next statement (${next})`);
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.evaluate(() => document.activeElement.matches('mark.mention')), '→ goes to a mention');
});

test('compare Azerbaijan across the seeds: every viewpoint present, with its statements', async () => {
  const page = await site.open('#/compare?t=azerbaijan');
  await page.waitForSelector('#compare:not([hidden]) .side');
  assert.ok(await page.isHidden('#reader'), 'the reading view gives way');
  const seeds = await seedReports(page);
  const want = new Map();
  for (const { id, report } of seeds) {
    const label = report.viewpoint.label;
    if (!want.has(label)) want.set(label, []);
    report.statements.forEach((s, si) => {
      for (const t of s.targets) if (t.entity === 'azerbaijan' && s.holder !== 'azerbaijan') want.get(label).push(`${id}:${si}:${s.holder}:${t.polarity}`);
    });
  }
  assert.ok(want.size >= 3, 'the seeds hold three viewpoints or more');
  const columns = await page.$$eval('#compare-columns .side', (els) =>
    els.map((el) => ({
      side: el.dataset.side,
      rows: [...el.querySelectorAll('.side-row')].map((li) => {
        const href = li.querySelector('a.side-source').getAttribute('href');
        const m = /#\/a\/([^?]+)\?(?:.*&)?s=(\d+)/.exec(href);
        return { article: decodeURIComponent(m[1]), s: m[2], text: li.querySelector('.side-text').textContent };
      }),
    })),
  );
  for (const [label, rows] of want) {
    const col = columns.find((c) => c.side === label);
    assert.ok(col, `a column for ${label}`);
    assert.ok(rows.length > 0, `${label} articles speak of Azerbaijan`);
    assert.deepEqual(col.rows.map((r) => `${r.article}:${r.s}`).sort(), rows.map((r) => r.split(':').slice(0, 2).join(':')).sort(), `${label}: its statements`);
    for (const r of col.rows) {
      const { report } = seeds.find((x) => x.id === r.article);
      assert.equal(r.text, report.statements[Number(r.s)].text, 'the evidence sentence');
    }
  }
  // The bar: one row per viewpoint with its count and its mean.
  const bars = await page.$$eval('#compare-summary tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
  for (const [label, rows] of want) {
    const name = await page.$eval(`#compare-columns .side[data-side="${label}"] h3`, (h) => h.firstChild.nextSibling.textContent);
    const bar = bars.find((b) => b[0] === name);
    assert.ok(bar, `a bar for ${name}`);
    assert.equal(bar[3], `${rows.length} statements`);
    const mean = rows.map((r) => Number(r.split(':')[3])).reduce((a, b) => a + b, 0) / rows.length;
    const abs = Math.abs(mean).toFixed(2);
    assert.equal(bar[2], abs === '0.00' ? abs : (mean < 0 ? '−' : '+') + abs, `${name}: mean polarity`);
  }
  // Blindspots are listed, each a link to compare it.
  assert.match(await page.textContent('#compare-blindspots'), /Blindspots/);
  assert.ok((await page.$$('#compare-blindspots a[href*="compare"]')).length > 0);

  // A link into the article opens it there, with the statement in view.
  const first = columns.find((c) => c.rows.length).rows[0];
  await page.click('#compare-columns .side-row a.side-source');
  await page.waitForFunction((id) => location.hash.startsWith(`#/a/${id}?`), first.article);
  await page.waitForSelector(`#s-${first.s}.flash`);
  assert.ok(await page.isVisible('#reader'));
});

test('compare: a pair, from the keyboard, linkable, and axe-clean', async () => {
  const page = await site.open('#/compare?t=azerbaijan');
  await page.waitForSelector('#compare .side');
  await page.focus('#compare-with');
  const partner = await page.$eval('#compare-with', (s) => [...s.options].find((o) => o.value === 'israel')?.value);
  assert.equal(partner, 'israel', 'Israel is a partner of Azerbaijan in the seeds');
  await page.selectOption('#compare-with', 'israel');
  await page.waitForFunction(() => location.hash.includes('w=israel'));
  assert.match(await page.textContent('#compare-about'), /Azerbaijan–Israel/);
  await page.selectOption('#compare-by', 'voice');
  await page.waitForFunction(() => location.hash.includes('by=voice'));
  const hash = await page.evaluate(() => location.hash);
  const rows = await page.$$eval('#compare-columns .side-row', (l) => l.length);
  assert.ok(rows > 0);
  // The same address in a new page shows the same thing.
  const again = await site.open(hash);
  await again.waitForSelector('#compare .side');
  assert.equal(await again.$eval('#compare-with', (s) => s.value), 'israel');
  assert.equal(await again.$eval('#compare-by', (s) => s.value), 'voice');
  assert.equal(await again.$$eval('#compare-columns .side-row', (l) => l.length), rows);
  for (const scheme of ['light', 'dark']) {
    const p = await site.open(hash, { context: { colorScheme: scheme } });
    await p.waitForSelector('#compare .side');
    assert.deepEqual(await axe(p), [], scheme);
  }
});

test('the stance network: follow an edge to its evidence, from the mouse and the keyboard; export SVG and PNG', async () => {
  const page = await site.open('#/network');
  await page.waitForSelector('#network svg .edge');
  const seeds = await seedReports(page);
  const edges = await page.$$eval('#network svg .edge', (els) => els.map((e) => ({ id: e.dataset.edge, label: e.getAttribute('aria-label'), cls: e.getAttribute('class'), width: Number(e.getAttribute('stroke-width')), stroke: getComputedStyle(e).stroke })));
  assert.ok(edges.length > 5);
  // Drawn thinnest first, so the busiest lie on top; the keyboard goes busiest first.
  edges.reverse();
  // Each edge counts the statements of the page's analysis from holder to target.
  const count = (id) => {
    const [from, to] = id.split('>');
    let n = 0;
    for (const { report } of seeds) for (const s of report.statements) {
      const holder = s.holder === 'author' ? 'author:' + s.holder_name : s.holder;
      if (holder === from) n += s.targets.filter((t) => t.entity === to && t.entity !== s.holder).length;
    }
    return n;
  };
  for (const e of edges.slice(0, 10)) assert.match(e.label, new RegExp(`: ${count(e.id)} statements?,`), e.label);
  const neg = edges.find((e) => e.cls.includes('pol-neg'));
  const pos = edges.find((e) => e.cls.includes('pol-pos'));
  assert.ok(neg && pos, 'both polarities in the seeds');
  assert.notEqual(neg.stroke, pos.stroke, 'colour is polarity');
  const busiest = edges.reduce((a, b) => (count(b.id) > count(a.id) ? b : a));
  const rarest = edges.reduce((a, b) => (count(b.id) < count(a.id) ? b : a));
  assert.ok(busiest.width > rarest.width, 'width is frequency');
  // Nodes wear their bloc's glyph.
  const iran = await page.$eval('#network svg .node.bloc-iran .glyph', (t) => t.textContent);
  assert.equal(iran, '●');

  // Keyboard: Tab reaches one edge; arrows move; Enter lists the evidence.
  await page.focus('#network-top');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.edge), edges[0].id, 'the busiest edge is the tab stop');
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.dataset.edge);
  assert.equal(second, edges[1].id);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => decodeURIComponent(location.hash).includes(`edge=${id}`), second);
  const rows = await page.$$eval('#network-evidence .side-row', (l) => l.length);
  assert.equal(rows, count(second));
  const texts = await page.$$eval('#network-evidence .side-text', (l) => l.map((e) => e.textContent));
  const all = new Set(seeds.flatMap((x) => x.report.statements.map((s) => s.text)));
  for (const t of texts) assert.ok(all.has(t), 'evidence is a statement of the analysis');

  // Mouse: a click on another edge.
  await page.$$eval('#network svg .edge', (els, id) => els.find((e) => e.dataset.edge === id).dispatchEvent(new MouseEvent('click', { bubbles: true })), edges[2].id);
  await page.waitForFunction((id) => decodeURIComponent(location.hash).includes(`edge=${id}`), edges[2].id);
  assert.equal(await page.$$eval('#network-evidence .side-row', (l) => l.length), count(edges[2].id));

  // Stable: a reload draws the same picture.
  const picture = await page.$eval('#network svg', (s) => s.outerHTML.replace(/ class="[^"]*is-chosen[^"]*"| tabindex="-?\d"/g, ''));
  await page.reload();
  await waitForCorpus(page);
  await page.waitForSelector('#network svg .edge');
  const redrawn = await page.$eval('#network svg', (s) => s.outerHTML.replace(/ class="[^"]*is-chosen[^"]*"| tabindex="-?\d"/g, ''));
  assert.ok(redrawn === picture, 'the same SVG after a reload');

  // Exports.
  const svg = await download(page, () => page.click('#network-svg'));
  assert.equal(svg.name, 'parallax-network.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent || null, root: doc.documentElement.localName, edges: doc.querySelectorAll('path[data-edge]').length, stroke: doc.querySelector('path[data-edge]')?.getAttribute('stroke') || '' };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'svg');
  assert.equal(parsed.edges, edges.length);
  assert.match(parsed.stroke, /^rgb/, 'colours travel with the file');
  const png = await download(page, () => page.click('#network-png'));
  assert.equal(png.name, 'parallax-network.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.bytes.length > 5000);
});

test('the network filters by viewpoint and article set, and is axe-clean', async () => {
  const page = await site.open('#/network');
  await page.waitForSelector('#network svg .edge');
  const all = await page.$$eval('#network svg .edge', (l) => l.length);
  const some = await page.$eval('#network svg .edge', (e) => e.dataset.edge);
  await page.click('#chips button[data-viewpoint="iranian"]');
  await page.waitForFunction(() => location.hash.includes('v=iranian'));
  const iranian = await page.$$eval('#network svg .edge', (l) => l.length);
  assert.ok(iranian > 0 && iranian < all, `${iranian} of ${all}`);
  await page.selectOption('#network-set', 'list');
  await page.waitForFunction(() => location.hash.includes('set=list'));
  const listed = await page.$$eval('#list .item, #quoting .item', (l) => l.length);
  assert.match(await page.textContent('#network-caption'), new RegExp(`^${listed} articles? `));
  await page.fill('#search', 'zzzz-nothing');
  await page.waitForFunction(() => /^0 articles/.test(document.getElementById('network-caption').textContent));
  assert.equal(await page.$$eval('#network svg .edge', (l) => l.length), 0, 'an empty list, an empty network');
  for (const scheme of ['light', 'dark']) {
    const p = await site.open('#/network?edge=' + encodeURIComponent(some), { context: { colorScheme: scheme } });
    await p.waitForSelector('#network-evidence .side-row');
    assert.deepEqual(await axe(p), [], scheme);
  }
});

test('every export downloads and reads back, checked against the page’s own analysis', async () => {
  const page = await site.open('#/?p=export');
  const seeds = await seedReports(page);
  const current = await page.$eval('#list .item a[aria-current="true"]', (a) => a.closest('.item').dataset.id);
  const { text, report } = seeds.find((s) => s.id === current);
  const button = (kind) => () => page.click(`#exports button[data-export="${kind}"]`);

  const json = JSON.parse((await download(page, button('json'))).bytes.toString('utf8'));
  assert.equal(json.text, text);
  assert.equal(json.mentions.length, report.mentions.length);
  assert.equal(json.statements.length, report.statements.length);
  for (const m of json.mentions) assert.equal(cpSlice(json.text, m.start, m.end), m.text, 'code-point offsets');

  const ann = JSON.parse((await download(page, button('annotations'))).bytes.toString('utf8'));
  assert.deepEqual(collectionProblems(ann), []);
  const items = itemsOf(ann);
  assert.equal(items.length, report.statements.length + report.mentions.length);
  for (const a of items) {
    const [quote, pos] = a.target.selector;
    assert.equal(cpSlice(text, pos.start, pos.end), quote.exact);
  }

  const edges = parse((await download(page, button('edges'))).bytes.toString('utf8'), { columns: true });
  const want = report.statements.flatMap((s) => s.targets.filter((t) => t.entity !== s.holder).map((t) => `${s.holder_name}>${t.entity}:${t.polarity}`));
  assert.deepEqual(edges.map((r) => `${r.holder}>${r.Target}:${r.polarity}`), want);
  assert.ok(edges.every((r) => r.Type === 'Directed' && r.Weight === '1' && r.evidence));

  const mentions = parse((await download(page, button('mentions'))).bytes.toString('utf8'), { columns: true });
  assert.deepEqual(mentions.map((r) => `${r.entity}:${r.text}`), report.mentions.map((m) => `${m.entity}:${m.text}`));

  const html = await download(page, button('html'));
  assert.match(html.name, /\.report\.html$/);
  const doc = html.bytes.toString('utf8');
  assert.doesNotMatch(doc, /<script/i);
  // Opened as a file, offline, with its own CSP: its style applies (the hash is right) and
  // nothing is fetched or reported.
  const ctx = await site.browser.newContext({ offline: true });
  try {
    const viewer = await ctx.newPage();
    const messages = [];
    const requests = [];
    viewer.on('console', (m) => messages.push(m.text()));
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.setContent(doc);
    assert.equal(await viewer.$eval('body', (b) => getComputedStyle(b).maxWidth), '736px');
    assert.ok((await viewer.$$eval('article mark', (l) => l.length)) >= report.mentions.length);
    assert.equal(await viewer.$$eval('article .tag', (l) => l.length), report.statements.length, 'one marker per statement');
    const shown = (await viewer.textContent('article')).replace(/\s+/g, ' ');
    const tags = await viewer.$$eval('article .tag', (l) => l.map((t) => t.textContent));
    let plain = shown;
    for (const t of tags) plain = plain.replace(t, '');
    assert.equal(plain.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'the whole text, as text');
    assert.deepEqual(messages, [], 'no CSP violation');
    assert.deepEqual(requests, [], 'nothing fetched');
  } finally {
    await ctx.close();
  }

  // The corpus scope: JSON Lines of every listed article, edges of all of them.
  await page.click('#panel-scope button[data-scope="corpus"]');
  await page.waitForSelector('#exports button[data-scope="corpus"]');
  const lines = (await download(page, button('json'))).bytes.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id).sort(), seeds.map((s) => s.id).sort());
  const allEdges = parse((await download(page, button('edges'))).bytes.toString('utf8'), { columns: true });
  assert.equal(allEdges.length, seeds.reduce((n, s) => n + s.report.statements.reduce((k, st) => k + st.targets.filter((t) => t.entity !== st.holder).length, 0), 0));
});
