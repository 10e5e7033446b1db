import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { codePointsOf } from '../../www/export/units.js';
import { analysisRecord, analysisJsonLines } from '../../www/export/analysis.js';
import { stanceEdgesCsv, mentionsCsv, EDGE_HEADER, MENTION_HEADER } from '../../www/export/csv.js';
import { annotationCollection } from '../../www/export/annotations.js';
import { articleReportHtml, escapeHtml, REPORT_CSS, REPORT_CSS_SHA256, REPORT_CSP } from '../../www/export/report.js';
import { exportFile } from '../../www/export/files.js';
import { collectionProblems, itemsOf } from '../helpers/annotation-model.mjs';

// Awkward text: curly quotes, an em dash, an emoji, Azerbaijani letters, a comma, a quote, a
// line break and markup inside the spans.
const TEXT = '“Hikmət Hacıyev” — 😀 said, "Iran <b>warned</b>\nAzerbaijan & Israel."';
const span = (s) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
const ARTICLE = {
  id: 'a/1 x',
  text: TEXT,
  meta: { title: 'A <title> & "quote"', outlet: 'Outlet <i>', url: 'javascript:alert(1)' },
  report: {
    title: 'x',
    viewpoint: { label: 'iranian', scores: { iranian: 0.7 }, confidence: 0.6, evidence: [{ ...span('warned'), viewpoint: 'iranian', kind: 'cue', weight: 1 }] },
    viewpoints: [{ id: 'iranian', label: 'Iranian', bloc: 'iran' }],
    entities: [
      { id: 'hajiyev', name: 'Hikmət Hacıyev', type: 'person', bloc: 'azerbaijan', mentions: 1 },
      { id: 'iran', name: 'Iran', type: 'country', bloc: 'iran', mentions: 1 },
      { id: 'azerbaijan', name: 'Azerbaijan', type: 'country', bloc: 'azerbaijan', mentions: 1 },
      { id: 'israel', name: 'Israel', type: 'country', bloc: 'israel', mentions: 1 },
    ],
    mentions: [{ ...span('Hikmət Hacıyev'), entity: 'hajiyev' }, { ...span('Iran'), entity: 'iran' }, { ...span('Azerbaijan'), entity: 'azerbaijan' }, { ...span('Israel'), entity: 'israel' }],
    statements: [{
      ...span('Iran <b>warned</b>\nAzerbaijan & Israel.'),
      holder: 'iran', holder_name: 'Iran', holder_bloc: 'iran', voice: 'iranian', rule: 'speech-cue',
      targets: [{ entity: 'azerbaijan', name: 'Azerbaijan', bloc: 'azerbaijan', polarity: -0.6 }, { entity: 'israel', name: 'Israel', bloc: 'israel', polarity: -0.8 }],
      cues: [{ ...span('warned'), polarity: -0.6 }],
    }],
  },
};
const cpSlice = (text, start, end) => [...text].slice(start, end).join('');

test('code-point offsets: astral characters count once', () => {
  const cp = codePointsOf('a😀b');
  assert.deepEqual([0, 1, 3, 4].map(cp), [0, 1, 2, 3]);
});

test('analysis JSON carries the text; code-point offsets slice it as Python would', () => {
  const rec = JSON.parse(JSON.stringify(analysisRecord(ARTICLE)));
  assert.equal(rec.text, TEXT);
  assert.equal(rec.offsets, 'code points');
  for (const m of rec.mentions) assert.equal(cpSlice(rec.text, m.start, m.end), m.text);
  for (const s of rec.statements) {
    assert.equal(cpSlice(rec.text, s.start, s.end), s.text);
    for (const c of s.cues) assert.equal(cpSlice(rec.text, c.start, c.end), c.text);
  }
  assert.equal(cpSlice(rec.text, rec.viewpoint.evidence[0].start, rec.viewpoint.evidence[0].end), 'warned');
  assert.equal(rec.statements[0].rule, 'speech-cue');
  assert.equal(ARTICLE.report.mentions[0].start, 1, 'the page’s own report is left in UTF-16');
  const lines = analysisJsonLines([ARTICLE, ARTICLE]).trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.deepEqual(JSON.parse(lines[1]), rec);
});

