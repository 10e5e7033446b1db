// Hostile input renders inert (issue 5): payloads from the OWASP XSS filter evasion cheat
// sheet as article text, as HTML titles and as file names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './helpers/site.mjs';
import { drop, notice, reading } from './helpers/drop.mjs';

const site = useSite();

const PAYLOADS = [
  `<script>window.__xss='script';alert('XSS')</script>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<img src=x onerror=window.__xss='onerror'//`,
  `<svg/onload=window.__xss='svg'>`,
  `<BODY ONLOAD=alert('XSS')>`,
  `<iframe src="javascript:alert('XSS');"></iframe>`,
  `"><script>alert(document.cookie)</script>`,
  `<a href="javascript:alert(1)">click</a>`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<STYLE>@import'http://xss.example.invalid/xss.css';</STYLE>`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `</title><script>alert(1)</script>`,
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>`,
  `<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>`,
];

async function baseline(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const count = () => page.evaluate(() => ({
    scripts: document.scripts.length,
    active: document.querySelectorAll('body img, body svg, body iframe, body object, body style, body meta, body script').length,
  }));
  const before = await count();
  return async () => {
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
    assert.deepEqual(await count(), before, 'no element was created from a payload');
    const foreign = page.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(u));
    assert.deepEqual(foreign, [], 'no request left 127.0.0.1');
    const tags = await page.$$eval('#text *', (els) => [...new Set(els.map((e) => e.tagName))]);
    for (const t of tags) assert.ok(['P', 'SPAN', 'MARK'].includes(t), `only text, spans and marks in the reading view (${t})`);
  };
}

test('payloads as article text are shown as text (dropped, pasted and imported)', async () => {
  const page = await site.open();
  const check = await baseline(page);
  // Plain prose quoting a few payloads. (Text dense with tags is read as HTML by the core,
  // and stripped, which is inert too; all payloads go through the import below verbatim.)
  const inline = PAYLOADS.slice(0, 5).filter((p) => !/<(body|html|head)/i.test(p));
  const lines = inline.flatMap((p, i) => [`Paragraph ${i}: Iran and Israel disagree about Baku.`, `Line ${i} is another plain line about Azerbaijan and its neighbours.`, `Line ${i} is a third line, on Tehran and Washington.`, `Quoted: ${p} (end of quote ${i})`]);
  await drop(page, [{ name: 'payloads.txt', text: lines.join('\n') }]);
  await reading(page, 'Paragraph 0: Iran and Israel');
  let shown = await page.$$eval('#text p', (ps) => ps.map((p) => p.textContent));
  for (const p of inline) assert.ok(shown.some((l) => l.includes(p)), `shown verbatim: ${p}`);

  // Imported text is analyzed as it is: every payload, as the text, the title, the outlet
  // and the file name.
  const records = PAYLOADS.map((p, i) => ({ origin: 'file', fileName: p, text: `${p}\nStatement ${i}: Tehran criticized Baku over Israel.`, meta: { title: p, outlet: p, author: p } }));
  await page.setInputFiles('#import-input', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'parallax-corpus', version: 1, articles: records })) });
  await page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, 6 + PAYLOADS.length);
  const titles = await page.$$eval('#list .item-title', (els) => els.map((e) => e.textContent));
  for (const p of PAYLOADS) assert.ok(titles.includes(p), `title shown verbatim: ${p}`);
  for (const [i, p] of PAYLOADS.entries()) {
    await page.click(`#list .item:nth-child(${7 + i}) a`);
    await page.waitForFunction((t) => document.getElementById('reader-title').textContent === t, p);
    shown = await page.$$eval('#text p', (ps) => ps.map((x) => x.textContent));
    assert.equal(shown[0], p);
    const byline = await page.textContent('#reader-byline');
    assert.ok(byline.includes(p), 'outlet and file name shown as text');
  }

  // Pasted too.
  await page.click('#paste-open');
  await page.fill('#paste-text', 'Tehran criticized Baku. ' + PAYLOADS[0]);
  await page.fill('#paste-title-input', PAYLOADS[4]);
  await page.fill('#paste-outlet', PAYLOADS[1]);
  await page.click('#paste-submit');
  await page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, 7 + PAYLOADS.length);
  await page.hover('#list .item:last-child');
  await check();
});

test('payloads as HTML titles and metadata are shown as text', async () => {
  const page = await site.open();
  const check = await baseline(page);
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const [i, p] of PAYLOADS.slice(0, 6).entries()) {
    const html = `<!doctype html><html><head><title>${escape(p)}</title><meta property="og:site_name" content="${escape(p)}"><meta name="author" content="${escape(p)}"></head><body><article><p>Article ${i}: Iran warned Azerbaijan about its ties with Israel, and Tehran said the partnership threatens the region. Baku rejected the claim on Monday and said its cooperation with Israel is aimed at no third country, officials said in a statement.</p></article></body></html>`;
    await drop(page, [{ name: `title-${i}.html`, text: html, type: 'text/html' }]);
    await page.waitForFunction((n) => document.querySelectorAll('#list .item').length === n, 6 + i);
    const titles = await page.$$eval('#list .item-title', (els) => els.map((e) => e.textContent));
    assert.ok(titles.includes(p), `title shown verbatim: ${p} in ${titles.join(' | ')}`);
  }
  await check();
});

test('payloads as file names are shown as text, in the article and in messages', async () => {
  const page = await site.open();
  const check = await baseline(page);
  const names = PAYLOADS.slice(0, 5).map((p) => p.replace(/\//g, '∕') + '.txt');
  await drop(page, names.map((name, i) => ({ name, text: `Note ${i}: Iran, Israel and Azerbaijan.` })));
  await page.waitForFunction(() => document.querySelectorAll('#list .item').length === 10);
  await reading(page, 'Note 0');
  assert.ok((await page.textContent('#reader-byline')).includes(names[0]));
  await drop(page, [{ name: names[1].replace('.txt', '.empty.txt'), text: '' }]);
  await notice(page, names[1].replace('.txt', '.empty.txt'));
  await check();
});