test('stance edges CSV round-trips through a CSV reader, Source and Target first', () => {
  const rows = parse(stanceEdgesCsv([ARTICLE]), { columns: true, relax_column_count: false });
  assert.deepEqual(Object.keys(rows[0]), EDGE_HEADER);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows.map((r) => [r.Source, r.Target, r.polarity, r.rule, r['holder bloc'], r['target bloc'], r.voice, r.article]), [
    ['iran', 'azerbaijan', '-0.6', 'speech-cue', 'iran', 'azerbaijan', 'iranian', 'a/1 x'],
    ['iran', 'israel', '-0.8', 'speech-cue', 'iran', 'israel', 'iranian', 'a/1 x'],
  ]);
  assert.equal(rows[0].evidence, ARTICLE.report.statements[0].text, 'quotes, commas and line breaks survive');
  assert.equal(cpSlice(TEXT, Number(rows[0].start), Number(rows[0].end)), rows[0].evidence);
});

test('mentions CSV round-trips', () => {
  const rows = parse(mentionsCsv([ARTICLE]), { columns: true });
  assert.deepEqual(Object.keys(rows[0]), MENTION_HEADER);
  assert.deepEqual(rows.map((r) => [r.entity, r.name, r.type, r.bloc, r.text]), ARTICLE.report.mentions.map((m) => {
    const e = ARTICLE.report.entities.find((x) => x.id === m.entity);
    return [m.entity, e.name, e.type, e.bloc, m.text];
  }));
  for (const r of rows) assert.equal(cpSlice(TEXT, Number(r.start), Number(r.end)), r.text);
});

test('Web Annotations have the model’s required shape, and their selectors find the text', () => {
  const doc = JSON.parse(JSON.stringify(annotationCollection(ARTICLE)));
  assert.deepEqual(collectionProblems(doc), []);
  const items = itemsOf(doc);
  assert.equal(items.length, 1 + ARTICLE.report.mentions.length);
  assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'ids are unique');
  assert.match(doc.first.items[0].target.source, /^urn:parallax:article:/, 'a javascript: URL is never a source');
  for (const a of items) {
    const [quote, pos] = a.target.selector;
    assert.equal(cpSlice(TEXT, pos.start, pos.end), quote.exact);
    assert.ok(TEXT.includes(quote.prefix + quote.exact + quote.suffix));
    assert.ok([...quote.prefix].length <= 32 && [...quote.suffix].length <= 32);
  }
  assert.equal(doc['dcterms:source'].value, TEXT);
  // The checker bites.
  assert.ok(collectionProblems({ ...doc, '@context': 'x' }).length);
  const broken = JSON.parse(JSON.stringify(doc));
  broken.first.items[0].target.selector[1].start = -1;
  delete broken.first.items[1].id;
  assert.equal(collectionProblems(broken).length, 2);
});

test('the HTML report: no script, a strict CSP whose hash is its stylesheet’s, all text escaped', () => {
  const html = articleReportHtml(ARTICLE);
  assert.equal(REPORT_CSS_SHA256, 'sha256-' + createHash('sha256').update(REPORT_CSS).digest('base64'));
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
  assert.match(REPORT_CSP, /default-src 'none'/);
  assert.ok(html.includes(`<style>${REPORT_CSS}</style>`));
  assert.doesNotMatch(html, /<script|<b>warned|<i>|<title>&|javascript:/i);
  assert.ok(html.includes('Iran &lt;b&gt;warned&lt;/b&gt;') || html.includes('&lt;b&gt;'), 'markup in the text is shown as text');
  assert.ok(html.includes('A &lt;title&gt; &amp; &quot;quote&quot;'));
  assert.ok(html.includes('Iran → Azerbaijan, Israel −'), 'the marker names holder and targets');
  const capped = articleReportHtml({ ...ARTICLE, report: { ...ARTICLE.report, notes: ['Only the first <5> statements'] } });
  assert.ok(capped.includes('<p class="meta">Only the first &lt;5&gt; statements</p>'), 'the report says what it leaves out');
  assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
  // The Rust exporter embeds the same stylesheet and hash.
  const rust = readFileSync(new URL('../../src/export.rs', import.meta.url), 'utf8');
  assert.equal(/pub const REPORT_CSS: &str = "([^"]*)";/.exec(rust)?.[1], REPORT_CSS, 'src/export.rs carries the same stylesheet');
  assert.equal(/pub const REPORT_CSS_SHA256: &str = "([^"]*)";/.exec(rust)?.[1], REPORT_CSS_SHA256, 'and the same hash');
});

test('file names and types of each export', () => {
  assert.equal(exportFile('json', [ARTICLE]).name, 'a-1-x.analysis.json');
  assert.equal(exportFile('json', [ARTICLE, ARTICLE], { corpus: true }).name, 'parallax-corpus.analysis.jsonl');
  assert.equal(exportFile('annotations', [ARTICLE]).type, 'application/ld+json');
  assert.equal(exportFile('html', [ARTICLE]).type, 'text/html');
  assert.throws(() => exportFile('pdf', [ARTICLE]), /no export/);
});
